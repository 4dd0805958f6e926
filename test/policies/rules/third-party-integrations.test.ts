import rule from '../../../policies/rules/third-party-integrations';
import { restApi, restMethod, restStage } from '../../helpers/fixtures';
import {
  cdkHttpApiCalling,
  cdkRestApiCalling,
  httpApiCalling,
  restApiCalling,
} from '../../helpers/fixtures-integrations';
import { testRule } from '../../helpers/rule-tester';

const standard = { organisationDomains: ['*.example.com'], approvedHosts: ['api.stripe.com'] };
const alb = {
  Alb: {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: { Scheme: 'internet-facing', Subnets: ['subnet-1', 'subnet-2'] },
  },
};

testRule(rule, {
  valid: [
    {
      name: 'organisation host matched by a wildcard domain',
      template: restApiCalling('https://orders.eu.example.com/{proxy}'),
      cdk: (stack) => cdkRestApiCalling(stack, 'https://orders.eu.example.com/{proxy}'),
      options: standard,
    },
    {
      name: 'approved supplier on an HTTP API',
      template: httpApiCalling({ IntegrationUri: 'https://api.stripe.com/v1/charges' }),
      cdk: (stack) => cdkHttpApiCalling(stack, 'https://api.stripe.com/v1/charges'),
      options: standard,
    },
    {
      name: "host of a load balancer in the same template is the organisation's own",
      template: { ...alb, ...restApiCalling({ 'Fn::Sub': 'https://${Alb.DNSName}/orders' }) },
    },
    {
      name: 'host from a stage variable that is an organisation host in every stage',
      template: restApiCalling(
        'https://${stageVariables.host}/orders',
        {},
        { Variables: { host: 'orders.example.com' } },
      ),
      options: standard,
    },
    {
      name: 'supplier approved for the public tier, on a public API',
      template: restApiCalling(
        'https://api.partner.io/x',
        {},
        {},
        { Tags: [{ Key: 'data-classification', Value: 'public' }] },
      ),
      tiers: { public: { rules: { 'third-party-integrations': { options: { approvedHosts: ['api.partner.io'] } } } } },
    },
    {
      name: 'MOCK integrations are out of scope',
      template: { ...restApi(), ...restStage(), ...restMethod() },
      expect: 'skip',
    },
    {
      name: 'VPC link integrations stay inside the organisation (out of scope)',
      template: restApiCalling('https://nlb.partner.io/x', { ConnectionType: 'VPC_LINK', ConnectionId: 'abc123' }),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails an unlisted third-party host, naming it (CDK HttpIntegration)',
      template: restApiCalling('https://api.partner.io/{proxy}'),
      cdk: (stack) => cdkRestApiCalling(stack, 'https://api.partner.io/{proxy}'),
      options: standard,
      message: /calls host api\.partner\.io, which is neither/,
      count: 1,
    },
    {
      name: 'fails every external host under the default standard, which lists none (CDK HttpUrlIntegration)',
      template: httpApiCalling({ IntegrationUri: 'https://api.stripe.com/v1/charges' }),
      cdk: (stack) => cdkHttpApiCalling(stack, 'https://api.stripe.com/v1/charges'),
    },
    {
      name: 'fails a look-alike of the organisation domain (example.com.evil.io)',
      template: restApiCalling('https://orders.example.com.evil.io/x'),
      options: standard,
      message: /orders\.example\.com\.evil\.io/,
    },
    {
      name: 'fails a supplier approved for the public tier only, in the restricted tier',
      template: restApiCalling('https://api.partner.io/x'),
      tiers: { public: { rules: { 'third-party-integrations': { options: { approvedHosts: ['api.partner.io'] } } } } },
    },
    {
      name: 'fails a stage variable host outside the organisation, without printing it',
      template: restApiCalling(
        'https://${stageVariables.host}/orders',
        {},
        { Variables: { host: 'secret-supplier.io' } },
      ),
      options: standard,
      message: /^In stage prod, the integration calls a host set by stage variable, which/,
    },
    {
      name: 'fails as unknown when the host comes from a parameter without default',
      template: {
        Parameters: { Host: { Type: 'String' } },
        Resources: restApiCalling({ 'Fn::Sub': 'https://${Host}/orders' }),
      },
      expect: 'unknown',
      message: /parameter Host/,
    },
  ],
});
