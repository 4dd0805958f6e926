import rule from '../../../policies/rules/integration-https';
import { restApi, restMethod, restStage } from '../../helpers/fixtures';
import {
  cdkHttpApiCalling,
  cdkRestApiCalling,
  httpApiCalling,
  restApiCalling,
} from '../../helpers/fixtures-integrations';
import { testRule } from '../../helpers/rule-tester';

const LISTENER =
  'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65';

testRule(rule, {
  valid: [
    {
      name: 'REST HTTP_PROXY to an https:// backend',
      template: restApiCalling('https://backend.example.com/{proxy}'),
      cdk: (stack) => cdkRestApiCalling(stack, 'https://backend.example.com/{proxy}'),
    },
    {
      name: 'HTTP API integration to an https:// backend',
      template: httpApiCalling({ IntegrationUri: 'https://backend.example.com/orders' }),
      cdk: (stack) => cdkHttpApiCalling(stack, 'https://backend.example.com/orders'),
    },
    {
      name: 'scheme from a stage variable that is https in every stage',
      template: restApiCalling(
        '${stageVariables.backend}/orders',
        {},
        { Variables: { backend: 'https://backend.example.com' } },
      ),
    },
    {
      name: 'REST VPC link over plain HTTP where the standard allows it',
      template: restApiCalling('http://nlb.internal/orders', { ConnectionType: 'VPC_LINK', ConnectionId: 'abc123' }),
      options: { allowHttpOverVpcLink: true },
      expect: 'skip',
    },
    {
      name: 'MOCK integrations are out of scope',
      template: { ...restApi(), ...restStage(), ...restMethod() },
      expect: 'skip',
    },
    {
      name: 'HTTP API VPC link integrations are out of scope (private-integration-tls)',
      template: httpApiCalling({ ConnectionType: 'VPC_LINK', ConnectionId: 'abc123', IntegrationUri: LISTENER }),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a REST integration to http:// (CDK HttpIntegration)',
      template: restApiCalling('http://backend.example.com/{proxy}'),
      cdk: (stack) => cdkRestApiCalling(stack, 'http://backend.example.com/{proxy}'),
      message: /plain HTTP \(http:\/\/backend\.example\.com/,
      count: 1,
    },
    {
      name: 'fails an HTTP API integration to http:// (CDK HttpUrlIntegration)',
      template: httpApiCalling({ IntegrationUri: 'http://backend.example.com/orders' }),
      cdk: (stack) => cdkHttpApiCalling(stack, 'http://backend.example.com/orders'),
      message: /plain HTTP/,
    },
    {
      name: 'fails plain HTTP without printing user-info, path or query (they can carry keys)',
      template: restApiCalling('http://user:pw@backend.example.com/x?apikey=SECRET'),
      message: /^Integration calls its backend over plain HTTP \(http:\/\/backend\.example\.com\/…\)\.$/,
    },
    {
      name: 'fails a plain HTTP integration declared in an inline OpenAPI Body',
      template: {
        ...restApi({
          Body: {
            openapi: '3.0.1',
            info: { title: 'Api', version: '1' },
            paths: {
              '/orders': {
                get: {
                  'x-amazon-apigateway-integration': {
                    type: 'http_proxy',
                    httpMethod: 'GET',
                    uri: 'http://backend.example.com/orders',
                  },
                },
              },
            },
          },
        }),
        ...restStage(),
      },
      message: /plain HTTP/,
      count: 1,
    },
    {
      name: 'fails a REST VPC link over plain HTTP by default',
      template: restApiCalling('http://nlb.internal/orders', { ConnectionType: 'VPC_LINK', ConnectionId: 'abc123' }),
    },
    {
      name: 'fails a stage variable that makes one stage plain HTTP, without printing its value',
      template: {
        ...restApiCalling(
          '${stageVariables.backend}/orders',
          {},
          { Variables: { backend: 'http://secret-host.example.com' } },
        ),
        ...restStage({ StageName: 'beta', Variables: { backend: 'https://beta.example.com' } }, 'Beta'),
      },
      message: /^Stage prod: variable backend makes the integration call its backend over plain HTTP\.$/,
      count: 1,
    },
    {
      name: 'fails as unknown when the URI comes from a parameter without default',
      template: { Parameters: { Url: { Type: 'String' } }, Resources: restApiCalling({ Ref: 'Url' }) },
      expect: 'unknown',
      message: /parameter Url/,
    },
    {
      name: 'fails as unknown when a stage does not define the variable the URI starts with',
      template: restApiCalling('${stageVariables.backend}/orders'),
      expect: 'unknown',
      message: /does not define/,
    },
  ],
});
