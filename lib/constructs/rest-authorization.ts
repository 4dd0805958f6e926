import { type Duration, Token } from 'aws-cdk-lib';
import {
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  IdentitySource,
  type IAuthorizer,
  type MethodOptions,
  RequestAuthorizer,
  TokenAuthorizer,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { type Acknowledge, requireReason } from './common';
import { GuardrailsConstructError } from './errors';
import { requireIdentitySource } from './prop-checks';
import { resolveCacheTtl } from './stage-defaults';

export interface CognitoAuthorizationOptions {
  /** User pool(s) whose access tokens are accepted. */
  readonly userPools: IUserPool[];
  /**
   * OAuth scopes every method requires by default (access tokens, not ID tokens). Methods may
   * require other scopes with `authorizationScopes`. At least one.
   */
  readonly scopes: string[];
  /**
   * Authorizer result cache, at most the tier's authorizer-quality maxCacheTtlSeconds.
   * @default Duration.minutes(5), capped by the tier's maximum
   */
  readonly resultsCacheTtl?: Duration;
}

export interface LambdaAuthorizationOptions {
  /** The authorizer function. */
  readonly handler: IFunction;
  /**
   * TOKEN (one header) or REQUEST (several identity sources).
   * @default 'token'
   */
  readonly type?: 'token' | 'request';
  /**
   * Identity sources (REQUEST) or the token header (TOKEN, first entry).
   * @default [IdentitySource.header('Authorization')]
   */
  readonly identitySources?: string[];
  /**
   * Authorizer result cache, at most the tier's authorizer-quality maxCacheTtlSeconds.
   * @default Duration.minutes(5), capped by the tier's maximum
   */
  readonly resultsCacheTtl?: Duration;
}

type AuthorizationConfig =
  | { readonly kind: 'cognito'; readonly options: CognitoAuthorizationOptions }
  | { readonly kind: 'iam' }
  | { readonly kind: 'lambda'; readonly options: LambdaAuthorizationOptions }
  | { readonly kind: 'public'; readonly acknowledge: Acknowledge };

/** How a secure REST API authorizes callers. Deny by default: there is no implicit choice. */
export class RestApiAuthorization {
  /** Cognito user pool access tokens with OAuth scopes. */
  static cognito(options: CognitoAuthorizationOptions): RestApiAuthorization {
    return new RestApiAuthorization({ kind: 'cognito', options });
  }

  /** AWS SigV4 (IAM): callers need an IAM policy allowing `execute-api:Invoke`. */
  static iam(): RestApiAuthorization {
    return new RestApiAuthorization({ kind: 'iam' });
  }

  /** A Lambda authorizer (TOKEN or REQUEST). */
  static lambda(options: LambdaAuthorizationOptions): RestApiAuthorization {
    return new RestApiAuthorization({ kind: 'lambda', options });
  }

  /**
   * No authorization. A weakened default: acknowledged as `rest-method-authorization` with the reason,
   * and refused by tiers whose standard makes that rule non-acknowledgeable.
   */
  static publicAccess(acknowledge: Acknowledge): RestApiAuthorization {
    return new RestApiAuthorization({ kind: 'public', acknowledge });
  }

  private constructor(readonly config: AuthorizationConfig) {}

  get kind(): AuthorizationConfig['kind'] {
    return this.config.kind;
  }
}

/** What a bound authorization gives the API. */
export interface BoundAuthorization {
  readonly methodOptions: MethodOptions;
  readonly authorizer?: IAuthorizer;
  /** Set for public APIs: the acknowledgement to record. */
  readonly publicAcknowledge?: Acknowledge;
}

/** Validate the option and create the authorizer it needs in `scope`. */
export function bindRestAuthorization(
  scope: Construct,
  authorization: RestApiAuthorization,
  tier: string,
): BoundAuthorization {
  const config = authorization.config;
  switch (config.kind) {
    case 'cognito': {
      const { userPools, scopes } = config.options;
      if (!scopes || scopes.length === 0 || scopes.some((s) => !Token.isUnresolved(s) && s.trim() === '')) {
        throw new GuardrailsConstructError(
          'E_COGNITO_SCOPES_REQUIRED',
          'Cognito authorization without OAuth scopes accepts ID tokens of any app client.',
          scopes,
          "Pass scopes, e.g. RestApiAuthorization.cognito({ userPools: [pool], scopes: ['orders/read'] }) (ApiUserPool.scopeId helps).",
        );
      }
      const authorizer = new CognitoUserPoolsAuthorizer(scope, 'Authorizer', {
        cognitoUserPools: userPools,
        resultsCacheTtl: resolveCacheTtl(config.options.resultsCacheTtl, tier, 'Cognito'),
      });
      return {
        authorizer,
        methodOptions: { authorizer, authorizationType: AuthorizationType.COGNITO, authorizationScopes: scopes },
      };
    }
    case 'iam':
      return { methodOptions: { authorizationType: AuthorizationType.IAM } };
    case 'lambda': {
      const { handler, type = 'token' } = config.options;
      const resultsCacheTtl = resolveCacheTtl(config.options.resultsCacheTtl, tier, 'Lambda');
      requireIdentitySource(config.options.identitySources);
      const sources = config.options.identitySources ?? [IdentitySource.header('Authorization')];
      const authorizer =
        type === 'request'
          ? new RequestAuthorizer(scope, 'Authorizer', { handler, identitySources: sources, resultsCacheTtl })
          : new TokenAuthorizer(scope, 'Authorizer', { handler, identitySource: sources[0], resultsCacheTtl });
      return { authorizer, methodOptions: { authorizer, authorizationType: AuthorizationType.CUSTOM } };
    }
    case 'public':
      requireReason(config.acknowledge, 'RestApiAuthorization.publicAccess');
      return { methodOptions: { authorizationType: AuthorizationType.NONE }, publicAcknowledge: config.acknowledge };
  }
}
