import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/domain-mtls';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { basePathMapping, cdkRestApi, restDomain, v2ApiMapping, v2Domain } from '../../helpers/fixtures-traffic';
import { testRule } from '../../helpers/rule-tester';

const mtls = { MutualTlsAuthentication: { TruststoreUri: 's3://trust-bucket/truststore.pem' } };
const requireMtls = { restricted: { rules: { 'domain-mtls': { options: { requireMtls: true } } } } };
const classified = (tier: string) => ({ Tags: [{ Key: 'data-classification', Value: tier }] });

function cdkDomain(stack: Stack, withMtls: boolean): void {
  const api = cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] });
  const certificate = acm.Certificate.fromCertificateArn(
    stack,
    'Cert',
    'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
  );
  const bucket = s3.Bucket.fromBucketName(stack, 'Trust', 'trust-bucket');
  new apigw.DomainName(stack, 'Domain', {
    domainName: 'api.example.com',
    certificate,
    securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    mapping: api,
    mtls: withMtls ? { bucket, key: 'truststore.pem' } : undefined,
  });
}

testRule(rule, {
  valid: [
    {
      name: 'a domain with a truststore where the tier requires mutual TLS',
      template: restDomain({ SecurityPolicy: 'TLS_1_2', ...mtls }),
      cdk: (stack) => cdkDomain(stack, true),
      tiers: requireMtls,
    },
    {
      name: 'a v2 domain with a truststore',
      template: v2Domain({ SecurityPolicy: 'TLS_1_2' }, mtls),
      tiers: requireMtls,
    },
    {
      name: 'no truststore needed when the mapped API is in a tier without the requirement',
      template: {
        ...restApi(classified('internal')),
        ...restStage(),
        ...restDomain({ SecurityPolicy: 'TLS_1_2' }),
        ...basePathMapping(),
      },
      tiers: requireMtls,
      expect: 'skip',
    },
    { name: 'not required by default', template: restDomain({ SecurityPolicy: 'TLS_1_2' }), expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails a domain without truststore where the tier requires mutual TLS',
      template: restDomain({ SecurityPolicy: 'TLS_1_2' }),
      cdk: (stack) => cdkDomain(stack, false),
      tiers: requireMtls,
      message: /requires mutual TLS, but has no MutualTlsAuthentication truststore/,
    },
    {
      name: 'fails a shared domain when one mapped API is restricted (the strictest mapped tier applies)',
      template: {
        ...httpApi({ Tags: { 'data-classification': 'internal' } }),
        ...v2Stage(),
        ...restApi(classified('restricted')),
        ...restStage(),
        ...v2Domain({ SecurityPolicy: 'TLS_1_2' }),
        ...v2ApiMapping(),
        RestMapping: {
          Type: 'AWS::ApiGatewayV2::ApiMapping',
          Properties: {
            DomainName: { Ref: 'V2Domain' },
            ApiId: { Ref: 'Api' },
            Stage: { Ref: 'Stage' },
            ApiMappingKey: 'rest',
          },
        },
      },
      tiers: requireMtls,
      message: /tier restricted/,
    },
    {
      name: 'fails a truststore URI that is not an S3 object',
      template: restDomain({
        SecurityPolicy: 'TLS_1_2',
        MutualTlsAuthentication: { TruststoreUri: 'https://example.com/truststore.pem' },
      }),
      tiers: requireMtls,
      message: /not an s3:\/\/bucket\/key URI/,
    },
    {
      name: 'fails as unknown when the truststore URI comes from a parameter without default',
      template: {
        Parameters: { Trust: { Type: 'String' } },
        Resources: restDomain({
          SecurityPolicy: 'TLS_1_2',
          MutualTlsAuthentication: { TruststoreUri: { Ref: 'Trust' } },
        }),
      },
      tiers: requireMtls,
      expect: 'unknown',
      message: /parameter Trust/,
    },
  ],
});
