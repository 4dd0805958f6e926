import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { Api } from '../../lib/model/types';
import { isUnresolved, type Unresolved } from '../../lib/model/value';

interface Options {
  /** Host patterns of the organisation's own backends, e.g. `*.example.com`, `orders.internal`. `*` matches any labels. */
  readonly organisationDomains: string[];
  /** Host patterns of assessed and approved third-party suppliers, e.g. `api.stripe.com`. */
  readonly approvedHosts: string[];
}

const HTTP_TYPES = new Set(['HTTP', 'HTTP_PROXY']);
const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

/**
 * Lower-case host of an absolute http(s) URL; 'own' when the host is an attribute of a resource of the same
 * template (the builder shows those as `${Logical.Attr}`), e.g. a load balancer's DNSName; undefined when unknowable.
 */
function hostOf(uri: string): string | 'own' | undefined {
  const match = /^\s*https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|(?:\$\{[^}]*\}|[^:/?#$])+)/i.exec(uri);
  const host = match?.[1].toLowerCase().replace(/\.$/, '');
  if (!host) return undefined;
  const references = [...host.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);
  if (references.length)
    return references.some((r) => !r.startsWith('aws::') && !r.startsWith('unresolved')) ? 'own' : undefined;
  return /^[a-z0-9.\-[\]:]+$/.test(host) ? host : undefined;
}

/** `*.example.com` matches any subdomain of example.com; `*` inside a pattern matches any characters of a host. */
function matches(host: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (!p.includes('*')) return host === p;
  const regex = new RegExp(
    `^${p
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9.-]*')}$`,
  );
  return regex.test(host);
}

/** The URI as each stage sees it, when it uses stage variables; the reason when one is not known. */
function perStage(
  uri: string,
  api: Api | undefined,
): { stage: string; uri?: string; unknown?: string; viaVariable: boolean }[] {
  const names = [...uri.matchAll(STAGE_VARIABLE)].map((m) => m[1]);
  if (names.length === 0) return [{ stage: '', uri, viaVariable: false }];
  const stages = api?.stages ?? [];
  if (stages.length === 0)
    return [
      {
        stage: '',
        unknown: `the URI uses stage variable ${names.join(', ')} and the API has no stage`,
        viaVariable: true,
      },
    ];
  return stages.map((stage) => {
    const stageName = isUnresolved(stage.name) ? '<unresolved>' : stage.name;
    let missing: string | undefined;
    const expanded = uri.replace(STAGE_VARIABLE, (_whole, name: string) => {
      const value: string | Unresolved | undefined = stage.variables[name];
      if (typeof value === 'string') return value;
      missing ??=
        value === undefined
          ? `stage ${stageName} does not define variable ${name}`
          : `stage ${stageName}: variable ${name} is unresolved (${value.because})`;
      return '';
    });
    return missing
      ? { stage: stageName, unknown: missing, viaVariable: true }
      : { stage: stageName, uri: expanded, viaVariable: true };
  });
}

export default defineRule<'operation', Options>({
  id: 'third-party-integrations',
  title: "HTTP integrations call only the organisation's own hosts or approved suppliers",
  rationale:
    "An API that forwards requests to a third party passes it the callers' data and trusts what comes back (API10: unsafe " +
    'consumption of APIs). The organisation must know every such supplier and have assessed it; the approved list is data in the standard.',
  fix: {
    cdk:
      'Assess the supplier, then add its host to `third-party-integrations.options.approvedHosts` in the ' +
      'standard (or add your own domains to `organisationDomains`); otherwise remove the integration.',
    cloudFormation:
      'The same standard options, or remove the integration whose `Integration.Uri` / `IntegrationUri` ' +
      'names the host.',
  },
  severity: 'error',
  owasp: ['API10:2023'],
  controls: { nist80053: ['SA-9', 'CA-3'], pciDss4: ['12.8.1'] },
  references: {},
  appliesTo: { subject: 'operation', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        organisationDomains: { type: 'array', items: { type: 'string', minLength: 1 } },
        approvedHosts: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
    },
    defaults: { organisationDomains: [], approvedHosts: [] },
  },
  check(op, ctx) {
    const integration = op.integration;
    if (!integration || integration.uri === undefined) return ctx.skip();
    if (!HTTP_TYPES.has(ctx.need(integration.type, 'the integration type').toUpperCase())) return ctx.skip();
    // Private integrations (VPC link) reach the organisation's own network, never a third party directly.
    const connection =
      integration.connectionType === undefined
        ? 'INTERNET'
        : ctx.need(integration.connectionType, 'the integration ConnectionType');
    if (connection.toUpperCase() === 'VPC_LINK') return ctx.skip();
    const uri = ctx.need(integration.uri, 'the integration URI');
    const location = integration.source?.pointer
      ? undefined
      : ctx.api?.kind === 'rest'
        ? 'Properties.Integration.Uri'
        : 'Properties.IntegrationUri';
    const at = { source: integration.source, location };
    const { organisationDomains, approvedHosts } = ctx.options;
    for (const view of perStage(uri, ctx.api)) {
      const where = view.stage ? `In stage ${view.stage}, the` : 'The';
      if (view.unknown !== undefined || view.uri === undefined) {
        ctx.unknown(`Cannot tell the integration host: ${view.unknown ?? 'no URI'}.`, at);
        continue;
      }
      const host = hostOf(view.uri);
      if (!host) {
        ctx.unknown(`${where} integration URI has no literal host, so its owner cannot be told.`, at);
        continue;
      }
      if (host === 'own') continue;
      if (organisationDomains.some((p) => matches(host, p)) || approvedHosts.some((p) => matches(host, p))) continue;
      // A host that came from a stage variable is not printed: stage variable values stay out of reports.
      const shown = view.viaVariable ? 'a host set by stage variable' : `host ${host}`;
      ctx.fail(
        `${where} integration calls ${shown}, which is neither an organisation domain nor an approved supplier.`,
        at,
      );
    }
  },
});
