import * as fs from 'fs';
import * as path from 'path';
import { resolveStandard } from '../../lib/standard';
import { evaluate } from '../../lib/engine/evaluate';
import type { Finding } from '../../lib/engine/finding';
import { fromTemplate, readTemplateFile } from '../../lib/model/template';
import type { PeerVerdict } from './agreement-expectations';
import { AGREEMENT_CASES, NOT_SHARED } from './agreement-expectations';
import { corpusFolder } from '../helpers/corpus';

/**
 * Agreement with Checkov, cfn_nag and KICS on their own fixtures (../shared/corpus). Our verdict on each
 * named resource must match the peer's, unless the case records why we differ on purpose.
 * `GUARDRAILS_AGREEMENT_REPORT=1 npx jest test/corpus` prints the control × source table.
 */
const templates = corpusFolder('templates');
const corpus = path.dirname(templates);

const standard = resolveStandard();
const cache = new Map<string, readonly Finding[]>();
function findingsOf(file: string): readonly Finding[] {
  let findings = cache.get(file);
  if (!findings) {
    const templatePath = path.join(corpus, 'templates', file);
    findings = evaluate(fromTemplate(readTemplateFile(templatePath), { templatePath }), {
      standard,
    }).findings;
    cache.set(file, findings);
  }
  return findings;
}

function ourVerdict(file: string, rules: readonly string[], logicalId: string): PeerVerdict {
  const flagged = findingsOf(file).some(
    (f) =>
      rules.includes(f.ruleId) &&
      f.resource.source.logicalId === logicalId &&
      (f.status === 'fail' || f.status === 'unknown'),
  );
  return flagged ? 'flag' : 'ok';
}

const table = new Map<string, { agree: number; disagree: number }>();
function tally(rules: readonly string[], peer: string, agreed: boolean): void {
  const key = `${rules.join(' + ')} | ${peer.split(' ')[0]}`;
  const row = table.get(key) ?? { agree: 0, disagree: 0 };
  row[agreed ? 'agree' : 'disagree']++;
  table.set(key, row);
}

describe('agreement with other scanners on their own fixtures', () => {
  for (const kase of AGREEMENT_CASES) {
    for (const [logicalId, peer] of Object.entries(kase.verdicts)) {
      const why = kase.disagree?.[logicalId];
      const name = why
        ? `${kase.file} ${logicalId}: disagrees with ${kase.peer} (${peer === 'ok' ? 'we flag it' : 'we pass it'}) because ${why}`
        : `${kase.file} ${logicalId}: agrees with ${kase.peer} (${peer})`;
      it(name, () => {
        const ours = ourVerdict(kase.file, kase.rules, logicalId);
        tally(kase.rules, kase.peer, ours === peer);
        expect(ours).toBe(why ? (peer === 'ok' ? 'flag' : 'ok') : peer);
      });
    }
  }

  /** SAM fixture and API where we differ from Checkov on purpose, and why. */
  const SAM_DISAGREE: Record<string, string> = {
    'checkov-CKV_AWS_73-APIGatewayXray-sam-mixed.yaml Enabled':
      'the SAM transform also creates the stage "Stage" (Deployment StageName, no OpenApiVersion), which has no tracing; Checkov reads the SAM property only',
    'checkov-CKV_AWS_76-APIGatewayAccessLogging-sam-mixed.yaml Enabled':
      'the SAM transform also creates the stage "Stage" (Deployment StageName, no OpenApiVersion) with no access log, and the prod stage sets no Format; Checkov reads the SAM property only',
    'checkov-CKV_AWS_95-APIGatewayV2AccessLogging-sam-mixed.yaml Enabled':
      'AccessLogSettings sets a destination but no Format, so nothing useful is logged; Checkov only asks for the destination',
  };

  it('evaluates the SAM fixtures (lib/model/sam) and agrees with Checkov, which checks SAM natively, per SAM API', () => {
    const sources = JSON.parse(fs.readFileSync(path.join(corpus, 'sources.json'), 'utf8')) as {
      files: { file: string; label: string }[];
    };
    const sam = sources.files.filter((f) => f.file.includes('sam-mixed'));
    expect(sam.length).toBeGreaterThan(0);
    let compared = 0;
    for (const { file, label } of sam) {
      const peer = /^checkov (CKV_AWS_\d+)/.exec(label)?.[1];
      const rules = AGREEMENT_CASES.find((c) => c.peer === `checkov ${peer}`)?.rules;
      expect(findingsOf(file).some((f) => f.ruleId === 'not-evaluable')).toBe(false);
      if (!rules) continue; // a control we do not share (see NOT_SHARED)
      for (const [, verdict, names] of label.matchAll(/(PASS|FAIL) ([^;]+)/g)) {
        for (const name of names.split(',').map((n) => n.trim().split('.').pop() as string)) {
          const flagged = findingsOf(file).some(
            (f) =>
              rules.includes(f.ruleId) && f.resource.apiId === name && (f.status === 'fail' || f.status === 'unknown'),
          );
          const why = SAM_DISAGREE[`${file} ${name}`];
          const peerVerdict = verdict === 'FAIL' ? 'flag' : 'ok';
          const expected = why ? (peerVerdict === 'ok' ? 'flag' : 'ok') : peerVerdict;
          expect(`${file} ${name}: ${flagged ? 'flag' : 'ok'}`).toBe(`${file} ${name}: ${expected}`);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('accounts for every labelled scanner fixture: compared, or not shared with a reason', () => {
    const sources = JSON.parse(fs.readFileSync(path.join(corpus, 'sources.json'), 'utf8')) as {
      files: { file: string }[];
    };
    const covered = new Set([...AGREEMENT_CASES.map((c) => c.file), ...NOT_SHARED.map((c) => c.file)]);
    const open = sources.files
      .map((f) => f.file)
      .filter((f) => !covered.has(f) && !f.startsWith('cfnlint-') && !f.includes('sam-mixed'));
    expect(open).toEqual([]);
    for (const c of NOT_SHARED) expect(c.notShared.length).toBeGreaterThan(20);
  });

  afterAll(() => {
    if (!process.env.GUARDRAILS_AGREEMENT_REPORT) return;
    const lines = ['| our rule(s) | source | agree | disagree (on purpose) |', '|---|---|---|---|'];
    for (const [key, row] of [...table].sort()) lines.push(`| ${key} | ${row.agree} | ${row.disagree} |`);
    console.log(lines.join('\n'));
  });
});
