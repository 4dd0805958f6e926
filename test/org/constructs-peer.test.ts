import { join } from 'node:path';
import { App, Stack, type IPolicyValidationContext } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { GuardrailsHook } from '../../lib/constructs/guardrails-hook';
import { GuardrailsHookAssets, GuardrailsHookStackSet } from '../../lib/constructs/guardrails-hook-stackset';
import { ScheduledAudit } from '../../lib/constructs/scheduled-audit';
import { bundled } from './bundle';

const ADMIN = '111111111111';
const REGIONS = ['eu-west-1', 'us-east-1'];

interface Org {
  readonly app: App;
  readonly admin: Stack;
  readonly assetStacks: Stack[];
  readonly rollout: GuardrailsHookStackSet;
  readonly hookStack: Stack;
  readonly auditStack: Stack;
}

async function org(): Promise<Org> {
  const { dir } = await bundled();
  const app = new App();
  const assetStacks = REGIONS.map(
    (region) => new Stack(app, `HookAssets-${region}`, { env: { account: ADMIN, region } }),
  );
  const assets = assetStacks.map(
    (stack) =>
      new GuardrailsHookAssets(stack, 'Assets', {
        bucketNamePrefix: 'acme-api-guardrails',
        organizationId: 'o-abc123defg',
        bundleDirectory: join(dir, 'guardrails-hook'),
      }),
  );
  const admin = new Stack(app, 'HookRollout', { env: { account: ADMIN, region: 'eu-west-1' } });
  const rollout = new GuardrailsHookStackSet(admin, 'Rollout', {
    assets,
    organizationalUnitIds: ['ou-abcd-11111111'],
    regions: REGIONS,
  });
  const hookStack = new Stack(app, 'Hook', { env: { account: ADMIN, region: 'eu-west-1' } });
  new GuardrailsHook(hookStack, 'Guardrails', { bundleDirectory: join(dir, 'guardrails-hook') });
  const auditStack = new Stack(app, 'Audit', { env: { account: ADMIN, region: 'eu-west-1' } });
  new ScheduledAudit(auditStack, 'Audit', { bundleDirectory: join(dir, 'scheduled-audit') });
  return { app, admin, assetStacks, rollout, hookStack, auditStack };
}

let built: Org;
beforeAll(async () => {
  built = await org();
});

describe('GuardrailsHookStackSet', () => {
  it('rolls the hook out with a service-managed StackSet to the OUs and regions, auto-deploying to new accounts', () => {
    Template.fromStack(built.admin).hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: ['ou-abcd-11111111'] }, Regions: REGIONS }],
      Capabilities: ['CAPABILITY_IAM'],
    });
  });

  it('deploys a member template in WARN mode whose code comes from the bucket of the member region', () => {
    const member = Template.fromJSON(built.rollout.memberTemplate);
    member.hasResourceProperties('AWS::CloudFormation::LambdaHook', { FailureMode: 'WARN', HookStatus: 'ENABLED' });
    member.hasResourceProperties('AWS::Lambda::Function', {
      Code: {
        S3Bucket: { 'Fn::Join': ['-', ['acme-api-guardrails', { Ref: 'AWS::Region' }]] },
        S3Key: Match.stringLikeRegexp('^api-guardrails/[0-9a-f]{64}\\.zip$'),
      },
    });
    // No CDK bootstrap in member accounts: no bootstrap version parameter, no asset parameters.
    expect(JSON.stringify(built.rollout.memberTemplate)).not.toContain('BootstrapVersion');
  });

  it('hosts the code in each region in a bucket only the organisation can read', () => {
    for (const stack of built.assetStacks) {
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::S3::Bucket', { BucketName: `acme-api-guardrails-${stack.region}` });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'OrganisationReadsHookCode',
              Principal: { AWS: '*' },
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123defg' } },
            }),
          ]),
        },
      });
      template.hasResourceProperties('Custom::CDKBucketDeployment', {
        Extract: false,
        DestinationBucketKeyPrefix: 'api-guardrails/',
      });
    }
  });

  it('fails at synth with E_STACKSET_TARGETS when a target region has no assets', () => {
    const lacking = new Stack(new App(), 'Lacking', { env: { account: ADMIN, region: 'eu-west-1' } });
    expect(
      () =>
        new GuardrailsHookStackSet(lacking, 'Rollout', {
          assets: [built.assetStacks[0].node.findChild('Assets') as GuardrailsHookAssets],
          organizationalUnitIds: ['ou-abcd-11111111'],
          regions: REGIONS,
        }),
    ).toThrow(/E_STACKSET_TARGETS.*no assets for us-east-1/);
    const app = new App();
    const admin = new Stack(app, 'Admin', { env: { account: ADMIN, region: 'eu-west-1' } });
    expect(
      () =>
        new GuardrailsHookStackSet(admin, 'Rollout', {
          assets: [],
          organizationalUnitIds: ['ou-abcd-11111111'],
          regions: ['eu-west-1'],
        }),
    ).toThrow(/E_STACKSET_TARGETS/);
  });
});

describe('ScheduledAudit', () => {
  it('runs daily with the read-only audit policy plus BatchImportFindings on the account default product', () => {
    const template = Template.fromStack(built.auditStack);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)' });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
    expect(actions).toEqual(
      [
        'apigateway:GET',
        'cloudfront:ListDistributions',
        'cognito-idp:DescribeUserPool',
        'cognito-idp:GetUserPoolMfaConfig',
        'logs:CreateLogStream',
        'logs:DescribeLogGroups',
        'logs:PutLogEvents',
        'securityhub:BatchImportFindings',
        'wafv2:GetIPSet',
        'wafv2:GetLoggingConfiguration',
        'wafv2:GetWebACL',
      ].sort(),
    );
    const hub = statements.find((s) => s.Action === 'securityhub:BatchImportFindings');
    expect(JSON.stringify(hub?.Resource)).toContain(`:securityhub:eu-west-1:${ADMIN}:product/${ADMIN}/default`);
  });
});

/** Acknowledgements recorded on constructs of a stack: id → reason. */
function acknowledgements(stack: Stack): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of stack.node.findAll())
    for (const entry of c.node.metadata)
      if (entry.type === 'aws:cdk:acknowledged-rules') Object.assign(out, entry.data as Record<string, string>);
  return out;
}

describe.each(['hookStack', 'auditStack', 'admin', 'assets'] as const)('%s against cdk-nag and our plugin', (which) => {
  const stacks = (): Stack[] => (which === 'assets' ? built.assetStacks : [built[which]]);

  it('has no unacknowledged cdk-nag AwsSolutions finding, and every acknowledgement has a reason', () => {
    for (const stack of stacks()) {
      const violations = new AwsSolutionsChecks().validateScope(stack).violations;
      expect(
        violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
      ).toEqual([]);
      for (const reason of Object.values(acknowledgements(stack))) expect(reason.length).toBeGreaterThan(30);
    }
  });

  it('passes the ApiGuardrails plugin (no API Gateway resource, nothing blocking)', () => {
    for (const stack of stacks()) {
      const assembly = built.app.synth();
      const templatePath = assembly.getStackByName(stack.stackName).templateFullPath;
      const report = new ApiGuardrails().validate({ templatePaths: [templatePath] } as IPolicyValidationContext);
      expect(report.violations).toEqual([]);
      expect(report.success).toBe(true);
    }
  });
});

it('acknowledges nothing on the hook stack: the function, roles and log group meet AwsSolutions as they are', () => {
  expect(Object.keys(acknowledgements(built.hookStack))).toEqual([]);
});
