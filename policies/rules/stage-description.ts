import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

interface Options {
  /** Shortest description accepted, in characters (after trimming). @default 1 */
  readonly minLength: number;
}

export default defineRule<'stage', Options>({
  id: 'stage-description',
  title: 'Stages have a description',
  rationale:
    'A description says what a stage is for (production, a partner beta, a forgotten test), which is the first question ' +
    'in an inventory of exposed endpoints (API9: improper inventory management).',
  fix: {
    cdk:
      'Set `stageDescription` on the Secure* constructs (they write one by default), or `deployOptions: { ' +
      'description: "..." }` / `new Stage(..., { description })` on plain APIs.',
    cloudFormation: 'Stage `Description` (or `StageDescription.Description`).',
  },
  severity: 'info',
  owasp: ['API9:2023'],
  controls: { nist80053: ['CM-8'], pciDss4: ['12.5.1'] },
  // AWS Config managed rule APIGATEWAY_STAGE_DESCRIPTION (apigateway-stage-description); no Security Hub control id.
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: { minLength: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaults: { minLength: 1 },
  },
  check(stage, ctx) {
    const location =
      stage.declaredBy === 'deployment' ? 'Properties.StageDescription.Description' : 'Properties.Description';
    if (stage.description === undefined) return ctx.fail('Stage has no description.', { location });
    const text = ctx.need(stage.description, 'the stage description').trim();
    if (text.length === 0) return ctx.fail('Stage description is empty.', { location });
    if (text.length < ctx.options.minLength) {
      ctx.fail(
        `Stage description is ${text.length} characters; the standard wants at least ${ctx.options.minLength}.`,
        { location },
      );
    }
  },
});
