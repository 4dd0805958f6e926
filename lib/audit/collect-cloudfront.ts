import { ListDistributionsCommand, type DistributionSummary } from '@aws-sdk/client-cloudfront';
import type { Fetched } from '../model/aws/snapshot';
import { list, type CollectContext } from './context';

/**
 * ListDistributions, every page (Marker / NextMarker): the summaries carry each distribution's web ACL and
 * origins with their custom headers, which is all http-api-waf reads, so no GetDistributionConfig is needed.
 */
export function collectDistributions(ctx: CollectContext): Promise<Fetched<DistributionSummary[]>> {
  return list<DistributionSummary>(ctx, 'ListDistributions', async (marker) => {
    const r = await ctx.clients.cloudfront.send(new ListDistributionsCommand({ Marker: marker }));
    const page = r.DistributionList;
    return { items: page?.Items, next: page?.IsTruncated ? page.NextMarker : undefined };
  });
}
