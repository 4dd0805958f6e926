import type { IPolicyValidationContext, Stack } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { HttpApiAuthorization, SecureHttpApi } from '../../lib/constructs';
import { DEFAULT_BUILDERS, OWNERSHIP, cleanup, newStack, tempApp, userPool } from './fixtures';
import { acknowledgedOn } from './helpers';

/** The peer findings these tests hold the constructs to: API Gateway, Cognito, WAF and log groups. */
const IN_SCOPE = /APIG|COG|WAF|LogGroup/;

interface Built {
  readonly stack: Stack;
  readonly templatePath: string;
  readonly context: IPolicyValidationContext;
}

function synth(build: (stack: Stack) => unknown): Built {
  const app = tempApp();
  const stack = newStack(app, 'Peer');
  build(stack);
  const assembly = app.synth();
  const templatePath = assembly.getStackByName(stack.stackName).templateFullPath;
  const context = {
    templatePaths: [templatePath],
    stackTemplates: [{ templatePath, stackConstructPath: stack.node.path }],
    appConstruct: app,
  } as unknown as IPolicyValidationContext;
  return { stack, templatePath, context };
}

/** Every acknowledgement recorded anywhere in the stack: id → reason. */
function acknowledgementsIn(stack: Stack): Record<string, string> {
  return Object.assign({}, ...stack.node.findAll().map((c) => acknowledgedOn(c)));
}

const ACCOUNT_ROLE_IAM4 =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]';

/** What each construct acknowledges with default props (and why): the list compliance reviews. */
const EXPECTED_ACKNOWLEDGEMENTS: Record<string, RegExp[]> = {
  SecureRestApi: [new RegExp(escape(ACCOUNT_ROLE_IAM4))],
  SecureHttpApi: [/^ApiGuardrails::http-api-waf$/],
  SecureWebSocketApi: [new RegExp(escape(ACCOUNT_ROLE_IAM4)), /^AwsSolutions-APIG4$/],
  OrgWebAcl: [],
  ApiUserPool: [],
  SecureApiDomain: [new RegExp(escape(ACCOUNT_ROLE_IAM4))],
};

function escape(text: string): string {
  return `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

const built = new Map<string, Built>(Object.entries(DEFAULT_BUILDERS).map(([name, build]) => [name, synth(build)]));
afterAll(cleanup);

describe.each([...built.keys()])('%s with default props', (name) => {
  const { stack, context } = built.get(name)!;

  test('cdk-nag AwsSolutions and Serverless: no unacknowledged API Gateway, Cognito, WAF or log-group finding', () => {
    const violations = [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap(
      (pack) => pack.validateScope(stack).violations,
    );
    const inScope = violations
      .filter((v) => IN_SCOPE.test(v.ruleName))
      .map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(inScope).toEqual([]);
  });

  test('every acknowledgement is the expected one and carries a reason', () => {
    const acks = acknowledgementsIn(stack);
    const ids = Object.keys(acks).sort();
    const expected = EXPECTED_ACKNOWLEDGEMENTS[name];
    expect(ids).toHaveLength(expected.length);
    for (const pattern of expected) expect(ids.some((id) => pattern.test(id))).toBe(true);
    for (const reason of Object.values(acks)) expect(reason.length).toBeGreaterThan(20);
  });

  test('cfn-guard Control Tower API Gateway controls (CT.APIGATEWAY.PR.1-6)', () => {
    const report = new CfnGuardValidator({}).validate(context);
    const apiGateway = report.violations
      .filter((v) => (v.description ?? '').includes('CT.APIGATEWAY'))
      .map(
        (v) =>
          `${/CT\.APIGATEWAY\.PR\.\d+/.exec(v.description ?? '')?.[0]} ${v.violatingResources
            .map((r) => r.resourceLogicalId)
            .sort()
            .join(',')}`,
      );
    // WebSocket: only $connect can carry an authorizer; CT.APIGATEWAY.PR.5 still asks it of every route.
    const expected =
      name === 'SecureWebSocketApi'
        ? [expect.stringMatching(/^CT\.APIGATEWAY\.PR\.5 LiveApidisconnectRoute\w+,LiveApisubscribeRoute\w+$/)]
        : [];
    expect(apiGateway).toEqual(expected);
  });

  test('our ApiGuardrails plugin (shipped standard, every rule) reports no unacknowledged finding', () => {
    const report = new ApiGuardrails({ summary: false, failOn: 'warning' }).validate(context);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.description}`)).toEqual([]);
    expect(report.success).toBe(true);
  });
});

test('SecureHttpApi: relax.noWaf makes http-api-waf an acknowledged finding', () => {
  const { context } = synth((stack) => {
    const pool = userPool(stack);
    new SecureHttpApi(stack, 'Events', {
      ...OWNERSHIP,
      authorization: HttpApiAuthorization.cognito({
        userPool: pool.userPool,
        userPoolClients: [pool.machineClient],
        scopes: [pool.scopeId('read')],
      }),
      relax: { noWaf: { reason: 'Fronted by CloudFront with the org web ACL (distribution E2ABC)' } },
    });
  });
  const report = new ApiGuardrails({ summary: false, failOn: 'warning' }).validate(context);
  expect(report.violations).toEqual([]);
  expect(report.metadata?.acknowledged).toBe('1');
});

test('SecureHttpApi in the public tier passes with default props', () => {
  const { context } = synth((stack) => {
    new SecureHttpApi(stack, 'Open', {
      owner: 'team-web',
      dataClassification: 'public',
      authorization: HttpApiAuthorization.iam(),
    });
  });
  const report = new ApiGuardrails({ summary: false, failOn: 'warning' }).validate(context);
  expect(report.violations.map((v) => v.ruleName)).toEqual([]);
});
