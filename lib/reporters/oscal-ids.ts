import { createHash } from 'node:crypto';

/** Namespace of the OSCAL properties this toolkit defines (names outside NIST's own vocabulary). */
export const OSCAL_NS = 'urn:cdk-api-guardrails:oscal';

/**
 * A name-based UUID (RFC 4122 version 5 layout over SHA-256 of `key`, truncated): the same key always
 * gives the same UUID, so an API or observation keeps its identity across runs.
 */
export function uuidFor(key: string): string {
  const hex = createHash('sha256').update(`api-guardrails|${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** NIST SP 800-53 id as written in rules ('AC-4(21)') to the OSCAL catalog's control id ('ac-4.21'). */
export function oscalControlId(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/\((\d+)\)/g, '.$1');
}

/** A value for an OSCAL property: non-empty, no surrounding whitespace (StringDatatype). */
export function propValue(value: string | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

export interface OscalProp {
  readonly name: string;
  readonly value: string;
  readonly ns?: string;
}

/** Our own properties (in OSCAL_NS), dropping empty values. */
export function props(entries: readonly [string, string | undefined][]): OscalProp[] {
  const out: OscalProp[] = [];
  for (const [name, raw] of entries) {
    const value = propValue(raw);
    if (value !== undefined) out.push({ name, value, ns: OSCAL_NS });
  }
  return out;
}
