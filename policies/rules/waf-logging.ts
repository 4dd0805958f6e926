import { defineRule } from '../../lib/engine/rule';
import { isKnown } from '../../lib/model/value';

interface Options {
  /** Fields WAF logs must redact: lower-case header names, or 'uri-path', 'query-string', 'method'. */
  readonly requiredRedactedFields: string[];
}

export default defineRule<'stage', Options>({
  id: 'waf-logging',
  title: 'The stage’s web ACL logs requests with credentials redacted',
  rationale:
    'WAF logs are the only record of what the firewall blocked and why, needed to tune rules and investigate attacks. ' +
    'They record full request headers, so bearer tokens and session cookies must be redacted or the logs become a credential store.',
  fix: {
    cdk:
      'Use an `OrgWebAcl` (SecureRestApi creates one), which logs to an aws-waf-logs-* log group with ' +
      'authorization and cookie redacted; otherwise add `new wafv2.CfnLoggingConfiguration(...)` for the web ' +
      'ACL with such a destination (or S3 / Firehose) and those headers redacted.',
    cloudFormation:
      'An AWS::WAFv2::LoggingConfiguration for the web ACL with LogDestinationConfigs (a log group named ' +
      'aws-waf-logs-*, S3 or Firehose) and RedactedFields [{ SingleHeader: { Name: "authorization" } }, { ' +
      'SingleHeader: { Name: "cookie" } }].',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: { nist80053: ['AU-2', 'AU-12', 'SI-4'], pciDss4: ['10.2.1'] },
  references: { cdkNag: 'NIST.800.53.R5-WAFv2LoggingEnabled' },
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        requiredRedactedFields: {
          type: 'array',
          items: { type: 'string', pattern: '^[a-z0-9-]+$' },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
    defaults: { requiredRedactedFields: ['authorization', 'cookie'] },
  },
  check(stage, ctx) {
    // Only stages with a web ACL: a missing association is stage-waf's finding.
    if (!stage.waf) return ctx.skip();
    const acl = ctx.need(stage.waf.webAcl, 'the associated web ACL');
    const aclName = isKnown(acl.name) ? acl.name : acl.id;
    if (acl.logging === undefined) {
      return ctx.fail(
        `Web ACL ${aclName} has no logging configuration: blocked and allowed requests leave no record.`,
        { source: acl.source },
      );
    }
    const logging = ctx.need(acl.logging, `the logging configuration of web ACL ${aclName}`);
    const opts = { source: logging.source, location: 'Properties.RedactedFields' };
    const destinations = ctx.need(logging.destinations, `the log destinations of web ACL ${aclName}`);
    if (destinations.length === 0) {
      ctx.fail(`Web ACL ${aclName} has a logging configuration without a destination.`, {
        source: logging.source,
        location: 'Properties.LogDestinationConfigs',
      });
    }
    const redacted = ctx
      .need(logging.redactedFields, `the redacted fields of web ACL ${aclName}`)
      .map((f) => f.toLowerCase());
    const missing = ctx.options.requiredRedactedFields.filter((f) => !redacted.includes(f.toLowerCase()));
    if (missing.length) {
      ctx.fail(
        `Web ACL ${aclName} logs ${missing.join(', ')} unredacted: add ${missing.length > 1 ? 'them' : 'it'} to RedactedFields.`,
        opts,
      );
    }
  },
});
