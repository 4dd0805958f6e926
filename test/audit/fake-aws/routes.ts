import { portalRoute } from './portal-routes';
import type { FakeState, Wire } from './state';
import { restList, v2List } from './wire';

export interface Route {
  readonly operation: string;
  readonly answer: (query: Record<string, string>) => Wire | undefined;
}

/** The REST API (v1) operation a GET path names, with its answer from the fake's state. */
export function restRoute(state: FakeState, path: string, pageSize: number): Route | undefined {
  const list = (items: Wire[], q: Record<string, string>): Wire => restList(items, q, pageSize);
  const parts = path.split('/').filter(Boolean);
  const api = (id: string): FakeState['restApis'][number] | undefined => state.restApis.find((a) => a.api.id === id);
  if (parts[0] === 'restapis' && parts.length === 1)
    return {
      operation: 'GetRestApis',
      answer: (q) =>
        list(
          state.restApis.map((a) => a.api),
          q,
        ),
    };
  if (parts[0] === 'restapis' && parts.length === 3) {
    const id = parts[1];
    switch (parts[2]) {
      case 'stages':
        // GetStages is not paginated.
        return { operation: 'GetStages', answer: () => (api(id) ? { item: api(id)?.stages } : undefined) };
      case 'resources':
        return {
          operation: 'GetResources',
          answer: (q) => {
            const found = api(id);
            if (!found) return undefined;
            const embed = (q.embed ?? '').split(',').includes('methods');
            const resources = embed
              ? found.resources
              : found.resources.map((r) => ({
                  ...r,
                  resourceMethods: Object.fromEntries(
                    Object.keys((r.resourceMethods as Wire) ?? {}).map((m) => [m, {}]),
                  ),
                }));
            return list(resources, q);
          },
        };
      case 'authorizers':
        return {
          operation: 'GetAuthorizers',
          answer: (q) => (api(id) ? list(api(id)?.authorizers ?? [], q) : undefined),
        };
      case 'requestvalidators':
        return {
          operation: 'GetRequestValidators',
          answer: (q) => (api(id) ? list(api(id)?.validators ?? [], q) : undefined),
        };
      case 'models':
        return { operation: 'GetModels', answer: (q) => (api(id) ? list(api(id)?.models ?? [], q) : undefined) };
      case 'gatewayresponses':
        return {
          operation: 'GetGatewayResponses',
          answer: (q) => (api(id) ? list(api(id)?.gatewayResponses ?? [], q) : undefined),
        };
    }
    return undefined;
  }
  if (parts[0] === 'usageplans' && parts.length === 1)
    return { operation: 'GetUsagePlans', answer: (q) => list(state.usagePlans, q) };
  if (parts[0] === 'domainnames' && parts.length === 1)
    return {
      operation: 'GetDomainNames',
      answer: (q) =>
        list(
          state.restDomains.map((d) => d.domain),
          q,
        ),
    };
  if (parts[0] === 'domainnames' && parts[2] === 'basepathmappings') {
    return {
      operation: 'GetBasePathMappings',
      answer: (q) => {
        const d = state.restDomains.find((x) => x.domain.domainName === parts[1]);
        return d ? list(d.mappings, q) : undefined;
      },
    };
  }
  if (parts[0] === 'domainnameaccessassociations' && parts.length === 1)
    return { operation: 'GetDomainNameAccessAssociations', answer: (q) => list(state.accessAssociations, q) };
  if (parts[0] === 'account' && parts.length === 1) return { operation: 'GetAccount', answer: () => state.account };
  return undefined;
}

/** The API Gateway v2 operation a GET path (without /v2) names, with its answer. */
export function v2Route(state: FakeState, path: string, pageSize: number): Route | undefined {
  const list = (items: Wire[], q: Record<string, string>): Wire => v2List(items, q, pageSize);
  const parts = path.split('/').filter(Boolean);
  const api = (id: string): FakeState['v2Apis'][number] | undefined => state.v2Apis.find((a) => a.api.apiId === id);
  if (parts[0] === 'apis' && parts.length === 1)
    return {
      operation: 'GetApis',
      answer: (q) =>
        list(
          state.v2Apis.map((a) => a.api),
          q,
        ),
    };
  if (parts[0] === 'apis' && parts.length === 3) {
    const key = (
      { stages: 'stages', routes: 'routes', authorizers: 'authorizers', integrations: 'integrations' } as const
    )[parts[2] as 'stages'];
    if (!key) return undefined;
    const operation = `Get${parts[2][0].toUpperCase()}${parts[2].slice(1)}`;
    return {
      operation,
      answer: (q) => {
        const a = api(parts[1]);
        return a ? list(a[key], q) : undefined;
      },
    };
  }
  if (parts[0] === 'domainnames' && parts.length === 1)
    return {
      operation: 'GetDomainNames',
      answer: (q) =>
        list(
          state.v2Domains.map((d) => d.domain),
          q,
        ),
    };
  if (parts[0] === 'domainnames' && parts[2] === 'routingrules') {
    return {
      operation: 'ListRoutingRules',
      answer: (q) => {
        const d = [...state.restDomains, ...state.v2Domains].find((x) => x.domain.domainName === parts[1]);
        if (!d) return undefined;
        const { items, ...rest } = list(d.routingRules ?? [], q);
        return { routingRules: items, ...rest };
      },
    };
  }
  if (parts[0] === 'domainnames' && parts[2] === 'apimappings') {
    return {
      operation: 'GetApiMappings',
      answer: (q) => {
        const d = state.v2Domains.find((x) => x.domain.domainName === parts[1]);
        return d ? list(d.mappings, q) : undefined;
      },
    };
  }
  return portalRoute(state, parts, list);
}
