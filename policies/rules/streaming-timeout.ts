import { defineRule } from '../../lib/engine/rule';
import { isStreaming } from './streaming-protection';

interface Options {
  /** Longest integration timeout the tier allows for a streaming integration, in ms (AWS allows 900,000). */
  readonly maxTimeoutMillis: number;
}

/** What AWS applies when a REST integration sets no TimeoutInMillis. */
const AWS_DEFAULT_TIMEOUT = 29_000;

export default defineRule<'operation', Options>({
  id: 'streaming-timeout',
  title: 'Streaming integrations keep their timeout within the tier’s bound',
  rationale:
    'A streaming integration may run up to 15 minutes, against 29 seconds for a buffered one. Each open stream holds a ' +
    'connection and a backend invocation; the longer the bound, the fewer callers it takes to exhaust concurrency ' +
    '(OWASP API4). The tier fixes how long a stream may stay open.',
  fix: {
    cdk: '`new apigw.LambdaIntegration(fn, { responseTransferMode: apigw.ResponseTransferMode.STREAM, timeout: Duration.minutes(2) })`.',
    cloudFormation: 'AWS::ApiGateway::Method `Integration.TimeoutInMillis` at or below the tier’s bound.',
    sam: 'Set `timeoutInMillis` in the `x-amazon-apigateway-integration` of the AWS::Serverless::Api DefinitionBody.',
  },
  severity: 'warning',
  owasp: ['API4:2023'],
  controls: { nist80053: ['SC-5', 'SC-10'], pciDss4: [] },
  // Response streaming is from November 2025: no peer scanner checks it yet.
  references: {},
  appliesTo: { subject: 'operation', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: { maxTimeoutMillis: { type: 'integer', minimum: 50, maximum: 900000 } },
      additionalProperties: false,
    },
    defaults: { maxTimeoutMillis: 300_000 },
  },
  check(op, ctx) {
    if (!isStreaming(op, ctx)) return ctx.skip();
    const set = op.integration?.timeoutMillis;
    const timeout = set === undefined ? AWS_DEFAULT_TIMEOUT : ctx.need(set, 'the integration timeout');
    const max = ctx.options.maxTimeoutMillis;
    if (timeout > max) {
      ctx.fail(
        `Streaming integration timeout is ${timeout} ms; the standard allows at most ${max} ms for tier ${ctx.tier}.`,
        { location: 'Properties.Integration.TimeoutInMillis' },
      );
    }
  },
});
