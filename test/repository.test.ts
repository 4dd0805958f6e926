import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import Ajv from 'ajv';
import { generatedDocs } from '../policies/docs/generate';
import { allRules } from '../policies/rules';

const root = join(__dirname, '..');
const ruleFiles = readdirSync(join(root, 'policies', 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('repository conventions (ESLint checkRuleFiles idea)', () => {
  it('registers every rule file exactly once, under its file name', () => {
    expect(allRules.map((r) => r.id).sort()).toEqual([...ruleFiles].sort());
    expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length);
  });

  it('keeps the registry sorted by id, one rule per line, without casts', () => {
    const ids = allRules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    const registry = readFileSync(join(root, 'policies', 'rules', 'index.ts'), 'utf8');
    expect(registry).not.toMatch(/ as AnyRule/);
    const entries = registry.slice(registry.indexOf('allRules')).match(/^ {2}\w+,$/gm) ?? [];
    expect(entries).toHaveLength(allRules.length);
  });

  it.each(ruleFiles)('rule %s has a test file', (id) => {
    expect(existsSync(join(root, 'test', 'policies', 'rules', `${id}.test.ts`))).toBe(true);
  });

  it.each(allRules.map((r) => [r.id, r] as const))('rule %s has complete metadata', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(30);
    expect(rule.fix.cdk.length).toBeGreaterThan(10);
    expect(rule.fix.cloudFormation.length).toBeGreaterThan(10);
    if (rule.fix.sam !== undefined) expect(rule.fix.sam).toMatch(/AWS::Serverless::|SAM/);
    expect(['api', 'stage', 'operation', 'authorizer', 'domain', 'usagePlan', 'userPool', 'portal']).toContain(
      rule.appliesTo.subject,
    );
    expect(rule.appliesTo.apiKinds.length).toBeGreaterThan(0);
    for (const kind of rule.appliesTo.apiKinds) expect(['rest', 'http', 'websocket']).toContain(kind);
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.owasp.length).toBeGreaterThan(0);
    for (const id of rule.owasp) expect(id).toMatch(/^API([1-9]|10):2023$/);
  });

  it.each(allRules.filter((r) => r.options).map((r) => [r.id, r] as const))(
    'rule %s has option defaults valid under its own schema',
    (_id, rule) => {
      const validate = new Ajv({ allErrors: true, strict: false }).compile(rule.options!.schema);
      expect(validate(rule.options!.defaults) ? [] : validate.errors).toEqual([]);
    },
  );

  it('keeps the rule docs pages and the README rule table generated (run `npm run docs` after changing a rule)', () => {
    const stale = [...generatedDocs(allRules, root)]
      .filter(([path, content]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== content)
      .map(([path]) => path);
    expect(stale).toEqual([]);
    const pages = readdirSync(join(root, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual([...ruleFiles].sort());
  });

  it('keeps policies/ importing only lib/model, lib/engine, node built-ins and its own files', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          for (const [, fromSpec, callSpec] of readFileSync(path, 'utf8').matchAll(
            /^(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]/gm,
          )) {
            const spec = fromSpec ?? callSpec;
            const target = spec.startsWith('.') ? relative(root, resolve(dirname(path), spec)) : spec;
            const allowed =
              spec.startsWith('node:') ||
              (spec.startsWith('.') && /^(lib\/model|lib\/engine|policies)(\/|$)/.test(target.split(sep).join('/')));
            if (!allowed) offenders.push(`${relative(root, path)} imports ${spec}`);
          }
        }
      }
    };
    walk(join(root, 'policies'));
    expect(offenders).toEqual([]);
  });
});
