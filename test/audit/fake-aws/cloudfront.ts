import type { ServerResponse } from 'node:http';
import type { FakeState } from './state';
import type { Fault } from './types';

/** A distribution the fake CloudFront lists; rendered as the REST-XML ListDistributions answers with. */
export interface FakeDistribution {
  readonly id: string;
  /** '' when the distribution has no web ACL (what CloudFront sends then). */
  readonly webAclId: string;
  readonly enabled?: boolean;
  readonly origins: { readonly id: string; readonly domainName: string; readonly headers?: Record<string, string> }[];
}

const NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function tag(name: string, inner: string): string {
  return `<${name}>${inner}</${name}>`;
}

function summary(d: FakeDistribution): string {
  const origins = d.origins.map((o) => {
    const headers = Object.entries(o.headers ?? {}).map(([name, value]) =>
      tag('OriginCustomHeader', tag('HeaderName', esc(name)) + tag('HeaderValue', esc(value))),
    );
    return tag(
      'Origin',
      tag('Id', esc(o.id)) +
        tag('DomainName', esc(o.domainName)) +
        tag('OriginPath', '') +
        tag('CustomHeaders', tag('Quantity', String(headers.length)) + tag('Items', headers.join(''))),
    );
  });
  return tag(
    'DistributionSummary',
    tag('Id', d.id) +
      tag('ARN', `arn:aws:cloudfront::123456789012:distribution/${d.id}`) +
      tag('Status', 'Deployed') +
      tag('LastModifiedTime', '2026-01-01T00:00:00.000Z') +
      tag('DomainName', `${d.id.toLowerCase()}.cloudfront.net`) +
      tag('Origins', tag('Quantity', String(origins.length)) + tag('Items', origins.join(''))) +
      tag('Enabled', String(d.enabled ?? true)) +
      tag('WebACLId', esc(d.webAclId)) +
      tag('Staging', 'false'),
  );
}

/** GET /2020-05-31/distribution: one page from Marker (an index), NextMarker when more remain. */
export function cloudFront(
  state: FakeState,
  query: Record<string, string>,
  res: ServerResponse,
  pageSize: number,
  fault: Fault | undefined,
): void {
  if (fault) {
    const [status, code] = fault.kind === 'deny' ? [403, 'AccessDenied'] : [503, 'ServiceUnavailable'];
    const message =
      fault.kind === 'deny'
        ? 'User: arn:aws:sts::123456789012:assumed-role/auditor/session is not authorized to perform: cloudfront:ListDistributions'
        : 'Service is unavailable';
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(
      `<?xml version="1.0"?><ErrorResponse xmlns="${NS}">${tag('Error', tag('Type', 'Sender') + tag('Code', code) + tag('Message', esc(message)))}${tag('RequestId', 'fake')}</ErrorResponse>`,
    );
    return;
  }
  const all = state.distributions ?? [];
  const start = query.Marker ? Number(query.Marker) : 0;
  const slice = all.slice(start, start + pageSize);
  const more = start + pageSize < all.length;
  const body =
    tag('Marker', query.Marker ?? '') +
    (more ? tag('NextMarker', String(start + pageSize)) : '') +
    tag('MaxItems', String(pageSize)) +
    tag('IsTruncated', String(more)) +
    tag('Quantity', String(slice.length)) +
    tag('Items', slice.map(summary).join(''));
  res.writeHead(200, { 'content-type': 'text/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><DistributionList xmlns="${NS}">${body}</DistributionList>`);
}
