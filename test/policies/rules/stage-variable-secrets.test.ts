import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/stage-variable-secrets';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { asTemplate, findingsFor, testRule } from '../../helpers/rule-tester';

// Fake credentials built at run time so no scanner mistakes this file for a leak.
const FAKE_ACCESS_KEY = ['AKIA', 'ABCDEFGHIJKLMNOP'].join('');
const FAKE_GITHUB_TOKEN = ['ghp', '_', 'a'.repeat(36)].join('');

function cdkApi(stack: Stack, variables: Record<string, string>): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, deployOptions: { variables } });
  api.root.addMethod('GET', new apigw.MockIntegration());
}

const withVariables = (variables: Record<string, unknown>): Record<string, unknown> => ({
  ...restApi(),
  ...restStage({ Variables: variables }),
});

testRule(rule, {
  valid: [
    {
      name: 'configuration-only stage variables',
      template: withVariables({ lambdaAlias: 'live', backendUrl: 'https://orders.internal.example.com' }),
      cdk: (stack) => cdkApi(stack, { lambdaAlias: 'live', backendUrl: 'https://orders.internal.example.com' }),
    },
    {
      name: 'a variable naming the ARN of a secret (the recommended pattern)',
      template: withVariables({
        DB_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:orders-db-AbCdEf',
      }),
    },
    {
      name: 'a name the standard lists as not secret',
      template: withVariables({ tokenEndpoint: 'https://auth.example.com/oauth2/token' }),
      options: { allowedNames: ['tokenEndpoint'] },
    },
    {
      name: 'HTTP API stage variables without secrets',
      template: { ...httpApi(), ...v2Stage({ StageVariables: { tableName: 'orders' } }) },
    },
    {
      name: 'a stage without variables has nothing to check',
      template: { ...restApi(), ...restStage() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a variable named like a password',
      template: withVariables({ dbPassword: 'correct-horse' }),
      cdk: (stack) => cdkApi(stack, { dbPassword: 'correct-horse' }),
      message: /dbPassword is named like a secret/,
    },
    {
      name: 'fails an AWS access key id under an innocent name, without printing it',
      template: withVariables({ backendUser: FAKE_ACCESS_KEY }),
      message: /backendUser holds a value that looks like a credential \(value not shown\)/,
    },
    {
      name: 'fails a Secrets Manager dynamic reference (it resolves to plain text in the stage)',
      template: withVariables({ backendHeader: '{{resolve:secretsmanager:orders/backend:SecretString:header}}' }),
      message: /backendHeader/,
    },
    {
      name: 'fails an HTTP API stage variable named API_KEY',
      template: { ...httpApi(), ...v2Stage({ StageVariables: { API_KEY: 'k-123' } }) },
      message: /API_KEY is named like a secret/,
    },
    {
      name: 'fails secrets in a Deployment StageDescription',
      template: {
        ...restApi(),
        Deployment: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: {
            RestApiId: { Ref: 'Api' },
            StageName: 'prod',
            StageDescription: { Variables: { githubToken: 'x', note: FAKE_GITHUB_TOKEN } },
          },
        },
      },
      count: 2,
    },
    {
      name: 'fails an organisation-specific token format added by the standard',
      template: withVariables({ partner: 'acme_0123456789abcdefghij' }),
      options: { valuePatterns: ['^acme_[a-z0-9]{20}$'] },
      message: /partner holds a value/,
    },
    {
      name: 'fails as unknown when a value comes from a parameter without default',
      template: {
        Parameters: { Upstream: { Type: 'String' } },
        Resources: withVariables({ upstream: { Ref: 'Upstream' } }),
      },
      expect: 'unknown',
      message: /upstream \(.*parameter Upstream/,
    },
  ],
});

describe('rule stage-variable-secrets never prints values', () => {
  it('keeps credential values out of every message', () => {
    const template = asTemplate(
      withVariables({ dbPassword: 'correct-horse', backendUser: FAKE_ACCESS_KEY, header: FAKE_GITHUB_TOKEN }),
    );
    const findings = findingsFor(rule, template);
    expect(findings.filter((f) => f.status === 'fail')).toHaveLength(2);
    for (const finding of findings) {
      expect(finding.message).not.toContain('correct-horse');
      expect(finding.message).not.toContain(FAKE_ACCESS_KEY);
      expect(finding.message).not.toContain(FAKE_GITHUB_TOKEN);
    }
  });
});
