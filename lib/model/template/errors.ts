/** Stable ids of the errors the template builder throws. */
export type TemplateErrorCode =
  | 'E_TEMPLATE_PARSE'
  | 'E_NOT_CLOUDFORMATION'
  | 'E_TEMPLATE_READ'
  | 'E_TEMPLATE_CYCLE'
  | 'E_TEMPLATE_TOO_DEEP'
  | 'E_TEMPLATE_TOO_LARGE';

/** A template that cannot be read at all (the builder never throws for content it merely cannot resolve). */
export class TemplateError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly fix: string;

  constructor(code: TemplateErrorCode, message: string, fix: string, file?: string) {
    super(`${code}: ${message}${file ? ` (${file})` : ''}. Fix: ${fix}`);
    this.name = 'TemplateError';
    this.code = code;
    this.file = file;
    this.fix = fix;
  }
}
