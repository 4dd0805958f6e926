/**
 * Mutations of a corpus template. Each takes the template's text and its parsed form and returns the
 * mutant's text (what is written to disk) and whether it makes a security-relevant value unknowable.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

export interface Mutant {
  readonly kind: string;
  readonly text: string;
  /** The mutation only made a value unknowable: no finding that failed may pass on the mutant. */
  readonly unknowable: boolean;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same mutants. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const SECURITY_TYPES = /^AWS::(ApiGateway|ApiGatewayV2|WAFv2|Logs)::/;

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every path under Resources.*.Properties (objects, lists and leaves), optionally of API-related resources only. */
function propertyPaths(template: Json, securityOnly: boolean): Path[] {
  const out: Path[] = [];
  const resources = isObject(template) ? template.Resources : undefined;
  if (!isObject(resources)) return out;
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource) || !isObject(resource.Properties)) continue;
    if (securityOnly && !(typeof resource.Type === 'string' && SECURITY_TYPES.test(resource.Type))) continue;
    const walk = (value: Json, path: Path): void => {
      out.push(path);
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
      else if (isObject(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    for (const [key, value] of Object.entries(resource.Properties)) walk(value, ['Resources', id, 'Properties', key]);
  }
  return out;
}

function getAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) node = (node as Record<string | number, Json> | undefined)?.[key];
  return node;
}

function setAt(root: Json, path: Path, value: Json): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]] = value;
}

function clone(template: Json): Json {
  return structuredClone(template);
}

function json(template: Json): string {
  return JSON.stringify(template, null, 1);
}

function withParameter(template: Json, name: string): void {
  if (!isObject(template)) return;
  const parameters = isObject(template.Parameters) ? template.Parameters : {};
  parameters[name] = { Type: 'String' };
  template.Parameters = parameters;
}

/** Replace one value of an API, stage, WAF or log resource with something only known at deploy time. */
function unknowable(random: Random, template: Json): Mutant | undefined {
  const paths = propertyPaths(template, true);
  if (paths.length === 0) return undefined;
  const copy = clone(template);
  const path = random.pick(paths);
  const replacement = random.pick<() => Json>([
    () => '{{resolve:ssm:/fuzz/value}}',
    () => '{{resolve:ssm-secure:/fuzz/value:1}}',
    () => '{{resolve:secretsmanager:fuzz:SecretString:value}}',
    () => `prefix-{{resolve:ssm:/fuzz/${random.int(100)}}}`,
    () => {
      withParameter(copy, 'FuzzUnknown');
      return { Ref: 'FuzzUnknown' };
    },
    () => {
      withParameter(copy, 'FuzzKey');
      return { 'Fn::FindInMap': ['FuzzMap', { Ref: 'FuzzKey' }, 'value'] };
    },
  ])();
  setAt(copy, path, replacement);
  if (isObject(copy) && isObject(replacement) && 'Fn::FindInMap' in replacement)
    copy.Mappings = { ...(isObject(copy.Mappings) ? copy.Mappings : {}), FuzzMap: { a: { value: 'x' } } };
  return { kind: 'unknowable', text: json(copy), unknowable: true };
}

function typeSwap(random: Random, template: Json): Mutant | undefined {
  const paths = propertyPaths(template, false);
  if (paths.length === 0) return undefined;
  const copy = clone(template);
  const path = random.pick(paths);
  const current = getAt(copy, path);
  const candidates: Json[] = [null, true, 0, -1, 1e308, '', 'x', [], [1, 'a'], {}, { unexpected: [] }];
  const others = candidates.filter((c) => typeof c !== typeof current || Array.isArray(c) !== Array.isArray(current));
  setAt(copy, path, random.pick(others));
  return { kind: 'type-swap', text: json(copy), unknowable: false };
}

const INTRINSICS = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::FindInMap', 'Fn::If'];
const BAD_ARGUMENTS: Json[] = [
  [],
  [1],
  ['a', 'b', 'c', 'd'],
  7,
  null,
  { x: 1 },
  [[], []],
  [{ Ref: 'AWS::NoValue' }, 'x'],
];

function wrongArity(random: Random, template: Json): Mutant | undefined {
  const paths = propertyPaths(template, false);
  if (paths.length === 0) return undefined;
  const copy = clone(template);
  setAt(copy, random.pick(paths), { [random.pick(INTRINSICS)]: random.pick(BAD_ARGUMENTS) });
  return { kind: 'wrong-arity', text: json(copy), unknowable: false };
}

function referenceCycle(random: Random, template: Json): Mutant | undefined {
  const paths = propertyPaths(template, false);
  if (paths.length === 0 || !isObject(template)) return undefined;
  const copy = clone(template) as { [key: string]: Json };
  const path = random.pick(paths);
  const self = String(path[1]);
  const variant = random.int(3);
  if (variant === 0) setAt(copy, path, { 'Fn::GetAtt': [self, 'Arn'] });
  else if (variant === 1) {
    copy.Mappings = {
      ...(isObject(copy.Mappings) ? copy.Mappings : {}),
      Loop: { a: { b: { 'Fn::FindInMap': ['Loop', 'a', 'b'] } } },
    };
    setAt(copy, path, { 'Fn::FindInMap': ['Loop', 'a', 'b'] });
  } else {
    copy.Outputs = {
      ...(isObject(copy.Outputs) ? copy.Outputs : {}),
      Loop: { Value: { 'Fn::ImportValue': 'fuzz-loop' }, Export: { Name: 'fuzz-loop' } },
    };
    setAt(copy, path, { 'Fn::ImportValue': 'fuzz-loop' });
  }
  return { kind: 'reference-cycle', text: json(copy), unknowable: false };
}

function deepNesting(random: Random, template: Json): Mutant | undefined {
  const paths = propertyPaths(template, false);
  if (paths.length === 0) return undefined;
  const copy = clone(template);
  const depth = random.pick([50, 900, 1200, 5000, 10000]);
  const marker = '"__FUZZ_DEEP__"';
  setAt(copy, random.pick(paths), '__FUZZ_DEEP__');
  const list = random.int(2) === 0;
  const nested = list ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return { kind: 'deep-nesting', text: json(copy).replace(marker, nested), unknowable: false };
}

function aliasBomb(random: Random, text: string): Mutant | undefined {
  if (text.trimStart().startsWith('{')) return undefined;
  const levels = random.pick([3, 6, 9]);
  const lines = ['FuzzAliases:', '  l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `  l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  if (random.int(2) === 0) lines.push(`  many: [${Array(1200).fill('*l0').join(', ')}]`);
  return { kind: 'alias-bomb', text: `${lines.join('\n')}\n${text.replace(/^\uFEFF/, '')}`, unknowable: false };
}

function bytes(random: Random, text: string): Mutant {
  const variant = random.int(5);
  let out: string;
  if (variant === 0) out = `\uFEFF${text}`;
  else if (variant === 1) out = text.replace(/\r?\n/g, '\r\n');
  else if (variant === 2) {
    const at = random.int(text.length);
    const junk = Array.from({ length: 1 + random.int(8) }, () => String.fromCharCode(random.int(32))).join('');
    out = text.slice(0, at) + junk + text.slice(at);
  } else if (variant === 3) out = text.slice(0, random.int(text.length));
  else out = `\uFEFF${text.replace(/\r?\n/g, '\r\n')}\u0000`;
  return { kind: 'bytes', text: out, unknowable: false };
}

/** One mutant of a template, of a kind chosen at random (weighted towards the unknowable mutations). */
export function mutate(random: Random, text: string, template: Json): Mutant {
  const kinds: ((r: Random) => Mutant | undefined)[] = [
    (r) => unknowable(r, template),
    (r) => unknowable(r, template),
    (r) => unknowable(r, template),
    (r) => typeSwap(r, template),
    (r) => wrongArity(r, template),
    (r) => referenceCycle(r, template),
    (r) => deepNesting(r, template),
    (r) => aliasBomb(r, text),
    (r) => bytes(r, text),
  ];
  return random.pick(kinds)(random) ?? bytes(random, text);
}
