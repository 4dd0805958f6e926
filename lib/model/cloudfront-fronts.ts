import type { Api, Distribution, DistributionOrigin, Operation } from './types';
import { isKnown } from './value';

/** A CloudFront distribution origin that leads to an API, and the origin-verify header that proves it, if any. */
export interface Front {
  readonly distribution: Distribution;
  readonly origin: DistributionOrigin;
  /** A custom header of the origin that every route of the API requires (lower case), when there is one. */
  readonly verifyHeader?: string;
}

/**
 * Whether an operation requires a header: its Lambda (REQUEST) authorizer names `$request.header.<name>` in its
 * identity source, so API Gateway answers 401 without calling the integration when the header is missing.
 */
function requiresHeader(op: Operation, header: string): boolean {
  const authorizer = op.auth.authorizer;
  if (!isKnown(authorizer) || !isKnown(authorizer.identitySource)) return false;
  const wanted = [`$request.header.${header}`, `method.request.header.${header}`, `route.request.header.${header}`];
  return authorizer.identitySource.some((s) => wanted.includes(s.trim().toLowerCase()));
}

/** The header of `origin` that every declared route of `api` requires, if any. */
function verifyHeaderOf(api: Api, origin: DistributionOrigin): string | undefined {
  const routes = api.operations.filter((op) => !op.implicit);
  if (routes.length === 0 || api.operationsUnresolved) return undefined;
  return Object.keys(origin.customHeaders).find((header) => routes.every((op) => requiresHeader(op, header)));
}

/**
 * The CloudFront origins in the inventory that lead to `api`: its default execute-api endpoint, or a custom
 * domain mapped to it.
 */
export function cloudFrontFronts(api: Api, distributions: readonly Distribution[]): Front[] {
  const fronts: Front[] = [];
  for (const distribution of distributions) {
    for (const origin of distribution.origins) {
      const reaches =
        origin.apiId === api.id || (origin.domainId !== undefined && api.domainIds.includes(origin.domainId));
      if (!reaches) continue;
      const verifyHeader = verifyHeaderOf(api, origin);
      fronts.push({ distribution, origin, ...(verifyHeader !== undefined ? { verifyHeader } : {}) });
    }
  }
  return fronts;
}
