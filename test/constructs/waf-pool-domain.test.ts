import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SecurityPolicy } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import {
  ApiUserPool,
  DEFAULT_MANAGED_RULE_GROUPS,
  OrgWebAcl,
  orgWebAclRules,
  resolveOrgWebAclSettings,
  SecureApiDomain,
} from '../../lib/constructs';
import { CERT_ARN, OWNERSHIP, domainStack, newStack, restApiStack, userPool } from './fixtures';
import { constructError } from './helpers';

describe('OrgWebAcl', () => {
  const stack = newStack();
  new OrgWebAcl(stack, 'Acl', { owner: 'team-platform', additionalRedactedHeaders: ['X-Api-Key'] });
  const template = Template.fromStack(stack);

  test('REGIONAL, allow by default, managed groups in cost-aware order with the per-IP rate rule second', () => {
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0].Properties;
    expect(acl.Scope).toBe('REGIONAL');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    const names = acl.Rules.map((r: { Name: string }) => r.Name);
    expect(names).toEqual([
      'AWS-AWSManagedRulesAmazonIpReputationList',
      'PerIpRateLimit',
      'AWS-AWSManagedRulesCommonRuleSet',
      'AWS-AWSManagedRulesKnownBadInputsRuleSet',
      'AWS-AWSManagedRulesSQLiRuleSet',
    ]);
    const priorities = acl.Rules.map((r: { Priority: number }) => r.Priority);
    expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
    expect(acl.Rules[1].Statement.RateBasedStatement).toEqual({
      AggregateKeyType: 'IP',
      Limit: 1000,
      EvaluationWindowSec: 300,
    });
  });

  test('logs to an aws-waf-logs-* group (ARN without :*) redacting authorization and cookie', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-'),
      RetentionInDays: 365,
    });
    const logging = Object.values(template.findResources('AWS::WAFv2::LoggingConfiguration'))[0].Properties;
    expect(logging.RedactedFields).toEqual([
      { SingleHeader: { Name: 'authorization' } },
      { SingleHeader: { Name: 'cookie' } },
      { SingleHeader: { Name: 'x-api-key' } },
    ]);
    expect(JSON.stringify(logging.LogDestinationConfigs)).not.toContain(':*');
  });

  test('count-only rules of a managed group become rule action overrides', () => {
    const rules = orgWebAclRules(
      resolveOrgWebAclSettings({
        managedRuleGroups: [{ name: 'AWSManagedRulesCommonRuleSet', countOnlyRules: ['SizeRestrictions_BODY'] }],
      }),
    );
    expect(rules[0].statement).toMatchObject({
      managedRuleGroupStatement: {
        ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
      },
    });
    expect(DEFAULT_MANAGED_RULE_GROUPS.length).toBe(4);
  });

  test.each([
    ['fails on a rate limit below the WAF minimum', { rateLimitPer5Min: 5 }],
    ['fails on an empty managed rule group list', { managedRuleGroups: [] }],
    ['fails on a duplicated managed rule group', { managedRuleGroups: [{ name: 'A' }, { name: 'A' }] }],
  ])('%s', (_name, props) => {
    expect(constructError(() => new OrgWebAcl(newStack(), 'Acl', props)).code).toBe('E_WAF_RULES');
  });
});

describe('ApiUserPool', () => {
  const stack = newStack();
  const pool = userPool(stack);
  const template = Template.fromStack(stack);

  test('strong password policy, required TOTP MFA, Plus plan with full threat protection, no self sign-up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      DeletionProtection: 'ACTIVE',
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  test('resource server scopes and a client-credentials-only machine client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'orders',
      Scopes: Match.arrayWith([Match.objectLike({ ScopeName: 'read' })]),
    });
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0].Properties;
    expect(client).toMatchObject({
      AllowedOAuthFlows: ['client_credentials'],
      GenerateSecret: true,
      EnableTokenRevocation: true,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 60,
    });
    expect(client.AllowedOAuthFlows).not.toContain('implicit');
    expect(pool.scopeId('write')).toBe('orders/write');
  });

  test('fails on a weaker password policy', () => {
    const error = constructError(
      () =>
        new ApiUserPool(newStack(), 'P', {
          ...OWNERSHIP,
          resourceServerIdentifier: 'x',
          scopes: [{ name: 'r', description: 'r' }],
          passwordPolicy: { minLength: 8, requireSymbols: false },
        }),
    );
    expect(error.code).toBe('E_PASSWORD_POLICY');
    expect(error.received).toContain('minLength 8');
  });

  test.each([
    ['fails without scopes', { scopes: [] }],
    ['fails on a scope name with a space', { scopes: [{ name: 'read all', description: 'x' }] }],
    [
      'fails on machine client scopes outside the resource server',
      { scopes: [{ name: 'r', description: 'r' }], machineClientScopes: ['w'] },
    ],
    [
      'fails on a token lifetime over one day',
      { scopes: [{ name: 'r', description: 'r' }], accessTokenValidity: Duration.days(2) },
    ],
  ])('%s', (_name, props) => {
    expect(
      constructError(
        () =>
          new ApiUserPool(newStack(), 'P', {
            ...OWNERSHIP,
            resourceServerIdentifier: 'x',
            ...(props as { scopes: [] }),
          }),
      ).code,
    ).toBe('E_USER_POOL_SCOPES');
  });

  test('fails on an unknown scope name', () => {
    expect(constructError(() => pool.scopeId('delete')).code).toBe('E_USER_POOL_SCOPES');
  });
});

describe('SecureApiDomain', () => {
  test('TLS_1_2 by default, REGIONAL, mapped API has its execute-api endpoint disabled', () => {
    const stack = newStack();
    domainStack(stack);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
    t.hasResourceProperties('AWS::ApiGateway::BasePathMapping', { BasePath: 'v1' });
    t.hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: true });
  });

  const domainWith = (props: Partial<ConstructorParameters<typeof SecureApiDomain>[2]>) => {
    const stack = newStack();
    const bucket = new Bucket(stack, 'Truststore');
    const build = () =>
      new SecureApiDomain(stack, 'Domain', {
        ...OWNERSHIP,
        domainName: 'a.example.com',
        certificate: Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
        ...props,
        mutualTls: props.mutualTls
          ? { bucket, key: 'truststore.pem', version: props.mutualTls.version ?? 'v1' }
          : undefined,
      });
    return { stack, build };
  };

  test('an enhanced 2025 policy gets the STRICT endpoint access mode', () => {
    const { stack, build } = domainWith({ securityPolicy: SecurityPolicy.TLS13_1_2_PFS_PQ_2025_09 });
    build();
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
      EndpointAccessMode: 'STRICT',
    });
  });

  test('mutual TLS with TLS_1_2 sets the truststore', () => {
    const { stack, build } = domainWith({ mutualTls: { key: 'truststore.pem' } as never });
    build();
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: 'TLS_1_2',
      MutualTlsAuthentication: { TruststoreUri: Match.anyValue() },
    });
  });

  test('fails on mutual TLS without a truststore version (rule mtls-truststore-version)', () => {
    const { build } = domainWith({ mutualTls: { key: 'truststore.pem', version: '' } as never });
    expect(constructError(build).fix).toMatch(/mutualTls.version/);
  });

  test('fails on mutual TLS with an enhanced policy (API Gateway does not support it)', () => {
    const { build } = domainWith({
      securityPolicy: SecurityPolicy.TLS13_1_3_2025_09,
      mutualTls: { key: 'truststore.pem' } as never,
    });
    expect(constructError(build).code).toBe('E_MTLS_TRUSTSTORE');
  });

  test('fails on TLS_1_0', () => {
    const stack = newStack();
    restApiStack(stack);
    const error = constructError(
      () =>
        new SecureApiDomain(stack, 'D', {
          ...OWNERSHIP,
          domainName: 'a.example.com',
          certificate: Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
          securityPolicy: SecurityPolicy.TLS_1_0,
        }),
    );
    expect(error.code).toBe('E_TLS_POLICY');
    expect(error.received).toBe('"TLS_1_0"');
  });

  test('accepts every policy the domain-tls rule accepts (a FIPS post-quantum policy the construct used to refuse)', () => {
    const stack = newStack();
    restApiStack(stack);
    new SecureApiDomain(stack, 'D', {
      ...OWNERSHIP,
      domainName: 'a.example.com',
      certificate: Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
      securityPolicy: 'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09' as SecurityPolicy,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: 'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09',
    });
  });
});
