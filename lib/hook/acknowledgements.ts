import { AcknowledgementIndex } from '../adapters/acknowledgement-index';

/**
 * Template `Metadata` key under which `embedAcknowledgements` copies a CDK stack's acknowledgements
 * (`Validations.of(x).acknowledge`, `acknowledgeRisk`), in the shape of a cdk.out `<stack>.metadata.json`:
 * `{ "/Stack/Api": [{ "type": "aws:cdk:acknowledged-rules", "data": { "ApiGuardrails::stage-waf": "reason" } }] }`.
 * CloudFormation only ever receives the template, so this is where the hook can find them.
 */
export const TEMPLATE_ACKNOWLEDGEMENTS_KEY = 'cdk-api-guardrails:acknowledgements';

/** The plugin's acknowledgement namespace (ids `ApiGuardrails::<rule>`), as `check` reads it. */
export const ACKNOWLEDGEMENT_NAMESPACE = 'ApiGuardrails';

type MetadataMap = Record<string, { type: string; data?: unknown }[]>;

/**
 * The acknowledgements recorded in a template's Metadata, read by the same index `check` uses on a
 * cdk.out; undefined when the template records none. Entries of an unexpected shape are ignored.
 */
export function acknowledgementsOf(
  template: Record<string, unknown>,
  templateFile: string,
): AcknowledgementIndex | undefined {
  const metadata = template.Metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const recorded = (metadata as Record<string, unknown>)[TEMPLATE_ACKNOWLEDGEMENTS_KEY];
  if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) return undefined;
  const entries: MetadataMap = {};
  for (const [path, list] of Object.entries(recorded as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    entries[path] = list.filter(
      (e): e is { type: string; data?: unknown } =>
        typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string',
    );
  }
  const index = AcknowledgementIndex.fromAssembly([{ templateFile, metadata: entries }], ACKNOWLEDGEMENT_NAMESPACE);
  return index.isEmpty ? undefined : index;
}
