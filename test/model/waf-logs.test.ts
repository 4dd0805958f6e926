import type { Inventory, Stage } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

function template(association: string, extra = ''): string {
  return `
Conditions:
  WantWaf: !Equals [a, b]
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Api }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction: { Block: {} }
      Rules:
        - Name: rate
          Priority: 1
          Statement:
            RateBasedStatement: { Limit: 1000, AggregateKeyType: IP }
          Action: { Block: {} }
        - Name: bots
          Priority: 2
          Statement:
            ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesBotControlRuleSet }
          OverrideAction: { Count: {} }
  AclLogging:
    Type: AWS::WAFv2::LoggingConfiguration
    Properties:
      ResourceArn: !GetAtt Acl.Arn
      LogDestinationConfigs: [arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-api]
      RedactedFields:
        - SingleHeader: { Name: Authorization }
        - QueryString: {}
  Association:
    Type: AWS::WAFv2::WebACLAssociation
${association}
${extra}`;
}

function stageOf(inventory: Inventory): Stage {
  return apiById(inventory, 'Api').stages[0];
}

describe('fromTemplate: WAF associations link to stages whatever the ARN form', () => {
  const forms: [string, string][] = [
    [
      'Fn::Sub with ${Api} and ${Stage}',
      `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Stage}`,
    ],
    [
      'Fn::Join with Refs',
      `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !Join ['', ['arn:', !Ref AWS::Partition, ':apigateway:', !Ref AWS::Region, '::/restapis/', !Ref Api, /stages/, !Ref Stage]]`,
    ],
    [
      'Fn::Sub with a literal stage name',
      `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !Sub 'arn:aws:apigateway:eu-west-1::/restapis/\${Api}/stages/prod'`,
    ],
    [
      'Fn::Sub list form with variables',
      `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !Sub ['arn:aws:apigateway:eu-west-1::/restapis/\${Id}/stages/\${Name}', { Id: !Ref Api, Name: prod }]`,
    ],
  ];

  it.each(forms)('links an association written as %s', (_name, association) => {
    const waf = stageOf(buildYaml(template(association))).waf;
    const acl = waf?.webAcl;
    expect(acl && !isUnresolved(acl) ? acl.id : undefined).toBe('Acl');
    expect(waf?.source.logicalId).toBe('Association');
  });

  it('models the web ACL rules and logging', () => {
    const inventory = buildYaml(template(forms[0][1]));
    const acl = inventory.webAcls[0];
    expect(acl.scope).toBe('REGIONAL');
    expect(acl.defaultAction).toBe('BLOCK');
    expect(acl.rules).toEqual([
      { name: 'rate', priority: 1, rateBased: { limit: 1000, aggregateKeyType: 'IP' }, countOnly: false },
      {
        name: 'bots',
        priority: 2,
        managedRuleGroup: { vendor: 'AWS', name: 'AWSManagedRulesBotControlRuleSet' },
        countOnly: true,
      },
    ]);
    const logging = acl.logging;
    expect(logging && !isUnresolved(logging) ? logging.redactedFields : undefined).toEqual([
      'authorization',
      'query-string',
    ]);
  });

  it('fails to trust an association that exists only under a Condition (unresolved, not a pass)', () => {
    const association = forms[0][1].replace('    Properties:', '    Condition: WantWaf\n    Properties:');
    const acl = stageOf(buildYaml(template(association))).waf?.webAcl;
    expect(isUnresolved(acl) && acl.because).toBe(
      'WAF association Association exists only when condition WantWaf is true',
    );
  });

  it('fails to resolve a web ACL from another stack (ImportValue)', () => {
    const association = `    Properties:\n      WebACLArn: !ImportValue shared-acl-arn\n      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Stage}`;
    const acl = stageOf(buildYaml(template(association))).waf?.webAcl;
    expect(isUnresolved(acl)).toBe(true);
  });

  it('fails to decide a stage when the association targets an unresolved API id', () => {
    const association = `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${ApiIdParam}/stages/prod`;
    const waf = stageOf(buildYaml(template(association, 'Parameters:\n  ApiIdParam: { Type: String }'))).waf;
    expect(waf?.source.logicalId).toBe('Association');
    const acl = waf?.webAcl;
    expect(isUnresolved(acl) && acl.because).toBe(
      'WAF association Association may protect this stage: the API id in its ResourceArn is unresolved (parameter ApiIdParam has no default)',
    );
  });

  it('fails to decide a stage when a whole ResourceArn is unresolved, naming every association that may protect it', () => {
    const association = `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !Ref TargetArn`;
    const second = `\n  Second:\n    Type: AWS::WAFv2::WebACLAssociation\n    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !ImportValue other-stage-arn`;
    const acl = stageOf(buildYaml(template(association, `${second}\nParameters:\n  TargetArn: { Type: String }`))).waf
      ?.webAcl;
    expect(isUnresolved(acl) && acl.because).toMatch(
      /^WAF association Association may protect this stage: its ResourceArn is unresolved \(parameter TargetArn has no default\); so may Second \(its ResourceArn is unresolved \(.*other-stage-arn.*\)\)$/,
    );
  });

  it('prefers an exact association over one whose stage name is unresolved, whatever their order', () => {
    const unknownStage = `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${StageParam}`;
    const exact = `\n  Exact:\n    Type: AWS::WAFv2::WebACLAssociation\n${forms[0][1]}\nParameters:\n  StageParam: { Type: String }`;
    const waf = stageOf(buildYaml(template(unknownStage, exact))).waf;
    expect(waf?.source.logicalId).toBe('Exact');
    expect(isUnresolved(waf?.webAcl)).toBe(false);
  });

  it('leaves a stage without association when the ARN names another API', () => {
    const association = `    Properties:\n      WebACLArn: !GetAtt Acl.Arn\n      ResourceArn: arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod`;
    expect(stageOf(buildYaml(template(association))).waf).toBeUndefined();
  });
});

describe('fromTemplate: access log destinations', () => {
  function stageWith(destination: string, groupCondition = ''): Stage {
    return stageOf(
      buildYaml(`
Conditions:
  Keep: !Equals [a, b]
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api }
  Group:
    Type: AWS::Logs::LogGroup
    ${groupCondition}
    Properties: { LogGroupName: api-access, RetentionInDays: 365, KmsKeyId: !GetAtt Key.Arn }
  Key:
    Type: AWS::KMS::Key
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      AccessLogSetting:
        DestinationArn: ${destination}
        Format: $context.requestId
`),
    );
  }

  it.each([
    ['GetAtt', '!GetAtt Group.Arn'],
    ['Sub with a Ref', "!Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Group}'"],
    ['Join with a Ref', "!Join ['', ['arn:aws:logs:eu-west-1:123456789012:log-group:', !Ref Group, ':*']]"],
    ['a literal ARN matched by name', 'arn:aws:logs:eu-west-1:123456789012:log-group:api-access'],
  ])('resolves the log group from %s', (_name, destination) => {
    const group = stageWith(destination).accessLog?.logGroup;
    expect(group && !isUnresolved(group) ? [group.retentionDays, group.kmsKeyId] : group).toEqual([365, '${Key.Arn}']);
  });

  it('fails to resolve a log group that is not in the template', () => {
    const group = stageWith('arn:aws:logs:eu-west-1:123456789012:log-group:elsewhere').accessLog?.logGroup;
    expect(group).toEqual({ unresolved: true, because: 'log group elsewhere is not in the template' });
  });

  it('fails to trust a log group that exists only under a Condition', () => {
    const group = stageWith('!GetAtt Group.Arn', 'Condition: Keep').accessLog?.logGroup;
    expect(isUnresolved(group) && group.because).toBe('log group Group exists only when condition Keep is true');
  });

  it('fails to treat a Firehose destination as a log group', () => {
    const group = stageWith('arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-logs').accessLog
      ?.logGroup;
    expect(isUnresolved(group) && group.because).toMatch(/Firehose/);
  });
});
