import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { ReportOptions } from '../../lib/engine/rule';
import type { Unresolved, Value } from '../../lib/model/value';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /**
   * Tag keys every API (and stage) must carry. Keep in sync with the standard's `ownerTagKey` and
   * `classification.tagKey`: the classification tag selects the tier.
   */
  readonly requiredKeys: string[];
  /** Allowed values per tag key (keys not listed accept any non-empty value). Keep in sync with `classification.tiers`. */
  readonly allowedValues: Record<string, string[]>;
  /** Check each stage's own tags too (API Gateway does not report tags a stage inherits from its REST API). */
  readonly checkStages: boolean;
}

type Tags = Record<string, Value<string>>;

export default defineRule<'api', Options>({
  id: 'required-tags',
  title: 'APIs and stages carry owner and data-classification tags',
  rationale:
    'The owner tag says who answers for the API; the data-classification tag selects the tier of the standard the API is held to. ' +
    'An API without a classification is evaluated under the strictest tier, and nobody can be asked about it.',
  fix: {
    cdk:
      'Give the Secure* constructs `owner` and `dataClassification`, which tag the API and its stage; ' +
      "otherwise `Tags.of(api).add('owner', 'team-orders')` and `Tags.of(api).add('data-classification', " +
      "'internal')` (tags propagate to the stage).",
    cloudFormation:
      'Tags on AWS::ApiGateway::RestApi and AWS::ApiGateway::Stage (Tags map on ' + 'AWS::ApiGatewayV2::Api/Stage).',
    sam: '`Tags` on AWS::Serverless::Api or AWS::Serverless::HttpApi (SAM tags the stage it creates too).',
  },
  severity: 'error',
  owasp: ['API9:2023'],
  controls: { nist80053: ['CM-8', 'RA-2'], pciDss4: ['12.5.1'] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        requiredKeys: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        allowedValues: {
          type: 'object',
          additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 },
        },
        checkStages: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: {
      requiredKeys: ['owner', 'data-classification'],
      allowedValues: { 'data-classification': ['public', 'internal', 'confidential', 'restricted'] },
      checkStages: true,
    },
  },
  check(api, ctx) {
    const { requiredKeys, allowedValues } = ctx.options;
    const checkTags = (tags: Tags, what: string, opts: ReportOptions, tagsUnresolved?: Unresolved): void => {
      const missing: string[] = [];
      for (const key of requiredKeys) {
        const value = tags[key];
        if (value === undefined || (!isUnresolved(value) && value.trim() === '')) {
          missing.push(key);
        } else if (isUnresolved(value)) {
          ctx.unknown(`Tag ${key} of ${what} is unresolved (${value.because}).`, opts);
        } else if (allowedValues[key] && !allowedValues[key].includes(value)) {
          ctx.fail(`Tag ${key} of ${what} is "${value}"; allowed values are ${allowedValues[key].join(', ')}.`, opts);
        }
      }
      if (missing.length && tagsUnresolved) {
        ctx.unknown(
          `Whether ${what} has tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')} is unknown: its tags are unresolved (${tagsUnresolved.because}).`,
          opts,
        );
      } else if (missing.length)
        ctx.fail(`${capitalise(what)} lacks required tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`, opts);
    };
    // The implicit $default stage of an HTTP API quick create has no Tags property of its own: the API's tags apply.
    const implicit = (stage: (typeof api.stages)[number]): boolean =>
      stage.source.logicalId !== undefined &&
      stage.source.logicalId === api.source.logicalId &&
      stage.source.resourceType === api.source.resourceType;
    const stages = ctx.options.checkStages ? api.stages.filter((stage) => !implicit(stage)) : [];
    // An API declared elsewhere (a stage of an imported RestApiId) is checked where it is declared.
    if (api.external && stages.length === 0) return ctx.skip();
    if (!api.external) checkTags(api.tags, 'the API', { location: 'Properties.Tags' }, api.tagsUnresolved);
    for (const stage of stages) {
      if (stage.unreadable) {
        // Tags never read are neither missing nor present.
        ctx.unknown(`The tags of the API's stages are unknown: they could not be read (${stage.unreadable}).`, {
          location: 'Properties.Tags',
          source: stage.source,
        });
        continue;
      }
      const name = isUnresolved(stage.name) ? '(unresolved name)' : stage.name;
      checkTags(
        stage.tags,
        `stage ${name}`,
        {
          location: stage.declaredBy === 'deployment' ? 'Properties.StageDescription.Tags' : 'Properties.Tags',
          source: stage.source,
        },
        stage.tagsUnresolved,
      );
    }
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
