import { labelOfApi } from '../engine/evaluate';
import type { Finding, FindingResource } from '../engine/finding';
import type { Severity } from '../engine/rule';
import type { ResolvedStandard } from '../standard';
import type { Api, Inventory, Operation, Stage } from '../model/types';
import { isKnown, type Value } from '../model/value';
import { LOGICAL_ID_TAG, STACK_NAME_TAG } from '../model/aws/shared';

export const DRIFT_RULE_ID = 'drift';
const TITLE = 'Deployed APIs match the synthesized intent';
const FIX =
  'Redeploy the stack (`cdk deploy`) to restore the synthesized configuration, or find the out-of-band change in CloudTrail ' +
  '(UpdateStage, UpdateMethod, DisassociateWebACL, ...) and bring it into the CDK app.';

export interface CompareOptions {
  readonly standard: ResolvedStandard;
  /** Severity of a weakened control on a deployed API. @default 'error' */
  readonly severity?: Severity;
}

/** How an intended API found its deployed counterpart. */
export interface ApiMatch {
  readonly intended: Api;
  readonly deployed?: Api;
  readonly by?: 'logical-id' | 'name';
}

/**
 * Match each synthesized API to a deployed one: by the CloudFormation tags on the deployed API
 * (aws:cloudformation:logical-id, and stack name when both sides know it), else by name and kind when
 * exactly one deployed API has that name.
 */
export function matchApis(intended: Inventory, deployed: Inventory): ApiMatch[] {
  return intended.apis
    .filter((api) => !api.external)
    .map((api) => {
      const byLogicalId = deployed.apis.filter((d) => {
        const logicalId = d.tags[LOGICAL_ID_TAG];
        const stack = d.tags[STACK_NAME_TAG];
        if (!api.source.logicalId || logicalId !== api.source.logicalId || d.kind !== api.kind) return false;
        return !api.source.stackName || !isKnown(stack) || stack === api.source.stackName;
      });
      if (byLogicalId.length === 1) return { intended: api, deployed: byLogicalId[0], by: 'logical-id' as const };
      if (isKnown(api.name) && api.name) {
        const byName = deployed.apis.filter((d) => d.kind === api.kind && d.name === api.name);
        if (byName.length === 1) return { intended: api, deployed: byName[0], by: 'name' as const };
      }
      return { intended: api };
    });
}

/** Drift findings: what the synthesized intent has that the deployed API lacks. */
export function compareWithIntent(intended: Inventory, deployed: Inventory, options: CompareOptions): Finding[] {
  const findings: Finding[] = [];
  const severity = options.severity ?? 'error';
  for (const match of matchApis(intended, deployed)) {
    const want = match.intended;
    if (!match.deployed) {
      findings.push({
        ruleId: DRIFT_RULE_ID,
        title: TITLE,
        status: 'fail',
        severity: 'warning',
        message: `${labelOfApi(want)} is in the synthesized app but no deployed API matches it (by the aws:cloudformation:logical-id tag or by name).`,
        fix: 'Deploy the stack, or audit the region and account it is deployed to.',
        resource: { kind: 'api', label: labelOfApi(want), source: want.source, apiId: want.id },
        tier: options.standard.tierOf(want),
      });
      continue;
    }
    const have = match.deployed;
    const tier = options.standard.tierOf(have);
    const apiLabel = labelOfApi(have);
    const report = (resource: FindingResource, message: string): void =>
      void findings.push({
        ruleId: DRIFT_RULE_ID,
        title: TITLE,
        status: 'fail',
        severity,
        message,
        fix: FIX,
        resource,
        tier,
      });
    const apiResource: FindingResource = { kind: 'api', label: apiLabel, source: have.source, apiId: have.id };
    compareApi(want, have, (m) => report(apiResource, m));
    compareOperations(
      want,
      have,
      (op, m) =>
        report(
          {
            kind: 'operation',
            label: `${apiLabel} › ${op.method ? `${op.method} ` : 'route '}${op.path}`,
            source: op.source,
            apiId: have.id,
          },
          m,
        ),
      (m) => report(apiResource, m),
    );
    const deployedStages = new Map(have.stages.filter((s) => isKnown(s.name)).map((s) => [s.name as string, s]));
    for (const stage of want.stages) {
      if (!isKnown(stage.name)) continue;
      const found = deployedStages.get(stage.name);
      if (!found) {
        report(apiResource, `Stage ${stage.name} is synthesized but not deployed.`);
        continue;
      }
      compareStage(stage, found, (m) =>
        report({ kind: 'stage', label: `${apiLabel} › stage ${stage.name}`, source: found.source, apiId: have.id }, m),
      );
    }
  }
  return findings;
}

function compareApi(want: Api, have: Api, drift: (message: string) => void): void {
  const wantTypes = known(want.endpointTypes);
  const haveTypes = known(have.endpointTypes);
  if (wantTypes && haveTypes) {
    const missing = wantTypes.filter((t) => !haveTypes.includes(t));
    if (missing.length) drift(`Endpoint type ${missing.join(', ')} is synthesized; deployed: ${haveTypes.join(', ')}.`);
  }
  if (want.disableExecuteApiEndpoint === true && have.disableExecuteApiEndpoint === false) {
    drift('The default execute-api endpoint is disabled in the synthesized app but enabled on the deployed API.');
  }
  if (want.policy !== undefined && have.policy === undefined)
    drift('A resource policy is synthesized; the deployed API has none.');
}

function compareOperations(
  want: Api,
  have: Api,
  drift: (op: Operation, message: string) => void,
  missing: (message: string) => void,
): void {
  if (want.operationsUnresolved || have.operationsUnresolved) return;
  const deployed = new Map(have.operations.map((op) => [`${op.method} ${op.path}`, op]));
  for (const op of want.operations) {
    const found = deployed.get(`${op.method} ${op.path}`);
    if (!found) {
      missing(`${op.method ? `Method ${op.method}` : 'Route'} ${op.path} is synthesized but not deployed.`);
      continue;
    }
    const wantType = known(op.auth.type);
    const haveType = known(found.auth.type);
    if (wantType && haveType && wantType !== 'NONE' && haveType !== wantType) {
      drift(found, `Authorization is ${wantType} in the synthesized app; deployed: ${haveType}.`);
    }
    if (op.auth.apiKeyRequired === true && found.auth.apiKeyRequired === false)
      drift(found, 'An API key is required in the synthesized app; the deployed method does not require one.');
    const wantScopes = known(op.auth.scopes);
    const haveScopes = known(found.auth.scopes);
    const lostScopes = wantScopes && haveScopes ? wantScopes.filter((s) => !haveScopes.includes(s)) : [];
    if (lostScopes.length)
      drift(
        found,
        `OAuth scope(s) ${lostScopes.join(', ')} are required in the synthesized app but not on the deployed method.`,
      );
    if (op.validator !== undefined && found.validator === undefined)
      drift(found, 'A request validator is synthesized; the deployed method has none.');
  }
}

function compareStage(want: Stage, have: Stage, drift: (message: string) => void): void {
  if (want.waf && !have.waf) drift('A WAF web ACL is associated in the synthesized app; the deployed stage has none.');
  if (want.accessLog && !have.accessLog) drift('Access logging is synthesized; the deployed stage has none.');
  if (want.tracing === true && have.tracing !== true)
    drift('X-Ray tracing is on in the synthesized app; off on the deployed stage.');
  const level = known(want.settings.loggingLevel);
  const haveLevel = have.settings.loggingLevel === undefined ? 'OFF' : known(have.settings.loggingLevel);
  if (level && haveLevel && level.toUpperCase() !== haveLevel.toUpperCase())
    drift(`Execution logging is ${level} in the synthesized app; deployed: ${haveLevel}.`);
  if (want.settings.dataTrace === false && have.settings.dataTrace === true)
    drift('Data trace (full request logging) is off in the synthesized app but on in the deployed stage.');
  for (const key of ['rateLimit', 'burstLimit'] as const) {
    const limit = known(want.settings.throttle[key]);
    if (limit === undefined) continue;
    const deployed = have.settings.throttle[key];
    if (deployed === undefined) drift(`Throttling ${key} ${limit} is synthesized; the deployed stage sets none.`);
    else if (isKnown(deployed) && deployed > limit)
      drift(`Throttling ${key} is ${limit} in the synthesized app; deployed: ${deployed}.`);
  }
  if (want.settings.cacheDataEncrypted === true && have.settings.cacheDataEncrypted !== true)
    drift('Cache encryption is on in the synthesized app; off on the deployed stage.');
  if (isKnown(want.clientCertificateId) && want.clientCertificateId && !have.clientCertificateId)
    drift('A backend client certificate is synthesized; the deployed stage has none.');
}

function known<T>(value: Value<T> | undefined): T | undefined {
  return isKnown(value) ? value : undefined;
}
