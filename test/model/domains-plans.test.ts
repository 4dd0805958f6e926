import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

describe('fromTemplate: custom domains and mappings', () => {
  const inventory = buildYaml(`
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api, DisableExecuteApiEndpoint: true }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: prod }
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      SecurityPolicy: TLS_1_2
      EndpointConfiguration: { Types: [REGIONAL] }
      MutualTlsAuthentication: { TruststoreUri: s3://bucket/truststore.pem }
      Tags: [{ Key: owner, Value: team }]
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties: { DomainName: !Ref Domain, RestApiId: !Ref Api, Stage: !Ref Stage, BasePath: v1 }
  LiteralMapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties: { DomainName: api.example.com, RestApiId: !ImportValue other-api, Stage: prod }
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: http, ProtocolType: HTTP }
  HttpDomain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: http.example.com
      DomainNameConfigurations:
        - { SecurityPolicy: TLS_1_2, EndpointType: REGIONAL, CertificateArn: arn:aws:acm:eu-west-1:1:certificate/x }
  HttpMapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties: { DomainName: !Ref HttpDomain, ApiId: !Ref Http, Stage: $default }
`);

  it('models a REST domain with TLS policy, endpoint, mTLS and its mappings', () => {
    const domain = inventory.domains.find((d) => d.id === 'Domain');
    expect(domain).toEqual(
      expect.objectContaining({
        kind: 'rest',
        name: 'api.example.com',
        securityPolicy: 'TLS_1_2',
        endpointTypes: ['REGIONAL'],
        mtlsTruststoreUri: 's3://bucket/truststore.pem',
        tags: { owner: 'team' },
      }),
    );
    expect(domain?.mappings[0]).toEqual(expect.objectContaining({ apiId: 'Api', stage: 'prod', basePath: 'v1' }));
    expect(apiById(inventory, 'Api').domainIds).toEqual(['Domain']);
    expect(apiById(inventory, 'Api').disableExecuteApiEndpoint).toBe(true);
  });

  it('fails to resolve the API of a mapping to an imported API (matched to its domain by literal name)', () => {
    const mapping = inventory.domains.find((d) => d.id === 'Domain')?.mappings[1];
    expect(isUnresolved(mapping?.apiId)).toBe(true);
    expect(mapping?.stage).toBe('prod');
  });

  it('models a v2 domain from DomainNameConfigurations and its ApiMapping', () => {
    const domain = inventory.domains.find((d) => d.id === 'HttpDomain');
    expect(domain).toEqual(
      expect.objectContaining({ kind: 'v2', securityPolicy: 'TLS_1_2', endpointTypes: ['REGIONAL'] }),
    );
    expect(domain?.mtlsTruststoreUri).toBeUndefined();
    expect(apiById(inventory, 'Http').domainIds).toEqual(['HttpDomain']);
  });
});

describe('fromTemplate: usage plans', () => {
  const inventory = buildYaml(`
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Api, StageName: v1 }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: prod, DeploymentId: !Ref Deployment }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - { ApiId: !Ref Api, Stage: !Ref Stage }
        - { ApiId: !Ref Api, Stage: v1 }
      Throttle: { RateLimit: 10, BurstLimit: 5 }
      Quota: { Limit: 1000, Period: MONTH }
  Partial:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - { ApiId: !ImportValue other, Stage: prod }
`);

  it('models throttle, quota and the stages a plan covers, and links stages back', () => {
    const plan = inventory.usagePlans.find((p) => p.id === 'Plan');
    expect(plan?.throttle).toEqual({ rateLimit: 10, burstLimit: 5 });
    expect(plan?.quota).toEqual({ limit: 1000, period: 'MONTH' });
    expect(plan?.stages).toEqual([
      { apiId: 'Api', stage: 'prod' },
      { apiId: 'Api', stage: 'v1' },
    ]);
    const stages = apiById(inventory, 'Api').stages;
    expect(stages.map((s) => [s.name, s.declaredBy, s.usagePlanIds])).toEqual(
      expect.arrayContaining([
        ['prod', 'stage', ['Plan']],
        ['v1', 'deployment', ['Plan']],
      ]),
    );
  });

  it('fails to resolve a plan stage on an imported API', () => {
    const plan = inventory.usagePlans.find((p) => p.id === 'Partial');
    expect(isUnresolved(plan?.stages[0].apiId)).toBe(true);
    expect(plan?.throttle).toBeUndefined();
  });
});

describe('fromTemplate: usage plans naming an external API by literal id', () => {
  const inventory = buildYaml(`
Resources:
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: MyRestApi, StageName: Prod, DeploymentId: TestDeployment }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - { ApiId: MyRestApi, Stage: Prod }
  Other:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages:
        - { ApiId: AnotherApi, Stage: Prod }
`);

  it('links the stage of an external API to a plan that names the same literal API id and stage name', () => {
    const api = apiById(inventory, 'external:MyRestApi');
    expect(api.stages.map((s) => [s.name, s.usagePlanIds])).toEqual([['Prod', ['Plan']]]);
    expect(inventory.usagePlans.find((p) => p.id === 'Plan')?.stages).toEqual([
      { apiId: 'external:MyRestApi', stage: 'Prod' },
    ]);
  });

  it('fails to link a plan whose literal API id names another API (it stays unresolved, not linked)', () => {
    const plan = inventory.usagePlans.find((p) => p.id === 'Other');
    expect(isUnresolved(plan?.stages[0].apiId)).toBe(true);
    expect(apiById(inventory, 'external:MyRestApi').stages[0].usagePlanIds).not.toContain('Other');
  });
});
