import rule from '../../../policies/rules/cache-encryption';
import { allMethods, httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { cdkRestApi, corpusTemplate, describeWithCorpus } from '../../helpers/fixtures-traffic';
import { findingsFor, testRule } from '../../helpers/rule-tester';

const cached = (extra: Record<string, unknown> = {}) => ({
  CacheClusterEnabled: true,
  MethodSettings: allMethods({ CachingEnabled: true, ...extra }),
});

testRule(rule, {
  valid: [
    {
      name: 'stage-wide caching with encryption',
      template: { ...restApi(), ...restStage(cached({ CacheDataEncrypted: true })) },
      cdk: (stack) =>
        void cdkRestApi(stack, {
          deployOptions: { cacheClusterEnabled: true, cachingEnabled: true, cacheDataEncrypted: true },
        }),
    },
    {
      name: 'no caching at all passes (caching is not required by default; Checkov CKV_AWS_120 and cdk-nag NIST require it)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => void cdkRestApi(stack),
    },
    {
      name: 'a method override that turns caching on inherits the stage encryption',
      template: {
        ...restApi(),
        ...restStage({
          CacheClusterEnabled: true,
          MethodSettings: [
            ...allMethods({ CacheDataEncrypted: true }),
            { ResourcePath: '/~1orders', HttpMethod: 'GET', CachingEnabled: true },
          ],
        }),
      },
    },
    {
      name: 'encrypted caching through a Deployment StageDescription',
      template: {
        ...restApi(),
        Deployment: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: {
            RestApiId: { Ref: 'Api' },
            StageName: 'prod',
            StageDescription: { CachingEnabled: true, CacheDataEncrypted: true },
          },
        },
      },
    },
    {
      name: 'HTTP APIs have no response cache (not applicable)',
      template: { ...httpApi(), ...v2Stage() },
      expect: 'skip',
    },
    {
      name: 'a tier that requires caching, with an encrypted cache',
      template: { ...restApi(), ...restStage(cached({ CacheDataEncrypted: true })) },
      options: { requireCaching: true },
    },
  ],
  invalid: [
    {
      name: 'fails stage-wide caching without CacheDataEncrypted (AWS default false)',
      template: { ...restApi(), ...restStage(cached()) },
      cdk: (stack) => void cdkRestApi(stack, { deployOptions: { cacheClusterEnabled: true, cachingEnabled: true } }),
      message: /Stage defaults: caching is on but CacheDataEncrypted is not set/,
      count: 1,
    },
    {
      name: 'fails caching with CacheDataEncrypted false',
      template: { ...restApi(), ...restStage(cached({ CacheDataEncrypted: false })) },
      message: /CacheDataEncrypted is false/,
    },
    {
      name: 'fails a method override that caches without encryption on an unencrypted stage',
      template: {
        ...restApi(),
        ...restStage({
          CacheClusterEnabled: true,
          MethodSettings: [{ ResourcePath: '/~1orders', HttpMethod: 'GET', CachingEnabled: true }],
        }),
      },
      message: /GET \/orders: caching is on/,
      count: 1,
    },
    {
      name: 'fails an override that switches encryption off under stage-wide caching',
      template: {
        ...restApi(),
        ...restStage({
          CacheClusterEnabled: true,
          MethodSettings: [
            ...allMethods({ CachingEnabled: true, CacheDataEncrypted: true }),
            { ResourcePath: '/~1orders', HttpMethod: 'GET', CacheDataEncrypted: false },
          ],
        }),
      },
      message: /GET \/orders: caching is on but CacheDataEncrypted is false/,
      count: 1,
    },
    {
      name: 'fails a Deployment StageDescription that caches without encryption (KICS and cfn_nag W87 agree)',
      template: {
        ...restApi(),
        Deployment: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod', StageDescription: { CachingEnabled: true } },
        },
      },
      message: /not set/,
    },
    {
      name: 'fails a stage without cache cluster when the tier requires caching',
      template: { ...restApi(), ...restStage() },
      tiers: { restricted: { rules: { 'cache-encryption': { options: { requireCaching: true } } } } },
      message: /no cache cluster/,
    },
    {
      name: 'fails as unknown when caching comes from a parameter without default',
      template: {
        Parameters: { Cache: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage({ MethodSettings: allMethods({ CachingEnabled: { Ref: 'Cache' } }) }) },
      },
      expect: 'unknown',
      message: /parameter Cache/,
    },
    {
      name: 'fails as unknown when encryption comes from a parameter without default',
      template: {
        Parameters: { Encrypt: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage(cached({ CacheDataEncrypted: { Ref: 'Encrypt' } })) },
      },
      expect: 'unknown',
      message: /cache encryption of Stage defaults is unresolved/,
    },
  ],
});

describeWithCorpus('cache-encryption on the shared corpus (peer agreement)', () => {
  const statuses = (file: string) => findingsFor(rule, corpusTemplate(file)).map((f) => f.status);

  it('passes the cfn_nag W87 fixture with an encrypted cache', () => {
    expect(statuses('cfnnag-apigateway_cacheencrypted-apigateway_with_cache_encryption_enabled.json')).toEqual([
      'pass',
    ]);
  });

  it('fails both Deployments cfn_nag W87 flags (encryption false, and encryption left to the AWS default)', () => {
    expect(statuses('cfnnag-apigateway_cacheencrypted-apigateway_with_no_cache_encryption.json')).toEqual([
      'fail',
      'fail',
    ]);
  });

  it('passes the cfn_nag W87 fixture whose Deployment caches nothing', () => {
    expect(
      statuses('cfnnag-apigateway_cacheencrypted-apigateway_with_no_cache_enabled_missing_stagedescription.json'),
    ).not.toContain('fail');
  });
});
