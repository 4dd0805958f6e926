import * as fs from 'fs';
import * as path from 'path';
import { evaluate } from '../../../lib/engine/evaluate';
import { fromTemplate, parseTemplate } from '../../../lib/model/template';
import { resolveStandard } from '../../../lib/standard';
import { describeWithCorpus } from '../../helpers/corpus';
import { missingFrom, pairKeys, SAM_CORPUS, samPairs } from './parity-helpers';

/**
 * Parity with the SAM transform on the SAM project's own translator fixtures (../shared/corpus/sam): the
 * findings on a SAM input (rule, status, subject: API, stage, operation, authorizer, domain, usage plan)
 * equal the findings on the CloudFormation the transform made of it, pass findings included. A pair that
 * differs on purpose is listed in KNOWN_DIFFERENCES with the reason; today none does.
 * The agreement figure is printed with GUARDRAILS_SAM_PARITY_REPORT=1.
 */
/** Pair name → findings that differ on purpose (key as findingKey prints it) and why. */
const KNOWN_DIFFERENCES: Record<
  string,
  { readonly onlyOnInput: string[]; readonly onlyOnOutput: string[]; readonly why: string }
> = {};

const tally = { pairs: 0, identical: 0, findings: 0, matched: 0 };

describeWithCorpus(
  'SAM parity: a SAM template gives the findings of its transformed template',
  () => {
    const pairs = samPairs();

    it('covers every pair of the corpus (41 templates and 3 expected errors)', () => {
      expect(pairs.filter((p) => !p.expectError)).toHaveLength(41);
      expect(pairs.filter((p) => p.expectError)).toHaveLength(3);
    });

    for (const pair of pairs.filter((p) => !p.expectError)) {
      const known = KNOWN_DIFFERENCES[pair.name];
      const name = known
        ? `${pair.name}: same findings except the listed ones, because ${known.why}`
        : `${pair.name}: same findings as the transformed template`;
      it(name, () => {
        const { input, output } = pairKeys(pair.name);
        const onlyOnInput = missingFrom(input, output);
        const onlyOnOutput = missingFrom(output, input);
        tally.pairs++;
        tally.findings += output.length;
        tally.matched += output.length - onlyOnOutput.length;
        if (onlyOnInput.length === 0 && onlyOnOutput.length === 0) tally.identical++;
        // Not vacuous: the transformed template has APIs and findings on them.
        expect(output.some((key) => / › /.test(key))).toBe(true);
        expect({ onlyOnInput, onlyOnOutput }).toEqual({
          onlyOnInput: known?.onlyOnInput ?? [],
          onlyOnOutput: known?.onlyOnOutput ?? [],
        });
      });
    }

    const standard = resolveStandard();
    for (const pair of pairs.filter((p) => p.expectError)) {
      it(`fails ${pair.name} the way the transform does: every resource SAM rejects is a SAM_INVALID error, never a crash`, () => {
        const file = path.join(SAM_CORPUS, 'input', `${pair.name}.yaml`);
        const expected = JSON.parse(fs.readFileSync(path.join(SAM_CORPUS, 'output', `${pair.name}.json`), 'utf8')) as {
          errorMessage: string;
        };
        const rejected = [...expected.errorMessage.matchAll(/Resource with id \[(\w+)\] is invalid/g)].map((m) => m[1]);
        const count = Number(/Number of errors found: (\d+)/.exec(expected.errorMessage)?.[1]);
        const inventory = fromTemplate(parseTemplate(fs.readFileSync(file, 'utf8'), file));
        const invalid = inventory.notices.filter((n) => n.code === 'SAM_INVALID');
        expect(invalid.map((n) => n.source.logicalId).sort()).toEqual([...rejected].sort());
        expect(invalid).toHaveLength(count);
        const findings = evaluate(inventory, { standard }).findings;
        const notEvaluable = findings.filter((f) => f.ruleId === 'not-evaluable');
        expect(notEvaluable).toHaveLength(count);
        expect(notEvaluable.every((f) => f.status === 'unknown' && f.severity === 'error')).toBe(true);
      });
    }

    afterAll(() => {
      if (process.env.GUARDRAILS_SAM_PARITY_REPORT)
        console.log(
          `SAM parity: ${tally.identical}/${tally.pairs} pairs identical, ${tally.matched}/${tally.findings} findings of the transformed templates matched`,
        );
    });
  },
  'sam',
);
