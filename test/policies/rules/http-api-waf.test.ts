import { Fn, Tags } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import rule from '../../../policies/rules/http-api-waf';
import { httpApi, restApi, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import { v2LambdaAuthorizer } from '../../helpers/fixtures-access';
import { distribution, edgeWebAcl, executeApiDomain, httpApiRoute } from '../../helpers/fixtures-r19-auth';
import { v2ApiMapping, v2Domain } from '../../helpers/fixtures-traffic';
import { testRule } from '../../helpers/rule-tester';

const tagged = (tier: string) => ({ Tags: { 'data-classification': tier } });
const noWafForPublic = { public: { rules: { 'http-api-waf': { options: { requireWaf: false } } } } };
const VERIFY = 'X-Origin-Verify';

/** HTTP API whose route uses a Lambda authorizer; `identity` is its identity source. */
const guardedApi = (identity: string[], api: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...httpApiRoute({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'V2Authorizer' } }, api),
  ...v2LambdaAuthorizer({ IdentitySource: identity, AuthorizerResultTtlInSeconds: 0 }),
  ...v2Stage(),
});
const behindCdn = (
  identity: string[],
  headers: Record<string, unknown>,
  webAclId?: unknown,
): Record<string, unknown> => ({
  ...guardedApi(identity),
  ...edgeWebAcl(),
  ...distribution(executeApiDomain(), webAclId, headers),
});
const viaDomain = (api: Record<string, unknown>): Record<string, unknown> => ({
  ...guardedApi(['$request.header.Authorization'], api),
  ...v2Domain(),
  ...v2ApiMapping(),
  ...edgeWebAcl(),
  ...distribution({ 'Fn::GetAtt': ['V2Domain', 'RegionalDomainName'] }),
});

/** CDK: HTTP API behind a distribution with a web ACL and an origin-verify header its authorizer requires. */
function cdkBehindCdn(stack: Stack, identity: string[]): void {
  const api = new apigwv2.HttpApi(stack, 'HttpApi');
  const handler = new lambda.Function(stack, 'AuthFn', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ isAuthorized: false });'),
  });
  api.addRoutes({
    path: '/orders',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpUrlIntegration('Orders', 'https://orders.example.com'),
    authorizer: new HttpLambdaAuthorizer('Auth', handler, { identitySource: identity }),
  });
  const acl = new wafv2.CfnWebACL(stack, 'EdgeAcl', {
    scope: 'CLOUDFRONT',
    defaultAction: { allow: {} },
    visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: 'edge' },
    rules: [],
  });
  new cloudfront.Distribution(stack, 'Distribution', {
    defaultBehavior: {
      origin: new origins.HttpOrigin(Fn.select(2, Fn.split('/', api.apiEndpoint)), {
        customHeaders: { [VERIFY]: '{{resolve:secretsmanager:origin-verify}}' },
      }),
    },
    webAclId: acl.attrArn,
  });
}

testRule(rule, {
  valid: [
    {
      name: 'an HTTP API in a tier that does not require a WAF',
      template: { ...httpApi(tagged('public')), ...v2Stage() },
      cdk: (stack) => Tags.of(new apigwv2.HttpApi(stack, 'HttpApi')).add('data-classification', 'public'),
      tiers: noWafForPublic,
    },
    {
      name: 'REST APIs are out of scope (stage-waf applies)',
      template: { ...restApi(), ...restStage() },
      expect: 'skip',
    },
    { name: 'WebSocket APIs are out of scope by default', template: webSocketApi(), expect: 'skip' },
    {
      name: 'behind CloudFront with a web ACL, and every route’s Lambda authorizer requires the origin-verify header',
      template: behindCdn([`$request.header.${VERIFY}`, '$request.header.Authorization'], { [VERIFY]: 'secret' }),
      cdk: (stack) => cdkBehindCdn(stack, [`$request.header.${VERIFY}`, '$request.header.Authorization']),
    },
    {
      name: 'behind CloudFront through its custom domain, default endpoint disabled, where the standard accepts that',
      template: viaDomain({ DisableExecuteApiEndpoint: true }),
      options: { acceptDisabledEndpoint: true },
    },
  ],
  invalid: [
    {
      name: 'fails an HTTP API in the strictest tier (unclassified)',
      template: { ...httpApi(), ...v2Stage() },
      cdk: (stack) => void new apigwv2.HttpApi(stack, 'HttpApi'),
      message: /HTTP API in tier restricted, which requires a WAF/,
    },
    {
      name: 'fails an internal HTTP API even when the public tier is exempt',
      template: httpApi(tagged('internal')),
      tiers: noWafForPublic,
      message: /tier internal/,
    },
    {
      name: 'fails a WebSocket API when the standard lists websocket among the kinds',
      template: webSocketApi(),
      options: { apiKinds: ['http', 'websocket'] },
      message: /WebSocket API/,
    },
    {
      name: 'fails as restricted (strictest tier) when the classification tag is unresolved',
      template: {
        Parameters: { Tier: { Type: 'String' } },
        Resources: httpApi({ Tags: { 'data-classification': { Ref: 'Tier' } } }),
      },
      tiers: noWafForPublic,
      message: /tier restricted/,
    },
    {
      name: 'fails an HTTP API behind a distribution without a web ACL',
      template: behindCdn([`$request.header.${VERIFY}`], { [VERIFY]: 'secret' }, null),
      message: /has no web ACL/,
    },
    {
      name: 'fails CloudFront with a web ACL when the API is also reachable directly (no route requires the header)',
      template: behindCdn(['$request.header.Authorization'], { [VERIFY]: 'secret' }),
      cdk: (stack) => cdkBehindCdn(stack, ['$request.header.Authorization']),
      message: /also reachable around it/,
    },
    {
      name: 'fails a custom-domain origin with the default endpoint disabled by default (the domain is reachable directly)',
      template: viaDomain({ DisableExecuteApiEndpoint: true }),
      message: /also reachable around it/,
    },
    {
      name: 'fails a distribution whose origin is the disabled default endpoint',
      template: {
        ...guardedApi(['$request.header.Authorization'], { DisableExecuteApiEndpoint: true }),
        ...edgeWebAcl(),
        ...distribution(executeApiDomain()),
      },
      message: /cannot reach the API/,
    },
    {
      name: 'fails as unknown when the distribution’s web ACL comes from a parameter without default',
      template: {
        Parameters: { EdgeAclArn: { Type: 'String' } },
        Resources: behindCdn([`$request.header.${VERIFY}`], { [VERIFY]: 'secret' }, { Ref: 'EdgeAclArn' }),
      },
      expect: 'unknown',
      message: /parameter EdgeAclArn/,
    },
    {
      name: 'fails as unknown when the routes that would require the origin-verify header are read from S3',
      template: {
        ...httpApi({ BodyS3Location: { Bucket: 'specs', Key: 'events.yaml' } }),
        ...edgeWebAcl(),
        ...distribution(executeApiDomain(), undefined, { [VERIFY]: 'secret' }),
      },
      expect: 'unknown',
      message: /routes are unresolved/,
    },
    {
      name: 'fails as unknown when a distribution’s origin comes from a parameter without default',
      template: {
        Parameters: { Origin: { Type: 'String' } },
        Resources: { ...guardedApi(['$request.header.Authorization']), ...distribution({ Ref: 'Origin' }) },
      },
      expect: 'unknown',
      message: /only known at deploy time/,
    },
  ],
});
