/**
 * The `replay` floor of `npm run bench -- --floor`: a plugin that reports, with no rule run, the
 * violations the ApiGuardrails plugin reported in the same run (read from that synth's
 * validation-report.json). What it costs over the empty plugin is what CDK itself charges to collect,
 * trace, format and write those violations; what ApiGuardrails costs over it is the plugin's own work.
 */
import * as path from 'path';
import type { PolicyViolation } from 'aws-cdk-lib';

interface ReportedConstruct {
  readonly cloudFormationResource?: {
    readonly templatePath?: string;
    readonly logicalId?: string;
    readonly propertyPaths?: string[];
  };
}

interface ReportedViolation {
  readonly ruleName: string;
  readonly description: string;
  readonly suggestedFix?: string;
  readonly severity?: string;
  readonly ruleMetadata?: Record<string, string>;
  readonly violatingConstructs?: ReportedConstruct[];
}

/** A violation read back from a report, its resources named by template file name. */
export interface ReplayViolation {
  readonly violation: Omit<PolicyViolation, 'violatingResources'>;
  readonly resources: { readonly templateFile: string; readonly logicalId: string; readonly locations: string[] }[];
}

/**
 * The violations the plugin called `pluginName` reported in a CDK validation report (the JSON CDK writes
 * to `<outdir>/validation-report.json`). CDK lists only plugins that failed or reported a violation, so a
 * report without that plugin means it reported nothing (the compliant workload).
 * @throws Error E_BENCH_REPLAY when the file is not a validation report.
 */
export function readReplay(report: unknown, pluginName: string, file: string): ReplayViolation[] {
  const reports = (report as { pluginReports?: { pluginName?: string; violations?: ReportedViolation[] }[] })
    ?.pluginReports;
  if (!Array.isArray(reports)) {
    throw new Error(
      `bench: error E_BENCH_REPLAY: ${file} has no pluginReports list, so it is not a CDK validation report. Fix: replay the validation-report.json of a synth that ran the ${pluginName} plugin.`,
    );
  }
  const mine = reports.find((r) => r.pluginName === pluginName);
  if (!mine) return [];
  return (mine.violations ?? []).map((v) => ({
    violation: {
      ruleName: v.ruleName,
      description: v.description,
      ...(v.suggestedFix !== undefined ? { fix: v.suggestedFix } : {}),
      ...(v.severity !== undefined ? { severity: v.severity } : {}),
      ...(v.ruleMetadata !== undefined ? { ruleMetadata: v.ruleMetadata } : {}),
    },
    resources: (v.violatingConstructs ?? []).flatMap((c) => {
      const cfn = c.cloudFormationResource;
      if (!cfn?.templatePath || !cfn.logicalId) return [];
      return [
        { templateFile: path.basename(cfn.templatePath), logicalId: cfn.logicalId, locations: cfn.propertyPaths ?? [] },
      ];
    }),
  }));
}

/** The replayed violations against this synth's templates (same file names, another outdir). */
export function replayViolations(
  replay: readonly ReplayViolation[],
  templatePaths: readonly string[],
): PolicyViolation[] {
  const byFile = new Map(templatePaths.map((p) => [path.basename(p), p]));
  return replay.map(({ violation, resources }) => ({
    ...violation,
    violatingResources: resources.flatMap((r) => {
      const templatePath = byFile.get(r.templateFile);
      return templatePath ? [{ resourceLogicalId: r.logicalId, templatePath, locations: r.locations }] : [];
    }),
  }));
}
