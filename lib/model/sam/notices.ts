/** What the SAM builder tells the user; the template builder turns these into inventory notices. */
export interface SamNotice {
  readonly level: 'info' | 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  /** The SAM resource it is about, when any. */
  readonly logicalId?: string;
}
