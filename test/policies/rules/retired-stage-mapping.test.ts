import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/retired-stage-mapping';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { basePathMapping, restDomain, v2ApiMapping, v2Domain } from '../../helpers/fixtures-traffic';
import { cdkTieredRestApi } from '../../helpers/fixtures-r19-traffic';
import { testRule } from '../../helpers/rule-tester';
import { loadStandard, StandardError } from '../../../lib/standard';

const retiredV1 = { retiredStages: [{ stage: 'v1', note: 'retired 2026-06-30, use v2' }] };

/** CDK: an API with stage `stageName` mapped on a custom domain (under `basePath` when given). */
function cdkMapped(stack: Stack, stageName: string, basePath?: string): void {
  const api = cdkTieredRestApi(stack, 'internal', {
    restApiName: 'orders',
    endpointTypes: [apigw.EndpointType.REGIONAL],
    deployOptions: { stageName },
  });
  const certificate = acm.Certificate.fromCertificateArn(
    stack,
    'Cert',
    'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
  );
  const domain = new apigw.DomainName(stack, 'Domain', {
    domainName: 'api.example.com',
    certificate,
    endpointType: apigw.EndpointType.REGIONAL,
    securityPolicy: apigw.SecurityPolicy.TLS_1_2,
  });
  domain.addBasePathMapping(api, { basePath, stage: api.deploymentStage });
}

function mapped(stageName: string, mapping: Record<string, unknown> = {}): Record<string, unknown> {
  const base = basePathMapping();
  const props = (base.Mapping as { Properties: Record<string, unknown> }).Properties;
  return {
    ...restApi({ Name: 'orders' }),
    ...restStage({ StageName: stageName }),
    ...restDomain({ SecurityPolicy: 'TLS_1_2' }),
    Mapping: { Type: 'AWS::ApiGateway::BasePathMapping', Properties: { ...props, ...mapping } },
  };
}

testRule(rule, {
  valid: [
    {
      name: 'a domain that maps a stage the standard does not list as retired',
      template: mapped('v2'),
      cdk: (stack) => cdkMapped(stack, 'v2'),
      options: retiredV1,
    },
    {
      name: 'a retired entry scoped to other APIs (api name pattern) does not apply',
      template: mapped('v1'),
      options: { retiredStages: [{ api: 'payments-*', stage: 'v1' }] },
    },
    {
      name: 'a retired base path does not match another base path',
      template: mapped('prod', { BasePath: 'v2' }),
      cdk: (stack) => cdkMapped(stack, 'prod', 'v2'),
      options: { retiredStages: [{ basePath: 'v1' }] },
    },
    {
      name: 'nothing is checked when the standard lists no retired stages (the default)',
      template: mapped('v1'),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a REST mapping to a retired stage, with the standard’s note',
      template: mapped('v1'),
      cdk: (stack) => cdkMapped(stack, 'v1'),
      options: retiredV1,
      message: /still maps stage v1 of API orders, which the standard lists as retired \(retired 2026-06-30, use v2\)/,
    },
    {
      name: 'fails a mapping of a retired base path, whatever the stage',
      template: mapped('prod', { BasePath: '/v1' }),
      cdk: (stack) => cdkMapped(stack, 'prod', 'v1'),
      options: { retiredStages: [{ basePath: 'v1' }] },
      message: /base path \/v1/,
    },
    {
      name: 'fails a retired stage of an API whose name matches the pattern',
      template: mapped('V1'),
      options: { retiredStages: [{ api: 'ord*', stage: 'v1' }] },
    },
    {
      name: 'fails a REST mapping without a stage: it serves every stage, the retired one too',
      template: mapped('v1', { Stage: undefined }),
      options: retiredV1,
      message: /the mapping names no stage/,
    },
    {
      name: 'fails a v2 API mapping to a retired stage',
      template: { ...httpApi(), ...v2Stage({ StageName: 'v1' }), ...v2Domain(), ...v2ApiMapping() },
      options: retiredV1,
    },
    {
      name: 'fails as unknown when the mapped stage is a parameter without default',
      template: {
        Parameters: { StageName: { Type: 'String' } },
        Resources: mapped('v2', { Stage: { Ref: 'StageName' } }),
      },
      options: retiredV1,
      expect: 'unknown',
      message: /mapped stage/,
    },
  ],
});

describe('retired-stage-mapping options in a standard', () => {
  const standard = (retiredStages: unknown[]) => ({
    name: 'Acme',
    classification: { tagKey: 'data-classification', tiers: ['public'] },
    rules: { 'retired-stage-mapping': { options: { retiredStages } } },
  });

  it('accepts entries naming a stage, a base path, or both, with an API pattern and a note', () => {
    expect(() =>
      loadStandard(standard([{ stage: 'v1' }, { basePath: 'legacy', api: 'orders-*', note: 'gone' }])),
    ).not.toThrow();
  });

  it('fails an entry that names neither a stage nor a base path, with the path of the entry', () => {
    let error: unknown;
    try {
      loadStandard(standard([{ api: 'orders-*' }]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StandardError);
    expect((error as StandardError).issues[0].path).toContain('rules.retired-stage-mapping.options.retiredStages');
  });
});
