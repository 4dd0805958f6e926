import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Tags } from 'aws-cdk-lib';
import rule from '../../../policies/rules/endpoint-type';
import { httpApi, restApi, restStage } from '../../helpers/fixtures';
import { cdkRestApi } from '../../helpers/fixtures-traffic';
import { testRule } from '../../helpers/rule-tester';

const internal = { Key: 'data-classification', Value: 'internal' };
const privateOnly = { internal: { rules: { 'endpoint-type': { options: { allowedEndpointTypes: ['PRIVATE'] } } } } };
const privateVpce = { EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: ['vpce-0123456789abcdef0'] } };

testRule(rule, {
  valid: [
    {
      name: 'any endpoint type in a tier that allows all (rule default)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => void cdkRestApi(stack),
    },
    {
      name: 'an internal API that is PRIVATE where internal allows PRIVATE only',
      template: { ...restApi({ ...privateVpce, Tags: [internal] }), ...restStage() },
      cdk: (stack) => {
        const api = cdkRestApi(stack, { endpointConfiguration: { types: [apigw.EndpointType.PRIVATE] } });
        Tags.of(api).add('data-classification', 'internal');
      },
      tiers: privateOnly,
    },
    {
      name: 'a stage of an API declared in another stack is judged where the API is declared',
      template: {
        Stage: {
          Type: 'AWS::ApiGateway::Stage',
          Properties: { RestApiId: { 'Fn::ImportValue': 'api-id' }, StageName: 'prod', DeploymentId: 'abc' },
        },
      },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails an internal REGIONAL REST API where internal allows PRIVATE only',
      template: { ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'] }, Tags: [internal] }), ...restStage() },
      cdk: (stack) => {
        const api = cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] });
        Tags.of(api).add('data-classification', 'internal');
      },
      tiers: privateOnly,
      message: /API endpoint type is REGIONAL; tier internal allows PRIVATE/,
    },
    {
      name: 'fails an EDGE API (the REST default) where the tier forbids EDGE',
      template: { ...restApi(), ...restStage() },
      options: { allowedEndpointTypes: ['REGIONAL', 'PRIVATE'] },
      message: /EDGE/,
    },
    {
      name: 'fails an internal HTTP API, which cannot be PRIVATE',
      template: httpApi({ Tags: { 'data-classification': 'internal' } }),
      cdk: (stack) =>
        Tags.of(new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false })).add(
          'data-classification',
          'internal',
        ),
      tiers: privateOnly,
      message: /HTTP APIs are always REGIONAL/,
    },
    {
      name: 'fails as unknown when the endpoint type comes from a parameter without default',
      template: {
        Parameters: { Type: { Type: 'String' } },
        Resources: { ...restApi({ EndpointConfiguration: { Types: [{ Ref: 'Type' }] } }), ...restStage() },
      },
      expect: 'unknown',
      message: /parameter Type/,
    },
  ],
});
