import { defineRule } from '../../lib/engine/rule';

export default defineRule<'stage'>({
  id: 'tracing',
  title: 'REST stages trace requests with AWS X-Ray',
  rationale:
    'X-Ray traces follow a request through API Gateway, the authorizer and the backend, so latency, errors and abuse ' +
    'can be tied to the component that caused them during an investigation.',
  fix: {
    cdk:
      'SecureRestApi traces by default (`relax.tracingOff` acknowledges turning it off); on a plain RestApi ' +
      'set `deployOptions: { tracingEnabled: true }`.',
    cloudFormation: 'Stage `TracingEnabled: true` (or `StageDescription.TracingEnabled` on a Deployment).',
    sam: '`TracingEnabled: true` on AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: { nist80053: ['CA-7'], pciDss4: [] },
  references: {
    securityHub: 'APIGateway.3',
    awsConfig: 'api-gw-xray-enabled',
    controlTower: 'CT.APIGATEWAY.PR.2',
    cdkNag: 'Serverless-APIGWXrayEnabled',
    checkov: 'CKV_AWS_73',
    kics: 'API Gateway X-Ray Disabled',
    prowler: 'apigateway_restapi_tracing_enabled',
  },
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  check(stage, ctx) {
    const location =
      stage.declaredBy === 'deployment' ? 'Properties.StageDescription.TracingEnabled' : 'Properties.TracingEnabled';
    if (stage.tracing === undefined)
      return ctx.fail('Stage does not enable X-Ray tracing (TracingEnabled is unset, default false).', { location });
    if (!ctx.need(stage.tracing, 'TracingEnabled')) ctx.fail('Stage sets TracingEnabled to false.', { location });
  },
});
