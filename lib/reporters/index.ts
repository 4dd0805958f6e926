import type { RenderOptions } from './common';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderOscal } from './oscal';
import type { Report } from './report';
import { renderSarif } from './sarif';
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
export { renderHtml } from './html';
export type { EvidenceRenderOptions } from './html';
export { renderCsv } from './csv';
export { renderOscal, toOscal, OSCAL_VERSION } from './oscal';
export type { ApiDetail, StageDetail } from './evidence-inventory';
export { toolInfo } from './tool';
export type { ToolInfo } from './tool';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'csv', 'oscal'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (report: Report, options?: RenderOptions) => string> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  junit: renderJunit,
  markdown: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  oscal: renderOscal,
};

/** Render a report in one of REPORT_FORMATS. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  return RENDERERS[format](report, options);
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
