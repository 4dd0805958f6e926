import type { Finding } from './finding';

/** Passing checks, counted whether or not they are listed as findings. */
export interface PassTally {
  readonly total: number;
  /** Per rule id. */
  readonly byRule: ReadonlyMap<string, number>;
  /** Per API id (checks of domains and usage plans belong to no API). */
  readonly byApi: ReadonlyMap<string, number>;
}

/** A PassTally being filled, one passing check at a time. */
export class PassCounter implements PassTally {
  total = 0;
  readonly byRule = new Map<string, number>();
  readonly byApi = new Map<string, number>();

  /** One pass of a rule, on a resource of the API `apiId` (undefined for domains and usage plans). */
  add(ruleId: string, apiId: string | undefined): void {
    this.total++;
    this.byRule.set(ruleId, (this.byRule.get(ruleId) ?? 0) + 1);
    if (apiId !== undefined) this.byApi.set(apiId, (this.byApi.get(apiId) ?? 0) + 1);
  }
}

/** The tally of the passes listed in `findings`, for an evaluation that carries none (built by other means). */
export function tallyPasses(findings: readonly Finding[]): PassTally {
  const counter = new PassCounter();
  for (const f of findings) if (f.status === 'pass') counter.add(f.ruleId, f.resource.apiId);
  return counter;
}
