import type { Severity } from '../engine/rule';
import { toAsff, type AsffOptions } from './asff';
import type { Report } from './report';

/**
 * OCSF (Open Cybersecurity Schema Framework) 1.1 Compliance Finding events (class 2003, category 2
 * Findings), the format Security Hub's OCSF findings use. Built from the same findings and stable ids as
 * ASFF: `finding_info.uid` is the ASFF `Id`, resolved pairs are Close activities with status Resolved.
 */

export const OCSF_VERSION = '1.1.0';
const CLASS_UID = 2003;

export interface OcsfComplianceFinding {
  readonly activity_id: 1 | 3;
  readonly activity_name: 'Create' | 'Close';
  readonly category_uid: 2;
  readonly category_name: 'Findings';
  readonly class_uid: typeof CLASS_UID;
  readonly class_name: 'Compliance Finding';
  readonly type_uid: number;
  readonly type_name: string;
  readonly severity_id: 1 | 3 | 4;
  readonly severity: 'Informational' | 'Medium' | 'High';
  readonly status_id: 1 | 3 | 4;
  readonly status: 'New' | 'Suppressed' | 'Resolved';
  readonly time: number;
  readonly message: string;
  readonly metadata: {
    readonly version: string;
    readonly product: {
      readonly name: string;
      readonly vendor_name: string;
      readonly version: string;
      readonly uid: string;
    };
  };
  readonly finding_info: {
    readonly uid: string;
    readonly title: string;
    readonly desc: string;
    readonly created_time: number;
    readonly modified_time: number;
    readonly types: string[];
  };
  readonly compliance: {
    readonly control: string;
    readonly standards: string[];
    readonly status_id: 1 | 2 | 3;
    readonly status: 'Pass' | 'Warning' | 'Fail';
  };
  readonly resources: { uid: string; type: string; region: string; cloud_partition: string }[];
  readonly cloud: {
    readonly provider: 'AWS';
    readonly region: string;
    readonly account: { readonly uid: string; readonly type_id: 10; readonly type: 'AWS Account' };
  };
  readonly remediation: { readonly desc: string };
}

const SEVERITY: Record<Severity, { id: 1 | 3 | 4; name: 'Informational' | 'Medium' | 'High' }> = {
  error: { id: 4, name: 'High' },
  warning: { id: 3, name: 'Medium' },
  info: { id: 1, name: 'Informational' },
};

/** The OCSF compliance findings of an audit report. */
export function toOcsf(report: Report, options: AsffOptions = {}): OcsfComplianceFinding[] {
  const now = options.now ?? new Date();
  const time = now.getTime();
  const asff = toAsff(report, { ...options, now });
  const standard = [report.standard.name, report.standard.version].filter(Boolean).join(' ');
  return asff.map((f) => {
    const status = f.ProductFields['api-guardrails/status'];
    const open = status === 'fail' || status === 'unknown';
    const activity = open ? { id: 1 as const, name: 'Create' as const } : { id: 3 as const, name: 'Close' as const };
    const severity = open ? severityOf(f.Severity.Label) : SEVERITY.info;
    return {
      activity_id: activity.id,
      activity_name: activity.name,
      category_uid: 2,
      category_name: 'Findings',
      class_uid: CLASS_UID,
      class_name: 'Compliance Finding',
      type_uid: CLASS_UID * 100 + activity.id,
      type_name: `Compliance Finding: ${activity.name}`,
      severity_id: severity.id,
      severity: severity.name,
      status_id: status === 'acknowledged' ? 3 : open ? 1 : 4,
      status: status === 'acknowledged' ? 'Suppressed' : open ? 'New' : 'Resolved',
      time,
      message: f.Title,
      metadata: {
        version: OCSF_VERSION,
        product: {
          name: 'api-guardrails',
          vendor_name: 'cdk-api-guardrails',
          version: report.tool.version,
          uid: 'api-guardrails',
        },
      },
      finding_info: {
        uid: f.Id,
        title: f.Title,
        desc: f.Description,
        created_time: time,
        modified_time: time,
        types: f.Types,
      },
      compliance: {
        control: f.ProductFields['api-guardrails/ruleId'],
        standards: [standard],
        ...(status === 'fail'
          ? { status_id: 3 as const, status: 'Fail' as const }
          : status === 'unknown'
            ? { status_id: 2 as const, status: 'Warning' as const }
            : { status_id: 1 as const, status: 'Pass' as const }),
      },
      resources: f.Resources.map((r) => ({ uid: r.Id, type: r.Type, region: r.Region, cloud_partition: r.Partition })),
      cloud: {
        provider: 'AWS',
        region: f.Resources[0].Region,
        account: { uid: f.AwsAccountId, type_id: 10, type: 'AWS Account' },
      },
      remediation: { desc: f.Remediation.Recommendation.Text },
    };
  });
}

/** `audit --format ocsf`: a JSON list of OCSF compliance findings. */
export function renderOcsf(report: Report): string {
  return `${JSON.stringify(toOcsf(report), null, 2)}\n`;
}

function severityOf(label: string): { id: 1 | 3 | 4; name: 'Informational' | 'Medium' | 'High' } {
  return label === 'HIGH' ? SEVERITY.error : label === 'MEDIUM' ? SEVERITY.warning : SEVERITY.info;
}
