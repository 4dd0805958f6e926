import type { FakeState, Wire } from './state';

export type Service = 'apigateway' | 'apigatewayv2' | 'wafv2' | 'logs' | 'cognito' | 'cloudfront';

/** One request the fake received, for assertions (e.g. the IAM policy test). */
export interface RecordedRequest {
  readonly service: Service;
  /** SDK operation name, e.g. GetStages. */
  readonly operation: string;
  readonly method: string;
  /** URL path (decoded), for REST-JSON services. */
  readonly path: string;
  readonly query: Record<string, string>;
  /** Parsed JSON body, for JSON 1.1 services. */
  readonly body?: Wire;
}

export interface Fault {
  readonly service?: Service;
  readonly operation: string;
  readonly kind: 'throttle' | 'server-error' | 'deny' | 'not-found';
  /** How many matching requests fail; then the fault is spent. @default Infinity */
  times?: number;
  /** Only requests whose path (REST) or body (JSON) contains this text. */
  readonly contains?: string;
}

export interface FakeOptions {
  /** Largest page the fake returns, whatever limit the client asks for. @default 1000 */
  readonly pageSize?: number;
  /** Added latency per request, in ms. @default 0 */
  readonly latencyMs?: number;
  readonly faults?: Fault[];
}

export interface FakeAws {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Most requests in flight at once. */
  readonly maxInFlight: () => number;
  readonly state: FakeState;
  close(): Promise<void>;
}
