/**
 * The shape of an agreement expectation with another scanner's own test suite, and the reasons we give
 * more than once for disagreeing on purpose. Peer verdicts: 'flag' = the peer reports the resource,
 * 'ok' = it does not.
 */
export type PeerVerdict = 'flag' | 'ok';

export interface AgreementCase {
  readonly file: string;
  /** Peer and control, e.g. 'checkov CKV_AWS_59'. */
  readonly peer: string;
  /** Our rule(s) for the control: the resource is flagged when any of them fails or is unknown. */
  readonly rules: readonly string[];
  readonly verdicts: Readonly<Record<string, PeerVerdict>>;
  readonly disagree?: Readonly<Record<string, string>>;
}

export interface NotSharedCase {
  readonly file: string;
  readonly peer: string;
  readonly notShared: string;
}

export const API_KEY_IS_NOT_AUTH =
  'an API key identifies a client for usage plans; it is not authorization (OWASP API2), so NONE + ApiKeyRequired still fails';
export const NO_STAGE =
  'a Deployment without StageName creates no stage, so it has no access log to configure; the stages that use it are judged instead';
export const NOT_PREFLIGHT =
  'an OPTIONS method is exempt only as a CORS preflight: a MOCK integration answering Access-Control-* headers; this one answers nothing';
export const USAGE_PLANS =
  'we require usage plans only for methods that require API keys (usage-plan-limits); throttling is judged per stage (stage-throttling)';
