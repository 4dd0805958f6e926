import { unresolved, type Unresolved } from '../value';
import type { TokenTable } from './tokens';

/** A CloudFormation dynamic reference: `{{resolve:ssm:/name}}`, `{{resolve:ssm-secure:...}}`, `{{resolve:secretsmanager:...}}`. */
const DYNAMIC_REFERENCE = /\{\{resolve:([^:}]*)[^}]*\}\}/g;

const DYNAMIC_SERVICES: Record<string, string> = {
  ssm: 'SSM Parameter Store',
  'ssm-secure': 'SSM Parameter Store (SecureString)',
  secretsmanager: 'Secrets Manager',
};

function dynamicReason(reference: string, service: string): Unresolved {
  const from = DYNAMIC_SERVICES[service] ?? `the ${service} service`;
  return unresolved(`dynamic reference ${reference} is read from ${from} at deploy time`, reference);
}

/**
 * A string with dynamic references: exactly one is an Unresolved value; inside a longer string each becomes an
 * unresolved token, so the string as a whole is unknown wherever it is read as a value.
 */
export function withDynamicReferences(text: string, tokens: TokenTable): unknown {
  if (!text.includes('{{resolve:')) return text;
  DYNAMIC_REFERENCE.lastIndex = 0;
  const whole = DYNAMIC_REFERENCE.exec(text);
  if (whole && whole.index === 0 && whole[0].length === text.length) return dynamicReason(whole[0], whole[1]);
  return text.replace(DYNAMIC_REFERENCE, (reference, service: string) =>
    tokens.fromUnresolved(dynamicReason(reference, service)),
  );
}
