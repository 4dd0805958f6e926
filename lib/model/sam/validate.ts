import { isIntrinsic, isRecord, record, type Json } from './common';
import type { ApiEvent } from './events';
import type { SamNotice } from './notices';

/**
 * The Auth mistakes the SAM transform rejects (the error_* translator fixtures): each is an error notice
 * with SAM's own wording, so a template the transform would refuse is an unknown, never a quiet pass.
 */
export class AuthChecks {
  constructor(
    private readonly notices: SamNotice[],
    private readonly apiId: string,
  ) {}

  private readonly reported = new Set<string>();

  /** The transform stops at a resource's first error: one notice per resource. */
  private invalid(message: string, logicalId = this.apiId): void {
    if (this.reported.has(logicalId)) return;
    this.reported.add(logicalId);
    this.notices.push({
      level: 'error',
      code: 'SAM_INVALID',
      message: `Resource ${logicalId} is invalid for the SAM transform (the deployment would fail): ${message}`,
      logicalId,
    });
  }

  /** An AWS::Serverless::Api's Auth. Returns false when Auth is unusable (not a map). */
  restAuth(props: Json, knownKeys: ReadonlySet<string>): boolean {
    const auth = props.Auth;
    if (auth === undefined) return true;
    if (!isRecord(auth) || isIntrinsic(auth)) {
      this.invalid("Property 'Auth' should be a map.");
      return false;
    }
    const unknown = Object.keys(auth).filter((key) => !knownKeys.has(key));
    if (unknown.length > 0) this.invalid(`Invalid value for 'Auth' property (${unknown.join(', ')}).`);
    if (props.DefinitionUri !== undefined)
      this.invalid("Auth works only with inline Swagger specified in 'DefinitionBody' property.");
    const body = props.DefinitionBody;
    if (body !== undefined && (!isRecord(body) || !(body.swagger || body.openapi) || !isRecord(body.paths)))
      this.invalid(
        "Unable to add Auth configuration because 'DefinitionBody' does not contain a valid Swagger definition.",
      );
    this.authorizers(auth, 'rest');
    return true;
  }

  /** An AWS::Serverless::HttpApi's Auth. */
  httpAuth(props: Json, knownKeys: ReadonlySet<string>): void {
    const auth = props.Auth;
    if (auth === undefined) return;
    if (!isRecord(auth) || isIntrinsic(auth)) return this.invalid("Property 'Auth' should be a map.");
    const unknown = Object.keys(auth).filter((key) => !knownKeys.has(key));
    if (unknown.length > 0) this.invalid(`Invalid value for 'Auth' property (${unknown.join(', ')}).`);
    this.authorizers(auth, 'http');
  }

  /** Authorizers map and DefaultAuthorizer, shared by REST and HTTP APIs. */
  authorizers(auth: Json, kind: 'rest' | 'http'): void {
    const authorizers = auth.Authorizers;
    if (authorizers !== undefined && (!isRecord(authorizers) || isIntrinsic(authorizers)))
      this.invalid("Property 'Auth.Authorizers' should be a map.");
    for (const [name, raw] of Object.entries(isRecord(authorizers) ? authorizers : {})) {
      if (!isRecord(raw)) {
        this.invalid(`Property 'Auth.Authorizers.${name}' should be a map.`);
        continue;
      }
      const flag = raw.DisableFunctionDefaultPermissions;
      if (flag !== undefined && typeof flag !== 'boolean')
        this.invalid(`Property 'Authorizers.${name}.DisableFunctionDefaultPermissions' should be a boolean.`);
      if (kind === 'http') {
        if (raw.OpenIdConnectUrl !== undefined)
          this.invalid(`'OpenIdConnectUrl' is no longer a supported property for authorizer '${name}'.`);
        continue;
      }
      if (raw.UserPoolArn !== undefined || raw.FunctionArn === undefined) continue;
      const payload = raw.FunctionPayloadType;
      if (payload !== undefined && payload !== 'TOKEN' && payload !== 'REQUEST')
        this.invalid(`${name} Authorizer has invalid 'FunctionPayloadType': ${String(payload)}.`);
      if (payload === 'REQUEST' && missingIdentity(record(raw.Identity)))
        this.invalid(
          `${name} Authorizer must specify Identity with at least one of Headers, QueryStrings, StageVariables, or Context.`,
        );
    }
    const fallback = auth.DefaultAuthorizer;
    if (fallback === undefined) return;
    if (typeof fallback !== 'string') this.invalid("Property 'Auth.DefaultAuthorizer' should be a string.");
    else if (fallback === 'AWS_IAM' || (isRecord(authorizers) && fallback in authorizers)) return;
    else if (isRecord(authorizers) && Object.keys(authorizers).length > 0)
      this.invalid(`Unable to set DefaultAuthorizer because '${fallback}' was not defined in 'Authorizers'.`);
    else
      this.notices.push({
        level: 'warning',
        code: 'SAM_DEFAULT_AUTHORIZER_IGNORED',
        message: `${this.apiId}: Auth.DefaultAuthorizer ${fallback} names no authorizer (the API declares no Authorizers); the SAM transform ignores it, so its methods get no authorizer. Declare ${fallback} under Auth.Authorizers.`,
        logicalId: this.apiId,
      });
  }

  /** One event's Auth against its API's Auth. */
  event(event: ApiEvent, apiAuth: Json): void {
    const auth = event.props.Auth;
    if (!isRecord(auth)) return;
    const where = `Event ${event.eventId}: `;
    const name = auth.Authorizer;
    const authorizers = record(apiAuth.Authorizers);
    const hasDefault = typeof apiAuth.DefaultAuthorizer === 'string';
    if (name !== undefined && typeof name !== 'string') {
      this.invalid(
        `${where}the method authorizer must be a string naming an entry of the API's Authorizers.`,
        event.functionId,
      );
      return;
    }
    if (auth.AuthorizationScopes !== undefined && !Array.isArray(auth.AuthorizationScopes))
      this.invalid(`${where}'AuthorizationScopes' must be a list of strings.`, event.functionId);
    if (name === undefined) {
      if (event.type === 'Api' && auth.AuthorizationScopes !== undefined && !hasDefault)
        this.invalid(`${where}AuthorizationScopes works only when Authorizer is set.`, event.functionId);
      return;
    }
    if (name === 'AWS_IAM') return;
    if (name === 'NONE') {
      if (!hasDefault)
        this.invalid(
          `${where}'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.`,
          event.functionId,
        );
      return;
    }
    if (Object.keys(authorizers).length === 0)
      this.invalid(
        `${where}Unable to set Authorizer [${name}] because the related API does not define any Authorizers.`,
        event.functionId,
      );
    else if (!(name in authorizers))
      this.invalid(
        `${where}Unable to set Authorizer [${name}] because it wasn't defined in the API's Authorizers.`,
        event.functionId,
      );
  }
}

/** SAM's _is_missing_identity_source: no Headers/QueryStrings/StageVariables/Context, unless caching is off (TTL 0). */
function missingIdentity(identity: Json): boolean {
  const none = !identity.Headers && !identity.QueryStrings && !identity.StageVariables && !identity.Context;
  const ttl = Number(identity.ReauthorizeEvery);
  if (identity.ReauthorizeEvery === undefined || Number.isNaN(ttl)) return none;
  return ttl > 0 && none;
}
