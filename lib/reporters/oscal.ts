import type { Finding, FindingStatus } from '../engine/finding';
import { displayPath, oneLine } from './common';
import type { ApiDetail } from './evidence-inventory';
import type { EvidenceRenderOptions } from './html';
import { oscalControlId, props, propValue, uuidFor, type OscalProp } from './oscal-ids';
import type { Report, RuleInfo } from './report';

/** The OSCAL release whose JSON schema the output validates against (test/vendor/oscal). */
export const OSCAL_VERSION = '1.0.6';

const RANK: Record<FindingStatus, number> = { fail: 0, unknown: 1, acknowledged: 2, baselined: 2, pass: 3 };

interface Observation {
  uuid: string;
  title: string;
  description: string;
  props: OscalProp[];
  methods: string[];
  types: string[];
  subjects?: { 'subject-uuid': string; type: string; title: string }[];
  'relevant-evidence'?: { description: string }[];
  collected: string;
}

/**
 * `--format oscal`: an OSCAL assessment-results document (JSON). Each API is an inventory item; each rule's
 * verdict on an API is an observation (TEST method, with its status and the failing messages); each NIST
 * SP 800-53 r5 control a rule maps to is a finding, satisfied only when every observation behind it
 * passed. PCI DSS v4.0 and OWASP ids ride on the observations as properties. The standard stands in for
 * the assessment plan (a back-matter resource), since the toolkit has none.
 */
export function toOscal(report: Report, options: EvidenceRenderOptions = {}): Record<string, unknown> {
  const now = (options.now ?? new Date()).toISOString();
  const details = new Map<string, ApiDetail>((report.apiDetails ?? []).map((d) => [d.id, d]));
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const inputs = report.inputs.map((i) => displayPath(i.path, options.cwd) ?? i.path);
  const runKey = `${report.standard.name}|${inputs.join('|')}|${now}`;
  const planUuid = uuidFor(`standard|${report.standard.name}|${report.standard.version ?? ''}`);
  const itemUuid = (apiId: string): string => uuidFor(`api|${apiId}`);

  const inventoryItems = report.inventory.perApi.map((api) => {
    const d = details.get(api.id);
    return {
      uuid: itemUuid(api.id),
      description: `${api.kind.toUpperCase()} API ${api.name}`,
      props: [
        { name: 'asset-id', value: propValue(api.id) ?? 'unnamed' },
        { name: 'asset-type', value: 'service' },
        ...props([
          ['api-kind', api.kind],
          ['owner', api.owner],
          ['data-classification', d?.classification],
          ['tier', api.tier],
          ['endpoint-types', d?.endpointTypes.join(' ')],
          ['stages', d?.stages.map((s) => s.name).join(' ')],
          ['authorization-types', d?.authorizationTypes.join(' ')],
          ['third-party-hosts', d?.thirdPartyHosts.join(' ')],
          ['source', api.source.constructPath ?? api.source.logicalId ?? api.source.arn],
        ]),
      ],
    };
  });

  // One observation per rule and API (or per rule and resource outside any API).
  const groups = new Map<string, { rule: RuleInfo | undefined; ruleId: string; apiId?: string; findings: Finding[] }>();
  for (const f of report.findings) {
    const key = `${f.ruleId}|${f.resource.apiId ?? `resource:${f.resource.label}`}`;
    const group = groups.get(key) ?? {
      rule: rules.get(f.ruleId),
      ruleId: f.ruleId,
      apiId: f.resource.apiId,
      findings: [],
    };
    group.findings.push(f);
    groups.set(key, group);
  }
  const apis = new Map(report.inventory.perApi.map((a) => [a.id, a]));
  const observations: Observation[] = [];
  const byControl = new Map<string, { uuid: string; status: FindingStatus }[]>();
  for (const [key, group] of groups) {
    const status = group.findings.reduce<FindingStatus>((w, f) => (RANK[f.status] < RANK[w] ? f.status : w), 'pass');
    const api = group.apiId === undefined ? undefined : apis.get(group.apiId);
    const subject = api?.name ?? group.findings[0].resource.label;
    const uuid = uuidFor(`observation|${runKey}|${key}`);
    const open = group.findings.filter((f) => f.status !== 'pass');
    const controls = group.rule?.controls;
    observations.push({
      uuid,
      title: `${group.ruleId} on ${subject}`,
      description: describe(group.rule?.title ?? group.findings[0].title, status, group.findings.length, open),
      props: props([
        ['rule-id', group.ruleId],
        ['status', status],
        ['severity', group.findings[0].severity],
        ['tier', group.findings[0].tier],
        ['owasp-api-2023', group.rule?.owasp.join(' ')],
        ['pci-dss-4', controls?.pciDss4.join(' ')],
        ['nist-800-53-r5', controls?.nist80053.join(' ')],
      ]),
      methods: ['TEST'],
      types: ['control-objective'],
      ...(api ? { subjects: [{ 'subject-uuid': itemUuid(api.id), type: 'inventory-item', title: subject }] } : {}),
      ...(open.length ? { 'relevant-evidence': open.slice(0, 50).map((f) => ({ description: evidenceText(f) })) } : {}),
      collected: now,
    });
    for (const id of controls?.nist80053 ?? []) {
      const cid = oscalControlId(id);
      const list = byControl.get(cid) ?? [];
      list.push({ uuid, status });
      byControl.set(cid, list);
    }
  }

  const assessed = [...new Set(report.rules.flatMap((r) => (r.controls?.nist80053 ?? []).map(oscalControlId)))].sort();
  const findings = [...byControl]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cid, obs]) => {
      const worst = obs.reduce<FindingStatus>((w, o) => (RANK[o.status] < RANK[w] ? o.status : w), 'pass');
      const satisfied = worst === 'pass';
      const counts = countBy(obs.map((o) => o.status));
      return {
        uuid: uuidFor(`finding|${runKey}|${cid}`),
        title: `NIST SP 800-53 r5 ${cid.toUpperCase()}`,
        description: `${obs.length} automated observation(s) of API Gateway configuration bear on this control: ${counts}.`,
        target: {
          type: 'statement-id',
          'target-id': `${cid}_smt`,
          status: {
            state: satisfied ? 'satisfied' : 'not-satisfied',
            reason: satisfied ? 'pass' : worst === 'fail' ? 'fail' : 'other',
            ...(worst === 'unknown' ? { remarks: 'At least one check could not be decided from the source.' } : {}),
            ...(worst === 'acknowledged' ? { remarks: 'At least one failing check is an accepted risk.' } : {}),
          },
        },
        'related-observations': obs.map((o) => ({ 'observation-uuid': o.uuid })),
      };
    });

  const c = report.summary.counts;
  const result: Record<string, unknown> = {
    uuid: uuidFor(`result|${runKey}`),
    title: `API Gateway guardrails: ${report.standard.name}`,
    description:
      `Automated check of ${report.inventory.apis.total} API(s) against ${report.standard.name}: ${c.fail} failing, ` +
      `${c.unknown} unknown, ${c.acknowledged} acknowledged, ${c.pass} passing; result ${report.summary.result} at fail-on ${report.failOn}.`,
    start: now,
    end: now,
    props: props([['result', report.summary.result]]),
    'reviewed-controls': {
      'control-selections': [
        assessed.length
          ? { 'include-controls': assessed.map((id) => ({ 'control-id': id })) }
          : { description: 'No rule of the standard maps to a NIST SP 800-53 control.' },
      ],
    },
    ...(inventoryItems.length ? { 'local-definitions': { 'inventory-items': inventoryItems } } : {}),
    ...(observations.length ? { observations } : {}),
    ...(findings.length ? { findings } : {}),
  };

  return {
    'assessment-results': {
      uuid: uuidFor(`document|${runKey}`),
      metadata: {
        title: `API security assessment results: ${report.standard.name}`,
        'last-modified': now,
        version: now,
        'oscal-version': OSCAL_VERSION,
        props: props([
          ['tool', `${report.tool.name} ${report.tool.version}`],
          ['inputs', inputs.join(' ')],
        ]),
      },
      'import-ap': {
        href: `#${planUuid}`,
        remarks: 'No separate assessment plan: the organisation standard named in back-matter is the plan.',
      },
      results: [result],
      'back-matter': {
        resources: [
          {
            uuid: planUuid,
            title: `Standard ${report.standard.name}${report.standard.version ? ` ${report.standard.version}` : ''}`,
            description: `The API security standard the ${report.rules.length} rules ran under.`,
            props: [{ name: 'type', value: 'policy' }],
          },
        ],
      },
    },
  };
}

export function renderOscal(report: Report, options: EvidenceRenderOptions = {}): string {
  return `${JSON.stringify(toOscal(report, options), null, 2)}\n`;
}

function describe(title: string, status: FindingStatus, total: number, open: readonly Finding[]): string {
  const head = `${title}: ${status}`;
  if (open.length === 0) return `${head} (${total} check(s) passed).`;
  return `${head}. ${open.length} of ${total} check(s) did not pass.`;
}

function evidenceText(f: Finding): string {
  const ack = f.acknowledgement ? ` Accepted risk: ${oneLine(f.acknowledgement.reason)}.` : '';
  return `${f.status}: ${oneLine(f.message)} (${f.resource.label}).${ack}`;
}

function countBy(statuses: readonly FindingStatus[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
}
