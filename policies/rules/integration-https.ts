import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { Api } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Accept http:// for REST private integrations (VPC_LINK to an NLB), where the link stays inside the VPC. @default false */
  readonly allowHttpOverVpcLink: boolean;
}

const HTTP_TYPES = new Set(['HTTP', 'HTTP_PROXY']);
/** A URI that starts with a stage variable: `${stageVariables.backend}/orders`. */
const LEADING_STAGE_VARIABLE = /^\$\{stageVariables\.([A-Za-z0-9_]+)\}/;

type Verdict = 'https' | 'plain' | 'unknown';

/** Scheme and host only: paths and query strings may carry keys, and user-info carries passwords. */
function origin(uri: string): string {
  const match = /^\s*([a-z][a-z0-9+.-]*:\/\/)(?:[^@/?#]*@)?([^/?#]*)/i.exec(uri);
  return match ? `${match[1]}${match[2]}` : '(no scheme)';
}

function scheme(uri: string): Verdict {
  const lower = uri.trim().toLowerCase();
  if (lower.startsWith('https://')) return 'https';
  if (lower.startsWith('http://')) return 'plain';
  return 'unknown';
}

export default defineRule<'operation', Options>({
  id: 'integration-https',
  title: 'HTTP integrations call their backends over HTTPS',
  rationale:
    "An http:// backend URI sends every request — with the caller's tokens and data — in clear text from API Gateway to " +
    'the backend, where anyone on the path can read or change it.',
  fix: {
    cdk:
      '`new HttpIntegration("https://backend.example.com/{proxy}")` / `new HttpUrlIntegration("Orders", ' +
      '"https://...")`.',
    cloudFormation: 'Method `Integration.Uri` / v2 Integration `IntegrationUri` starting with `https://`.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API10:2023'],
  controls: { nist80053: ['SC-8', 'SC-8(1)'], pciDss4: ['4.2.1'] },
  references: {},
  appliesTo: { subject: 'operation', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: { allowHttpOverVpcLink: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { allowHttpOverVpcLink: false },
  },
  check(op, ctx) {
    const integration = op.integration;
    if (!integration) return ctx.skip();
    const type = ctx.need(integration.type, 'the integration type').toUpperCase();
    if (!HTTP_TYPES.has(type) || integration.uri === undefined) return ctx.skip();
    const connection =
      integration.connectionType === undefined
        ? 'INTERNET'
        : ctx.need(integration.connectionType, 'the integration ConnectionType').toUpperCase();
    // v2 private integrations name a listener or Cloud Map ARN: their TLS is private-integration-tls's concern.
    if (connection === 'VPC_LINK' && ctx.api?.kind !== 'rest') return ctx.skip();
    if (connection === 'VPC_LINK' && ctx.options.allowHttpOverVpcLink) return ctx.skip();
    const uri = ctx.need(integration.uri, 'the integration URI');
    const source = integration.source;
    // OpenAPI-defined integrations are located by their source pointer, not a resource property.
    const location = source?.pointer
      ? undefined
      : ctx.api?.kind === 'rest'
        ? 'Properties.Integration.Uri'
        : 'Properties.IntegrationUri';
    const variable = LEADING_STAGE_VARIABLE.exec(uri)?.[1];
    if (!variable) {
      const verdict = scheme(uri);
      if (verdict === 'plain')
        ctx.fail(`Integration calls its backend over plain HTTP (${origin(uri)}/…).`, { source, location });
      else if (verdict === 'unknown')
        ctx.unknown('Cannot tell the scheme of the integration URI: it does not start with http:// or https://.', {
          source,
          location,
        });
      return;
    }
    checkStageVariable(variable, ctx.api, {
      fail: (m) => ctx.fail(m, { source, location }),
      unknown: (m) => ctx.unknown(m, { source, location }),
    });
  },
});

/** The URI's scheme comes from a stage variable: check it in every stage, never printing the value. */
function checkStageVariable(
  name: string,
  api: Api | undefined,
  report: { fail(m: string): void; unknown(m: string): void },
): void {
  const stages = api?.stages ?? [];
  if (stages.length === 0)
    return report.unknown(
      `Integration URI starts with stage variable ${name}, and the API has no stage to read it from.`,
    );
  for (const stage of stages) {
    const stageName = isUnresolved(stage.name) ? '<unresolved>' : stage.name;
    const value = stage.variables[name];
    if (value === undefined)
      report.unknown(`Integration URI starts with stage variable ${name}, which stage ${stageName} does not define.`);
    else if (isUnresolved(value))
      report.unknown(`Stage ${stageName}: variable ${name} (the integration URI) is unresolved (${value.because}).`);
    else if (scheme(value) === 'plain')
      report.fail(`Stage ${stageName}: variable ${name} makes the integration call its backend over plain HTTP.`);
    else if (scheme(value) === 'unknown')
      report.unknown(`Stage ${stageName}: variable ${name} does not start with a URL scheme.`);
  }
}
