import rule from '../../../policies/rules/integration-uri-injection';
import { restApi, restMethod, restStage } from '../../helpers/fixtures';
import {
  cdkHttpApiCalling,
  cdkRestApiCalling,
  httpApiCalling,
  restApiCalling,
} from '../../helpers/fixtures-integrations';
import { testRule } from '../../helpers/rule-tester';

const hostFromHeader = { RequestParameters: { 'integration.request.path.host': 'method.request.header.X-Backend' } };
const proxyPath = { RequestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } };
const lambdaByStageVariable =
  'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111111111111:function:${stageVariables.fn}/invocations';

testRule(rule, {
  valid: [
    {
      name: 'fixed host with a proxied path (the usual {proxy} pattern)',
      template: restApiCalling('https://backend.example.com/{proxy}', proxyPath),
      cdk: (stack) =>
        cdkRestApiCalling(
          stack,
          'https://backend.example.com/{proxy}',
          {},
          { requestParameters: proxyPath.RequestParameters },
        ),
    },
    {
      name: 'HTTP API integration to a fixed URL',
      template: httpApiCalling({ IntegrationUri: 'https://backend.example.com/orders' }),
      cdk: (stack) => cdkHttpApiCalling(stack, 'https://backend.example.com/orders'),
    },
    {
      name: 'stage variable host where the standard allows per-environment hosts',
      template: restApiCalling(
        'https://${stageVariables.host}/orders',
        {},
        { Variables: { host: 'backend.example.com' } },
      ),
      options: { allowStageVariables: true },
    },
    {
      name: 'path placeholder mapped from a literal is not request-controlled',
      template: restApiCalling('https://{host}.example.com/orders', {
        RequestParameters: { 'integration.request.path.host': "'eu'" },
      }),
    },
    {
      name: 'MOCK integrations are out of scope',
      template: { ...restApi(), ...restStage(), ...restMethod() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a host taken from a request header (SSRF)',
      template: restApiCalling('https://{host}/orders', hostFromHeader),
      cdk: (stack) =>
        cdkRestApiCalling(stack, 'https://{host}/orders', {}, { requestParameters: hostFromHeader.RequestParameters }),
      message: /host\/target contains \{host\}, taken from method\.request\.header\.X-Backend/,
      count: 1,
    },
    {
      name: 'fails a host chosen by a stage variable',
      template: restApiCalling(
        'https://${stageVariables.host}/orders',
        {},
        { Variables: { host: 'backend.example.com' } },
      ),
      message: /chosen by stage variable host/,
    },
    {
      name: 'fails a Lambda function chosen by a stage variable (AWS_PROXY)',
      template: {
        ...restApi(),
        ...restStage({ Variables: { fn: 'orders' } }),
        ...restMethod({
          Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: lambdaByStageVariable },
        }),
      },
      message: /stage variable fn/,
    },
    {
      name: 'fails an S3 bucket taken from the request path (AWS integration)',
      template: {
        ...restApi(),
        ...restStage(),
        ...restMethod({
          Integration: {
            Type: 'AWS',
            IntegrationHttpMethod: 'GET',
            Uri: 'arn:aws:apigateway:eu-west-1:s3:path/{bucket}/{key}',
            RequestParameters: {
              'integration.request.path.bucket': 'method.request.path.bucket',
              'integration.request.path.key': 'method.request.path.key',
            },
          },
        }),
      },
      message: /\{bucket\}/,
      count: 1,
    },
    {
      name: 'fails request-controlled path segments where the tier checks paths',
      template: restApiCalling('https://backend.example.com/{proxy}', proxyPath),
      tiers: { restricted: { rules: { 'integration-uri-injection': { options: { checkPath: true } } } } },
      message: /path contains \{proxy\}/,
    },
    {
      name: 'fails an HTTP API route parameter in the host',
      cdk: (stack) => void cdkHttpApiCalling(stack, 'https://{tenant}.example.com/orders'),
      template: httpApiCalling({ IntegrationUri: 'https://{tenant}.example.com/orders' }),
      message: /route path parameter tenant/,
    },
    {
      name: 'fails as unknown when the URI comes from a parameter without default',
      template: { Parameters: { Url: { Type: 'String' } }, Resources: restApiCalling({ Ref: 'Url' }) },
      expect: 'unknown',
      message: /parameter Url/,
    },
  ],
});
