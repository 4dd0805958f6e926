import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { Integration } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Accept stage variables choosing the backend (per-environment hosts or functions). @default false */
  readonly allowStageVariables: boolean;
  /** Also flag request-controlled placeholders in the URI path, not only in the host / target. @default false */
  readonly checkPath: boolean;
}

const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;
const PLACEHOLDER = /(?<!\$)\{([A-Za-z0-9_.+-]+)\}/g;

/** Where a request value would pick the backend: an HTTP URI's scheme and authority; an AWS URI's first `path/` segment (S3 bucket). */
function splitTarget(uri: string, http: boolean): { target: string; rest: string } {
  if (http) {
    const afterScheme = uri.indexOf('://');
    const start = afterScheme < 0 ? 0 : afterScheme + 3;
    const slash = uri.slice(start).search(/[/?#]/);
    const end = slash < 0 ? uri.length : start + slash;
    return { target: uri.slice(0, end), rest: uri.slice(end) };
  }
  const path = /:path\/([^/]*)/.exec(uri);
  if (!path) return { target: uri.replace(PLACEHOLDER, ''), rest: uri };
  const end = path.index + path[0].length;
  return { target: uri.slice(0, end), rest: uri.slice(end) };
}

/** What feeds a `{name}` placeholder: the integration's path parameter mapping (REST) or the route's path (v2). */
function placeholderSource(
  name: string,
  integration: Integration,
  rest: boolean,
): string | { unresolved: string } | undefined {
  if (!rest) return `route path parameter ${name}`;
  const mapped = integration.requestParameters[`integration.request.path.${name}`];
  if (mapped === undefined) return undefined;
  if (isUnresolved(mapped)) return { unresolved: mapped.because };
  return mapped.startsWith('method.request.') || mapped.startsWith('stageVariables.') ? mapped : undefined;
}

export default defineRule<'operation', Options>({
  id: 'integration-uri-injection',
  title: 'Integration URIs are not built from request parameters or stage variables',
  rationale:
    "When a caller's header, query string or path picks the backend host (or the S3 bucket), the API becomes a proxy to " +
    'anything the gateway can reach (SSRF). Stage variables that pick hosts or functions move the backend outside code review.',
  fix: {
    cdk:
      'Write the backend host (and AWS target) literally in the integration URI; map request values only ' +
      'into the path or query after a fixed host.',
    cloudFormation: 'No `{param}` / `${stageVariables.x}` in the scheme, host or S3 bucket of `Integration.Uri`.',
  },
  severity: 'warning',
  owasp: ['API7:2023', 'API10:2023'],
  controls: { nist80053: ['SI-10'], pciDss4: ['6.2.4'] },
  references: {},
  appliesTo: { subject: 'operation', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: { allowStageVariables: { type: 'boolean' }, checkPath: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { allowStageVariables: false, checkPath: false },
  },
  check(op, ctx) {
    const integration = op.integration;
    if (!integration || integration.uri === undefined) return ctx.skip();
    const type = ctx.need(integration.type, 'the integration type').toUpperCase();
    if (type === 'MOCK') return ctx.skip();
    const uri = ctx.need(integration.uri, 'the integration URI');
    const rest = ctx.api?.kind === 'rest';
    const http = type === 'HTTP' || type === 'HTTP_PROXY';
    const { target, rest: tail } = splitTarget(uri, http);
    const location = integration.source?.pointer
      ? undefined
      : rest
        ? 'Properties.Integration.Uri'
        : 'Properties.IntegrationUri';
    const at = { source: integration.source, location };
    if (!ctx.options.allowStageVariables) {
      const names = [...new Set([...uri.matchAll(STAGE_VARIABLE)].map((m) => m[1]))];
      // In an AWS service URI any stage variable picks the resource acted on (function name, queue, table).
      const inTarget = http ? names.filter((n) => target.includes(`\${stageVariables.${n}}`)) : names;
      if (inTarget.length) ctx.fail(`Integration backend is chosen by stage variable ${inTarget.join(', ')}.`, at);
    }
    const scan = (part: string, where: string): void => {
      for (const match of part.matchAll(PLACEHOLDER)) {
        const source = placeholderSource(match[1], integration, rest);
        if (source === undefined) continue;
        if (typeof source !== 'string')
          ctx.unknown(
            `The mapping of {${match[1]}} in the integration ${where} is unresolved (${source.unresolved}).`,
            at,
          );
        else if (!source.startsWith('stageVariables.') || !ctx.options.allowStageVariables) {
          ctx.fail(`Integration ${where} contains {${match[1]}}, taken from ${source}.`, at);
        }
      }
    };
    scan(target, 'host/target');
    if (ctx.options.checkPath) scan(tail, 'path');
  },
});
