import { defineRule } from '../../lib/engine/rule';
import { stageScopes } from '../../lib/model/stage-scopes';
import type { MethodSettings } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** The standard declares that every target account already has the API Gateway CloudWatch role set. @default false */
  readonly preExistingRole: boolean;
}

/** 'on' when the settings write execution logs, 'off' when not, or the reason it cannot be known. */
function logsExecution(settings: MethodSettings): 'on' | 'off' | string {
  const { loggingLevel: level, dataTrace } = settings;
  if (isUnresolved(level)) return `the logging level is unresolved (${level.because})`;
  if (level !== undefined && level.toUpperCase() !== 'OFF') return 'on';
  if (isUnresolved(dataTrace)) return `DataTraceEnabled is unresolved (${dataTrace.because})`;
  return dataTrace === true ? 'on' : 'off';
}

export default defineRule<'stage', Options>({
  id: 'account-logging-role',
  title: 'Execution logging has an account CloudWatch role to write with',
  rationale:
    'API Gateway writes execution logs with the account-wide CloudWatch role (AWS::ApiGateway::Account). ' +
    'Without it, deployment fails or, worse, logging is configured but nothing is ever written.',
  fix: {
    cdk:
      'SecureRestApi and SecureWebSocketApi create the role unless `accountCloudWatchRole: false`; with plain ' +
      'APIs use `new RestApi(this, "Api", { cloudWatchRole: true })` once per account and region, or, if the ' +
      'platform team sets the role outside this app, declare it in the standard: `"account-logging-role": { ' +
      '"options": { "preExistingRole": true } }`.',
    cloudFormation:
      'One `AWS::ApiGateway::Account` with `CloudWatchRoleArn` per account and region, or `preExistingRole` ' +
      'in the standard as above.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: { nist80053: ['AU-2', 'AU-12'], pciDss4: ['10.2.1'] },
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ['rest', 'websocket'] },
  options: {
    schema: {
      type: 'object',
      properties: { preExistingRole: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { preExistingRole: false },
  },
  check(stage, ctx) {
    // HTTP APIs have no execution logs; and nothing to check when the standard vouches for the role.
    if (ctx.options.preExistingRole) return ctx.skip();
    const states = stageScopes(stage).map((scope) => logsExecution(scope.settings));
    if (!states.includes('on')) {
      const unknownBecause = states.find((s) => s !== 'off');
      return unknownBecause
        ? ctx.unknown(`Cannot tell whether the stage writes execution logs: ${unknownBecause}.`)
        : ctx.skip();
    }
    const account = ctx.inventory.account;
    if (!account || account.cloudWatchRoleArn === undefined) {
      return ctx.fail(
        'Stage turns on execution logging, but no AWS::ApiGateway::Account with a CloudWatchRoleArn is in the app and the standard does not declare a pre-existing role.',
      );
    }
    const role = ctx.need(account.cloudWatchRoleArn, 'the CloudWatchRoleArn of AWS::ApiGateway::Account');
    if (role.trim() === '')
      ctx.fail('AWS::ApiGateway::Account sets an empty CloudWatchRoleArn.', { source: account.source });
  },
});
