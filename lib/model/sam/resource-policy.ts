import { isRecord, record, type Json } from './common';
import type { SwaggerDoc } from './swagger';

const INVOKE = 'execute-api:Invoke';

function policyOf(doc: SwaggerDoc): Json[] {
  const policy = record(doc.doc['x-amazon-apigateway-policy']);
  const statements = Array.isArray(policy.Statement)
    ? (policy.Statement as Json[])
    : isRecord(policy.Statement)
      ? [policy.Statement]
      : [];
  doc.doc['x-amazon-apigateway-policy'] = { ...policy, Version: '2012-10-17', Statement: statements };
  return statements;
}

function addOnce(statements: Json[], statement: Json): void {
  const text = JSON.stringify(statement);
  if (!statements.some((existing) => JSON.stringify(existing) === text)) statements.push(statement);
}

/** execute-api resources of every method of one path, as SAM writes them. */
function methodResources(doc: SwaggerDoc, path: string, stage: unknown): Json[] {
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  return doc.verbs(path).map((verb) => {
    const method = verb === 'x-amazon-apigateway-any-method' ? '*' : verb.toUpperCase();
    return { 'Fn::Sub': [`execute-api:/\${__Stage__}/${method}${trimmed}`, { __Stage__: stage }] };
  });
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function allowAndDeny(statements: Json[], resources: Json[], condition: Json): void {
  const base = { Effect: 'Allow', Action: INVOKE, Resource: resources, Principal: '*' };
  addOnce(statements, base);
  addOnce(statements, { ...base, Effect: 'Deny', Condition: condition });
}

function vpcCondition(strings: unknown, vpcs: unknown, vpces: unknown): Json | undefined {
  const condition: Record<string, unknown[]> = {};
  for (const item of Array.isArray(strings) ? strings : []) {
    if (typeof item !== 'string') continue;
    const key = item.startsWith('vpce-') ? 'aws:SourceVpce' : item.startsWith('vpc-') ? 'aws:SourceVpc' : undefined;
    if (key) (condition[key] ??= []).push(item);
  }
  if (vpcs !== undefined) (condition['aws:SourceVpc'] ??= []).push(...asList(vpcs));
  if (vpces !== undefined) (condition['aws:SourceVpce'] ??= []).push(...asList(vpces));
  return Object.keys(condition).length > 0 ? condition : undefined;
}

/** SAM's Auth.ResourcePolicy for one path: generated Allow/Deny statements, then CustomStatements. */
export function addResourcePolicy(doc: SwaggerDoc, raw: unknown, path: string, stage: unknown): void {
  const policy = record(raw);
  const statements = policyOf(doc);
  const resources = methodResources(doc, path, stage);
  const accounts: [unknown, string][] = [
    [policy.AwsAccountWhitelist, 'Allow'],
    [policy.AwsAccountBlacklist, 'Deny'],
  ];
  for (const [list, effect] of accounts)
    if (list !== undefined && list !== null)
      addOnce(statements, { Effect: effect, Action: INVOKE, Resource: resources, Principal: { AWS: asList(list) } });
  if (policy.IpRangeWhitelist)
    allowAndDeny(statements, resources, { NotIpAddress: { 'aws:SourceIp': asList(policy.IpRangeWhitelist) } });
  if (policy.IpRangeBlacklist)
    allowAndDeny(statements, resources, { IpAddress: { 'aws:SourceIp': asList(policy.IpRangeBlacklist) } });
  const deny = vpcCondition(policy.SourceVpcBlacklist, policy.IntrinsicVpcBlacklist, policy.IntrinsicVpceBlacklist);
  if (deny) allowAndDeny(statements, resources, { StringEquals: deny });
  const allow = vpcCondition(policy.SourceVpcWhitelist, policy.IntrinsicVpcWhitelist, policy.IntrinsicVpceWhitelist);
  if (allow) allowAndDeny(statements, resources, { StringNotEquals: allow });
  if (policy.CustomStatements !== undefined)
    for (const statement of asList(policy.CustomStatements)) addOnce(statements, statement as Json);
  if (statements.length === 0) delete doc.doc['x-amazon-apigateway-policy'];
}
