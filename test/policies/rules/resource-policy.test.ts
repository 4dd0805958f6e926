import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import rule from '../../../policies/rules/resource-policy';
import { httpApi, restApi, restMethod } from '../../helpers/fixtures';
import { policyDocument, statement, tags } from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

const PRIVATE = { EndpointConfiguration: { Types: ['PRIVATE'] } };
const DENY_OUTSIDE_VPCE = statement({
  Effect: 'Deny',
  Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } },
});

function cdkApi(stack: Stack, props: apigw.RestApiProps): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, ...props });
  api.root.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
}

const invokeStatement = (props: Partial<iam.PolicyStatementProps> = {}): iam.PolicyStatement =>
  new iam.PolicyStatement({
    principals: [new iam.AnyPrincipal()],
    actions: ['execute-api:Invoke'],
    resources: ['execute-api:/*'],
    ...props,
  });

const OPEN_ALLOWED_FOR_PUBLIC = { public: { rules: { 'resource-policy': { options: { forbidOpenAllow: false } } } } };

testRule(rule, {
  valid: [
    {
      name: 'PRIVATE API that allows invoke and denies calls from outside its VPC endpoint (the AWS-documented pattern)',
      template: {
        ...restApi({ ...PRIVATE, Policy: policyDocument(statement({}), DENY_OUTSIDE_VPCE) }),
        ...restMethod(),
      },
      cdk: (stack) =>
        cdkApi(stack, {
          endpointTypes: [apigw.EndpointType.PRIVATE],
          policy: new iam.PolicyDocument({
            statements: [
              invokeStatement(),
              invokeStatement({
                effect: iam.Effect.DENY,
                conditions: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } },
              }),
            ],
          }),
        }),
    },
    {
      name: 'PRIVATE API whose only Allow is conditioned on aws:SourceVpc',
      template: {
        ...restApi({
          ...PRIVATE,
          Policy: policyDocument(statement({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })),
        }),
      },
    },
    {
      name: 'REGIONAL API without a resource policy',
      template: { ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'] } }), ...restMethod() },
    },
    {
      name: 'Allow for everyone narrowed to an IP range',
      template: {
        ...restApi({
          Policy: policyDocument(statement({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })),
        }),
      },
    },
    {
      name: 'an open Allow on a public API where the standard permits it for the public tier',
      template: {
        ...restApi({ Tags: tags({ 'data-classification': 'public' }), Policy: policyDocument(statement({})) }),
      },
      tiers: OPEN_ALLOWED_FOR_PUBLIC,
    },
    { name: 'HTTP APIs have no resource policies', template: { ...httpApi() }, expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails a PRIVATE API without a resource policy',
      template: { ...restApi(PRIVATE), ...restMethod() },
      cdk: (stack) => cdkApi(stack, { endpointTypes: [apigw.EndpointType.PRIVATE] }),
      message: /PRIVATE API has no resource policy/,
    },
    {
      name: 'fails a PRIVATE API whose policy is conditioned on something other than the network',
      template: {
        ...restApi({
          ...PRIVATE,
          Policy: policyDocument(statement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } })),
        }),
      },
      message: /no condition on aws:SourceVpce or aws:SourceVpc/,
    },
    {
      name: 'fails an unconditioned Allow for Principal "*" on a REGIONAL API',
      template: {
        ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'] }, Policy: policyDocument(statement({})) }),
        ...restMethod(),
      },
      cdk: (stack) =>
        cdkApi(stack, {
          endpointTypes: [apigw.EndpointType.REGIONAL],
          policy: new iam.PolicyDocument({ statements: [invokeStatement()] }),
        }),
      message: /statement #1 allows Principal "\*" without a condition on who or where/,
    },
    {
      name: 'fails an unconditioned Allow for { AWS: "*" } given as a JSON string',
      template: { ...restApi({ Policy: JSON.stringify(policyDocument(statement({ Principal: { AWS: ['*'] } }))) }) },
      message: /Principal "\*"/,
    },
    {
      name: 'fails an Allow for everyone conditioned only on TLS (aws:SecureTransport says nothing about the caller)',
      template: {
        ...restApi({ Policy: policyDocument(statement({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })) }),
      },
      message: /statement #1 allows Principal/,
    },
    {
      name: 'fails an open Allow that a Deny on aws:SecureTransport does not narrow',
      template: {
        ...restApi({
          Policy: policyDocument(
            statement({}),
            statement({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ),
        }),
      },
      message: /no such Deny narrows it/,
    },
    {
      name: 'fails the same open Allow on an internal API when only the public tier permits it',
      template: {
        ...restApi({ Tags: tags({ 'data-classification': 'internal' }), Policy: policyDocument(statement({})) }),
      },
      tiers: OPEN_ALLOWED_FOR_PUBLIC,
    },
    {
      name: 'fails as unknown when an unconditioned Allow names a principal from a parameter without default',
      template: {
        Parameters: { Caller: { Type: 'String' } },
        Resources: { ...restApi({ Policy: policyDocument(statement({ Principal: { AWS: { Ref: 'Caller' } } })) }) },
      },
      expect: 'unknown',
      message: /statement #1/,
    },
    {
      name: 'fails as unknown when the endpoint type comes from a parameter without default',
      template: {
        Parameters: { Endpoint: { Type: 'String' } },
        Resources: { ...restApi({ EndpointConfiguration: { Types: [{ Ref: 'Endpoint' }] } }) },
      },
      expect: 'unknown',
      message: /parameter Endpoint/,
    },
  ],
});
