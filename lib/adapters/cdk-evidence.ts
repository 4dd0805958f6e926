import * as fs from 'fs';
import * as path from 'path';
import type { Evaluation } from '../engine/evaluate';
import type { FailOn } from '../engine/finding';
import type { ResolvedStandard } from '../standard';
import { renderReport } from '../reporters/index';
import { buildReport } from '../reporters/report';

/** Evidence files the CDK plugin can write into the cloud assembly (cdk.out). */
export const EVIDENCE_FORMATS = ['html', 'oscal', 'csv'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

const FILE_NAMES: Record<EvidenceFormat, string> = {
  html: 'api-guardrails-report.html',
  oscal: 'api-guardrails-report.oscal.json',
  csv: 'api-guardrails-inventory.csv',
};

/** The formats as given, checked. @throws Error E_EVIDENCE_FORMAT naming the value received and the choices. */
export function evidenceFormats(formats: readonly string[] | undefined): EvidenceFormat[] {
  const out: EvidenceFormat[] = [];
  for (const f of formats ?? []) {
    if (!(EVIDENCE_FORMATS as readonly string[]).includes(f)) {
      throw new Error(
        `ApiGuardrails: error E_EVIDENCE_FORMAT: received evidence format "${f}". Fix: use any of ${EVIDENCE_FORMATS.join(', ')}.`,
      );
    }
    if (!out.includes(f as EvidenceFormat)) out.push(f as EvidenceFormat);
  }
  return out;
}

/**
 * Write one evidence file per format into `dir` (the cloud assembly directory), from an evaluation that
 * lists passing checks. @returns the paths written.
 */
export function writeEvidence(
  formats: readonly EvidenceFormat[],
  dir: string,
  evaluation: Evaluation,
  standard: ResolvedStandard,
  failOn: FailOn,
): string[] {
  const report = buildReport({ evaluation, standard, failOn });
  return formats.map((format) => {
    const file = path.join(dir, FILE_NAMES[format]);
    fs.writeFileSync(file, renderReport(report, format, { cwd: dir }));
    return file;
  });
}
