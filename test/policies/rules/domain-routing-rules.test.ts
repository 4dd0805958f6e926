import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import rule from '../../../policies/rules/domain-routing-rules';
import { restApi, restMethod, restStage } from '../../helpers/fixtures';
import { basePathMapping, cdkWebAcl, restDomain, wafAssociation, webAcl } from '../../helpers/fixtures-traffic';
import { CERT_ARN, cdkRoutingRule, routingRule } from '../../helpers/fixtures-r19-domains';
import { testRule } from '../../helpers/rule-tester';

const backend = { Type: 'HTTP_PROXY', Uri: 'https://backend.example.com', IntegrationHttpMethod: 'GET' };
const THEN_MAPPING = 'ROUTING_RULE_THEN_BASE_PATH_MAPPING';

/** The domain's default target: an IAM-authorized API, stage prod with the web ACL, mapped to the domain. */
function secureDefault(mode: unknown = THEN_MAPPING): Record<string, unknown> {
  return {
    ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'] } }),
    ...restMethod({ AuthorizationType: 'AWS_IAM', Integration: backend }),
    ...restStage(),
    ...webAcl(),
    ...wafAssociation(),
    ...restDomain({ SecurityPolicy: 'TLS_1_2', RoutingMode: mode }),
    ...basePathMapping(),
  };
}

/** A second API (id V2Api) with the given method authorization, stage name and web ACL. */
function target(auth: string, stageName: string, waf: boolean): Record<string, unknown> {
  return {
    ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'] } }, 'Target'),
    ...restMethod({ AuthorizationType: auth, Integration: backend }, 'TargetMethod', 'Target'),
    ...restStage({ StageName: stageName }, 'TargetStage', 'Target'),
    ...(waf ? wafAssociation('TargetWaf', 'TargetStage', 'Target') : {}),
  };
}

const toTarget = routingRule('Rule', 'Domain', { Ref: 'Target' }, { Ref: 'TargetStage' });

function cdkRouted(stack: Stack, openTarget: boolean): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, endpointTypes: [apigw.EndpointType.REGIONAL] });
  api.root.addMethod('GET', new apigw.HttpIntegration('https://backend.example.com'), {
    authorizationType: apigw.AuthorizationType.IAM,
  });
  cdkWebAcl(stack, api);
  const other = new apigw.RestApi(stack, 'Target', {
    cloudWatchRole: false,
    endpointTypes: [apigw.EndpointType.REGIONAL],
    deployOptions: { stageName: openTarget ? 'dev' : 'prod' },
  });
  other.root.addMethod('GET', new apigw.HttpIntegration('https://backend.example.com'), {
    authorizationType: openTarget ? apigw.AuthorizationType.NONE : apigw.AuthorizationType.IAM,
  });
  const domain = new apigw.DomainName(stack, 'Domain', {
    domainName: 'api.example.com',
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
    securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    mapping: api,
  });
  const cfn = domain.node.defaultChild as apigw.CfnDomainName;
  cfn.routingMode = THEN_MAPPING;
  cdkRoutingRule(stack, 'Rule', cfn, api, api.deploymentStage.stageName, 10);
  if (openTarget) cdkRoutingRule(stack, 'Open', cfn, other, other.deploymentStage.stageName, 20);
}

testRule(rule, {
  valid: [
    {
      name: 'a rule to the same API and stage as the base path mapping',
      template: { ...secureDefault(), ...routingRule() },
      cdk: (stack) => cdkRouted(stack, false),
    },
    {
      name: 'a rule to another API that keeps authorization, WAF and a production stage name',
      template: { ...secureDefault(), ...target('AWS_IAM', 'prod', true), ...toTarget },
    },
    {
      name: 'a weaker target is tolerated when the standard compares authentication only and the target has it',
      template: { ...secureDefault(), ...target('AWS_IAM', 'beta', false), ...toTarget },
      options: { controls: ['authentication'] },
    },
    {
      name: 'exempt under BASE_PATH_MAPPING_ONLY: API Gateway ignores routing rules',
      template: { ...secureDefault('BASE_PATH_MAPPING_ONLY'), ...target('NONE', 'dev', false), ...toTarget },
      expect: 'exempt',
      message: /ignores routing rules/,
    },
    { name: 'not applicable to a domain without routing rules', template: secureDefault(), expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails a rule that routes to an unauthenticated dev stage without WAF',
      template: { ...secureDefault(), ...target('NONE', 'dev', false), ...toTarget },
      cdk: (stack) => cdkRouted(stack, true),
      message: /requires authorization; a WAF web ACL on the stage; a production stage name/,
    },
    {
      name: 'fails a rule to a beta stage (non-production name) even with auth and WAF',
      template: { ...secureDefault(), ...target('AWS_IAM', 'beta-2', true), ...toTarget },
      message: /lacks what the domain’s base path mappings have: a production stage name/,
    },
    {
      name: 'fails under ROUTING_RULE_ONLY against the secure baseline (no mapping in use)',
      template: { ...secureDefault('ROUTING_RULE_ONLY'), ...target('AWS_IAM', 'prod', false), ...toTarget },
      message: /the secure baseline \(no mapping in use\).*WAF/,
    },
    {
      name: 'fails as unknown when the routed API is not in the template',
      template: { ...secureDefault(), ...routingRule('Rule', 'Domain', 'a1b2c3d4e5', 'prod') },
      expect: 'unknown',
      message: /not in the template/,
    },
    {
      name: 'fails as unknown when the routing mode comes from a parameter without default',
      template: {
        Parameters: { Mode: { Type: 'String' } },
        Resources: { ...secureDefault({ Ref: 'Mode' }), ...routingRule() },
      },
      expect: 'unknown',
      message: /parameter Mode/,
    },
  ],
});
