import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ApplyApiStandard, REMEDIATION_METADATA_KEY } from '../../aspects';
import { HttpApiAuthorization, SecureHttpApi } from '../../lib';

/**
 * ApplyApiStandard applied to a whole app (the README's "the app when it has no secure constructs" case, done
 * anyway): the secure constructs already meet their own tier, so the aspect must not judge them by its tier,
 * tag them with its owner, or claim remediations on them. The plain API beside them is still remediated.
 */
function appWithSecureAndPlain(): { stack: Stack; template: Template } {
  const app = new App();
  const stack = new Stack(app, 'Mixed', { env: { account: '111111111111', region: 'eu-west-1' } });
  const events = new SecureHttpApi(stack, 'Events', {
    owner: 'team-events',
    dataClassification: 'internal',
    authorization: HttpApiAuthorization.iam(),
    relax: { noWaf: { reason: 'Behind CloudFront with the org web ACL (SEC-101)' } },
  });
  events.addRoutes({
    path: '/events',
    methods: [HttpMethod.GET],
    integration: new HttpUrlIntegration('Up', 'https://backend.example.com'),
  });
  const legacy = new apigw.RestApi(stack, 'Legacy', { cloudWatchRole: false });
  legacy.root.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
  ApplyApiStandard.to(app, { tags: { owner: 'team-legacy', dataClassification: 'confidential' } });
  app.synth();
  return { stack, template: Template.fromStack(stack) };
}

function remediations(resource: { Metadata?: Record<string, unknown> }): unknown {
  return resource.Metadata?.[REMEDIATION_METADATA_KEY];
}

describe('ApplyApiStandard beside secure constructs', () => {
  const { stack, template } = appWithSecureAndPlain();

  it('gives no HTTP API WAF warning for a SecureHttpApi whose own tier and relax.noWaf decide it', () => {
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('http-api-waf'));
    expect(warnings).toEqual([]);
  });

  it("keeps the secure API's own owner tag and records no remediation on its resources", () => {
    const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api'));
    expect(api.Properties.Tags).toMatchObject({ owner: 'team-events', 'data-classification': 'internal' });
    expect(remediations(api)).toBeUndefined();
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(remediations(stage)).toBeUndefined();
  });

  it('still tags and remediates the plain RestApi beside them', () => {
    const [legacy] = Object.values(template.findResources('AWS::ApiGateway::RestApi'));
    expect(legacy.Properties.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'owner', Value: 'team-legacy' },
        { Key: 'data-classification', Value: 'confidential' },
      ]),
    );
    const [stage] = Object.values(template.findResources('AWS::ApiGateway::Stage'));
    expect(remediations(stage)).toEqual(expect.arrayContaining(['X-Ray tracing turned on']));
  });
});
