import type { TokenTable } from './tokens';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fn::GetAtt of an HTTP or WebSocket API's ApiEndpoint, documented as
 * `https://{api-id}.execute-api.{region}.amazonaws.com` (`wss://` for WebSocket): spelled out, so Fn::Split and
 * Fn::Select over it (a CloudFront origin's domain name) resolve. Undefined for other resources.
 */
export function v2ApiEndpoint(
  tokens: TokenTable,
  scope: { readonly prefix: string; readonly resources: Record<string, unknown> },
  logicalId: string,
): string | undefined {
  const resource = scope.resources[logicalId];
  if (!isObject(resource) || resource.Type !== 'AWS::ApiGatewayV2::Api') return undefined;
  const protocol = isObject(resource.Properties) ? resource.Properties.ProtocolType : undefined;
  const scheme = protocol === 'WEBSOCKET' ? 'wss' : 'https';
  const id = tokens.make({ kind: 'ref', key: scope.prefix + logicalId });
  const region = tokens.make({ kind: 'pseudo', name: 'AWS::Region' });
  const suffix = tokens.make({ kind: 'pseudo', name: 'AWS::URLSuffix' });
  return `${scheme}://${id}.execute-api.${region}.${suffix}`;
}
