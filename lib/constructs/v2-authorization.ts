import { type Duration, Token } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer, IWebSocketRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpIamAuthorizer,
  HttpJwtAuthorizer,
  HttpLambdaAuthorizer,
  HttpUserPoolAuthorizer,
  WebSocketIamAuthorizer,
  WebSocketLambdaAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type Acknowledge, requireReason } from './common';
import { GuardrailsConstructError } from './errors';
import { requireIdentitySource } from './prop-checks';
import { resolveCacheTtl } from './stage-defaults';

type HttpConfig =
  | { readonly kind: 'jwt'; readonly issuer: string; readonly audience: string[]; readonly scopes: string[] }
  | {
      readonly kind: 'cognito';
      readonly userPool: IUserPool;
      readonly clients: IUserPoolClient[];
      readonly scopes: string[];
    }
  | { readonly kind: 'iam' }
  | {
      readonly kind: 'lambda';
      readonly handler: IFunction;
      readonly identitySource?: string[];
      readonly resultsCacheTtl?: Duration;
    }
  | { readonly kind: 'public'; readonly acknowledge: Acknowledge };

/** How an HTTP API authorizes callers, applied to every route. Deny by default: no implicit choice. */
export class HttpApiAuthorization {
  /** Any OIDC issuer's JWT access tokens, with audience and required scopes. */
  static jwt(options: {
    readonly issuer: string;
    readonly audience: string[];
    readonly scopes: string[];
  }): HttpApiAuthorization {
    return new HttpApiAuthorization({ kind: 'jwt', ...options });
  }

  /** Cognito user pool access tokens (a JWT authorizer), audience = the app clients, with required scopes. */
  static cognito(options: {
    readonly userPool: IUserPool;
    readonly userPoolClients: IUserPoolClient[];
    readonly scopes: string[];
  }): HttpApiAuthorization {
    return new HttpApiAuthorization({
      kind: 'cognito',
      userPool: options.userPool,
      clients: options.userPoolClients,
      scopes: options.scopes,
    });
  }

  /** AWS SigV4 (IAM). */
  static iam(): HttpApiAuthorization {
    return new HttpApiAuthorization({ kind: 'iam' });
  }

  /**
   * A Lambda authorizer. `resultsCacheTtl` @default Duration.minutes(5), capped by the tier's maximum; `identitySource`
   * @default ['$request.header.Authorization']
   */
  static lambda(options: {
    readonly handler: IFunction;
    readonly identitySource?: string[];
    readonly resultsCacheTtl?: Duration;
  }): HttpApiAuthorization {
    return new HttpApiAuthorization({ kind: 'lambda', ...options });
  }

  /** No authorization: acknowledged as `v2-route-authorization` with the reason. */
  static publicAccess(acknowledge: Acknowledge): HttpApiAuthorization {
    return new HttpApiAuthorization({ kind: 'public', acknowledge });
  }

  private constructor(readonly config: HttpConfig) {}

  get kind(): HttpConfig['kind'] {
    return this.config.kind;
  }
}

export interface BoundHttpAuthorization {
  readonly authorizer?: IHttpRouteAuthorizer;
  readonly scopes?: string[];
  readonly publicAcknowledge?: Acknowledge;
}

function requireScopes(scopes: string[] | undefined, what: string): string[] {
  if (!scopes || scopes.length === 0 || scopes.some((s) => !Token.isUnresolved(s) && s.trim() === '')) {
    throw new GuardrailsConstructError(
      'E_COGNITO_SCOPES_REQUIRED',
      `${what} authorization needs OAuth scopes on every route (otherwise any token of the issuer is accepted).`,
      scopes,
      "Pass scopes, e.g. ['orders/read'] (ApiUserPool.scopeId helps); routes may override with authorizationScopes.",
    );
  }
  return scopes;
}

/** Validate and create the authorizer. */
export function bindHttpAuthorization(authorization: HttpApiAuthorization, tier: string): BoundHttpAuthorization {
  const c = authorization.config;
  switch (c.kind) {
    case 'jwt': {
      if (!c.audience || c.audience.length === 0) {
        throw new GuardrailsConstructError(
          'E_COGNITO_SCOPES_REQUIRED',
          'A JWT authorizer needs an audience.',
          c.audience,
          'Pass audience: [clientId, ...].',
        );
      }
      if (!Token.isUnresolved(c.issuer) && !c.issuer.startsWith('https://')) {
        throw new GuardrailsConstructError(
          'E_JWT_ISSUER',
          'A JWT authorizer needs an https issuer (its signing keys are fetched from it).',
          c.issuer,
          "Pass the issuer's https URL, e.g. https://login.example.com/realms/staff.",
        );
      }
      const scopes = requireScopes(c.scopes, 'JWT');
      return { authorizer: new HttpJwtAuthorizer('JwtAuthorizer', c.issuer, { jwtAudience: c.audience }), scopes };
    }
    case 'cognito': {
      if (!c.clients || c.clients.length === 0) {
        throw new GuardrailsConstructError(
          'E_COGNITO_SCOPES_REQUIRED',
          'A Cognito JWT authorizer needs the app clients as audience.',
          [],
          'Pass userPoolClients: [client].',
        );
      }
      const scopes = requireScopes(c.scopes, 'Cognito');
      return {
        authorizer: new HttpUserPoolAuthorizer('CognitoAuthorizer', c.userPool, { userPoolClients: c.clients }),
        scopes,
      };
    }
    case 'iam':
      return { authorizer: new HttpIamAuthorizer() };
    case 'lambda':
      requireIdentitySource(c.identitySource);
      return {
        authorizer: new HttpLambdaAuthorizer('LambdaAuthorizer', c.handler, {
          identitySource: c.identitySource,
          resultsCacheTtl: resolveCacheTtl(c.resultsCacheTtl, tier, 'Lambda'),
        }),
      };
    case 'public':
      requireReason(c.acknowledge, 'HttpApiAuthorization.publicAccess');
      return { publicAcknowledge: c.acknowledge };
  }
}

type WebSocketConfig =
  | { readonly kind: 'iam' }
  | { readonly kind: 'lambda'; readonly handler: IFunction; readonly identitySource?: string[] }
  | { readonly kind: 'public'; readonly acknowledge: Acknowledge };

/**
 * How a WebSocket API authorizes the `$connect` route (the only route API Gateway lets carry an
 * authorizer; later messages ride on the authorized connection). WebSocket APIs take no JWT
 * authorizer: to accept Cognito tokens, verify them in the Lambda authorizer.
 */
export class WebSocketApiAuthorization {
  /** AWS SigV4 (IAM) on $connect. */
  static iam(): WebSocketApiAuthorization {
    return new WebSocketApiAuthorization({ kind: 'iam' });
  }

  /**
   * A Lambda REQUEST authorizer on $connect. `identitySource`
   * @default ['route.request.header.Authorization']
   */
  static lambda(options: {
    readonly handler: IFunction;
    readonly identitySource?: string[];
  }): WebSocketApiAuthorization {
    return new WebSocketApiAuthorization({ kind: 'lambda', ...options });
  }

  /** Anyone may connect: acknowledged as `v2-route-authorization` with the reason. */
  static publicAccess(acknowledge: Acknowledge): WebSocketApiAuthorization {
    return new WebSocketApiAuthorization({ kind: 'public', acknowledge });
  }

  private constructor(readonly config: WebSocketConfig) {}

  get kind(): WebSocketConfig['kind'] {
    return this.config.kind;
  }
}

export function bindWebSocketAuthorization(authorization: WebSocketApiAuthorization): {
  readonly authorizer?: IWebSocketRouteAuthorizer;
  readonly publicAcknowledge?: Acknowledge;
} {
  const c = authorization.config;
  switch (c.kind) {
    case 'iam':
      return { authorizer: new WebSocketIamAuthorizer() };
    case 'lambda':
      requireIdentitySource(c.identitySource);
      return {
        authorizer: new WebSocketLambdaAuthorizer('ConnectAuthorizer', c.handler, {
          identitySource: c.identitySource ?? ['route.request.header.Authorization'],
        }),
      };
    case 'public':
      requireReason(c.acknowledge, 'WebSocketApiAuthorization.publicAccess');
      return { publicAcknowledge: c.acknowledge };
  }
}
