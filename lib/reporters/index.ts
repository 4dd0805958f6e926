import { renderAsff } from './asff';
import type { RenderOptions } from './common';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson, renderJsonChunks } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderOcsf } from './ocsf';
import { renderOscal } from './oscal';
import type { Report } from './report';
import { renderSarif, renderSarifChunks } from './sarif';
import { renderText } from './text';

export type { RenderOptions } from './common';
export { buildReport } from './report';
export type {
  ApiSummary,
  BuildReportOptions,
  InventorySummary,
  Report,
  ReportInput,
  ReportSummary,
  RuleInfo,
} from './report';
export { renderText } from './text';
export { renderJson, toJsonReport, JSON_REPORT_SCHEMA_VERSION } from './json';
export type { JsonFinding, JsonLocation, JsonNotice, JsonReport } from './json';
export { renderSarif, toSarif, FINGERPRINT_KEY } from './sarif';
export { renderJunit } from './junit';
export { renderMarkdown } from './markdown';
export { renderAsff, toAsff, findingId, ASFF_BATCH_SIZE, AsffError } from './asff';
export type { AsffFinding, AsffOptions } from './asff';
export { renderOcsf, toOcsf, OCSF_VERSION } from './ocsf';
export type { OcsfComplianceFinding } from './ocsf';
export { renderHtml } from './html';
export type { EvidenceRenderOptions } from './html';
export { renderCsv } from './csv';
export { renderOscal, toOscal, OSCAL_VERSION } from './oscal';
export type { ApiDetail, StageDetail } from './evidence-inventory';
export { toolInfo } from './tool';
export type { ToolInfo } from './tool';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'csv', 'oscal'] as const;
/** Formats of `audit` only: Security Hub findings need the audited account and region. */
export const AUDIT_FORMATS = [...REPORT_FORMATS, 'asff', 'ocsf'] as const;
export type ReportFormat = (typeof AUDIT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (report: Report, options?: RenderOptions) => string> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  junit: renderJunit,
  markdown: renderMarkdown,
  asff: renderAsff,
  ocsf: renderOcsf,
  html: renderHtml,
  csv: renderCsv,
  oscal: renderOscal,
};

/** Render a report in one of REPORT_FORMATS. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  return RENDERERS[format](report, options);
}

/**
 * The same text as `renderReport`, in chunks to write one after the other: JSON and SARIF are made as
 * they are written, so a report of any size fits (the others are one chunk).
 */
export function renderReportChunks(
  report: Report,
  format: ReportFormat,
  options: RenderOptions = {},
): Iterable<string> {
  if (format === 'json') return renderJsonChunks(report, options);
  if (format === 'sarif') return renderSarifChunks(report, options);
  return [RENDERERS[format](report, options)];
}
