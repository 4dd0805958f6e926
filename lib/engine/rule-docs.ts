import { ALL_API_KINDS, type AppliesTo } from './rule';

const KIND_NAMES = { rest: 'REST', http: 'HTTP', websocket: 'WebSocket' } as const;

/** Repository-relative path of a rule's generated docs page, e.g. `docs/rules/stage-waf.md`. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The API kinds a rule applies to, as people read them: "all APIs" or e.g. "REST, WebSocket". */
export function apiKindsText(appliesTo: AppliesTo): string {
  const kinds = appliesTo.apiKinds;
  if (ALL_API_KINDS.every((k) => kinds.includes(k))) return 'all APIs';
  return kinds.map((k) => KIND_NAMES[k]).join(', ');
}

/** What a rule is evaluated on, e.g. "stage (REST)" or "domain (all APIs)". */
export function appliesToText(appliesTo: AppliesTo): string {
  return `${appliesTo.subject} (${apiKindsText(appliesTo)})`;
}
