import { readFileSync } from 'fs';
import type { Alias, Document, Tags, YAMLMap, YAMLSeq } from 'yaml';
import { yaml } from '../../lazy-modules';

type Collection = YAMLMap.Parsed | YAMLSeq.Parsed;
import { TemplateError } from './errors';
import { checkTemplateShape, MAX_DEPTH } from './limits';
import { indentQuotedContinuation } from './yaml-quoted';

type ShortForm = { readonly name: string; readonly fn: string };

/** CloudFormation short forms (`!Sub`) and the long-form key they stand for. */
const SHORT_FORMS: readonly ShortForm[] = [
  { name: 'Ref', fn: 'Ref' },
  { name: 'Condition', fn: 'Condition' },
  ...[
    'GetAtt',
    'Sub',
    'Join',
    'If',
    'Select',
    'Split',
    'FindInMap',
    'ImportValue',
    'Base64',
    'Cidr',
    'GetAZs',
    'Equals',
    'And',
    'Or',
    'Not',
    'Transform',
    'Length',
    'ToJsonString',
  ].map((name) => ({ name, fn: `Fn::${name}` })),
];

/** `!GetAtt A.B.C` means ['A', 'B.C']: the logical id never contains a dot. */
function getAttScalar(value: string): unknown {
  const dot = value.indexOf('.');
  return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
}

function cloudFormationTags(): Tags {
  const tags: Tags = [];
  for (const { name, fn } of SHORT_FORMS) {
    const tag = `!${name}`;
    tags.push({
      tag,
      identify: () => false,
      resolve: (value: string) => (name === 'GetAtt' ? getAttScalar(value) : { [fn]: value }),
    });
    tags.push({
      tag,
      collection: 'seq',
      identify: () => false,
      resolve: (seq: Collection) => ({ [fn]: seq.toJSON() as unknown }),
    });
    tags.push({
      tag,
      collection: 'map',
      identify: () => false,
      resolve: (map: Collection) => ({ [fn]: map.toJSON() as unknown }),
    });
  }
  return tags;
}

const CUSTOM_TAGS = cloudFormationTags();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const YAML_FIX =
  'make the file valid JSON or YAML (CloudFormation short-form tags such as !Ref and !Sub are supported)';

function tooDeep(fileName: string): TemplateError {
  return new TemplateError(
    'E_TEMPLATE_TOO_DEEP',
    `the template nests more than ${MAX_DEPTH} levels deep`,
    `flatten the value: no CloudFormation property needs ${MAX_DEPTH} levels`,
    fileName,
  );
}

type ParsedDocument = ReturnType<ReturnType<typeof yaml>['parseDocument']>;

/** Multi-line quoted scalars indented as PyYAML allows (see yaml-quoted.ts) that one parse repairs. */
const MAX_QUOTE_REPAIRS = 100;

function parseYaml(text: string, fileName: string): unknown {
  let lineCounter = new (yaml().LineCounter)();
  let doc: ParsedDocument;
  let source = text;
  for (let repairs = 0; ; repairs++) {
    lineCounter = new (yaml().LineCounter)();
    try {
      doc = yaml().parseDocument(source, {
        customTags: CUSTOM_TAGS,
        uniqueKeys: false,
        prettyErrors: true,
        lineCounter,
      });
    } catch (error) {
      if (error instanceof RangeError) throw tooDeep(fileName);
      throw error;
    }
    const first = doc.errors[0];
    if (first?.code !== 'MISSING_CHAR' || repairs >= MAX_QUOTE_REPAIRS) break;
    const repaired = indentQuotedContinuation(source, first.pos[0]);
    if (repaired === undefined) break;
    source = repaired;
  }
  const error = doc.errors[0];
  if (error?.message.includes('Maximum call stack size exceeded')) throw tooDeep(fileName);
  if (error) {
    const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw new TemplateError(
      'E_TEMPLATE_PARSE',
      `cannot parse the template as YAML${where}: ${error.message.split('\n')[0]}`,
      YAML_FIX,
      fileName,
    );
  }
  const alias = danglingAlias(doc);
  if (alias) {
    const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
    throw new TemplateError(
      'E_TEMPLATE_PARSE',
      `cannot parse the template as YAML at line ${line}, column ${col}: alias *${alias.source} has no anchor &${alias.source} before it`,
      YAML_FIX,
      fileName,
    );
  }
  try {
    // Aliases become shared values, not copies; checkTemplateShape then bounds what they expand to.
    return doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(fileName);
    throw error;
  }
}

/** The first alias whose anchor is not defined before it (in document order), if any: one walk. */
function danglingAlias(doc: Document): Alias | undefined {
  const { isAlias, visit } = yaml();
  const anchors = new Set<string>();
  let found: Alias | undefined;
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        if (anchors.has(node.source)) return undefined;
        found = node;
        return visit.BREAK;
      }
      if (node.anchor !== undefined) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

/** Where a JSON syntax error is, when JSON.parse's message does not say: the YAML parser's line, or the end. */
function jsonWhere(text: string, trimmed: string, jsonError: unknown, yamlError: unknown): string {
  if (/position \d+|line \d+/.test((jsonError as Error).message)) return '';
  const skippedLines =
    text
      .replace(/^\uFEFF/, '')
      .slice(0, text.length - trimmed.length)
      .split('\n').length - 1;
  const at = /at line (\d+), column (\d+)/.exec(yamlError instanceof Error ? yamlError.message : '');
  if (at) return ` (near line ${Number(at[1]) + skippedLines}, column ${at[2]})`;
  return ` (at the end of the file, line ${text.split('\n').length})`;
}

/**
 * JSON or YAML (CloudFormation short-form tags) into a plain object.
 * @throws TemplateError E_TEMPLATE_PARSE (syntax) or E_NOT_CLOUDFORMATION (not a template with Resources).
 */
export function parseTemplate(text: string, fileName: string): Record<string, unknown> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  let parsed: unknown;
  if (trimmed.startsWith('{')) {
    try {
      parsed = JSON.parse(trimmed);
    } catch (jsonError) {
      // Not strict JSON: YAML flow style is a superset, so give YAML a chance before failing.
      try {
        parsed = parseYaml(trimmed, fileName);
      } catch (yamlError) {
        if (yamlError instanceof TemplateError && yamlError.code !== 'E_TEMPLATE_PARSE') throw yamlError;
        throw new TemplateError(
          'E_TEMPLATE_PARSE',
          `cannot parse the template as JSON: ${(jsonError as Error).message}${jsonWhere(text, trimmed, jsonError, yamlError)}`,
          'fix the JSON syntax at the reported position',
          fileName,
        );
      }
    }
  } else {
    parsed = parseYaml(trimmed, fileName);
  }
  checkTemplateShape(parsed, fileName);
  if (!isPlainObject(parsed) || !isPlainObject(parsed.Resources)) {
    const got = !isPlainObject(parsed)
      ? parsed === null
        ? 'null'
        : Array.isArray(parsed)
          ? 'a list'
          : typeof parsed
      : 'an object without a Resources map';
    throw new TemplateError(
      'E_NOT_CLOUDFORMATION',
      `expected a CloudFormation template (an object with a Resources map), got ${got}`,
      'pass a CloudFormation template (for a CDK app, the *.template.json files in cdk.out)',
      fileName,
    );
  }
  return parsed;
}

/** Read and parse a template file. @throws TemplateError E_TEMPLATE_READ, E_TEMPLATE_PARSE, E_NOT_CLOUDFORMATION. */
export function readTemplateFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TemplateError(
      'E_TEMPLATE_READ',
      `cannot read the file: ${(error as Error).message}`,
      'check the path and its permissions',
      path,
    );
  }
  return parseTemplate(text, path);
}
