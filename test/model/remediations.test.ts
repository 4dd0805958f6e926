import { REMEDIATION_METADATA_KEY } from '../../aspects';
import { fromTemplate } from '../../lib/model/template';
import { REMEDIATIONS_METADATA } from '../../lib/model/template/remediations';
import { plainApp } from './remediation-app';

describe('fromTemplate: remediation notices', () => {
  const remediated = plainApp(true);
  const notices = remediated.notices.filter((n) => n.code === 'REMEDIATED');

  it('reads the same metadata key the aspects write', () => {
    expect(REMEDIATIONS_METADATA).toBe(REMEDIATION_METADATA_KEY);
  });

  it('emits one info notice per change ApplyApiStandard recorded, named by logical id and construct path', () => {
    const stage = remediated.apis[0].stages[0];
    const onStage = notices.filter((n) => n.source.logicalId === stage.source.logicalId);
    expect(onStage.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        `${stage.source.logicalId}: X-Ray tracing turned on`,
        `${stage.source.logicalId}: associated with the organisation web ACL`,
      ]),
    );
    for (const n of onStage) {
      expect(n.level).toBe('info');
      expect(n.source).toEqual(
        expect.objectContaining({
          resourceType: 'AWS::ApiGateway::Stage',
          constructPath: 'Shop/Orders/DeploymentStage.prod/Resource',
          stackName: 'Shop',
        }),
      );
    }
    const api = remediated.apis[0];
    expect(notices.filter((n) => n.source.logicalId === api.source.logicalId).map((n) => n.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Orders\w+: tag owner=platform added$/)]),
    );
  });

  it('emits none for an app no aspect changed', () => {
    expect(plainApp(false).notices.filter((n) => n.code === 'REMEDIATED')).toEqual([]);
  });

  it('ignores entries that are not text and accepts a single string', () => {
    const inventory = fromTemplate({
      Resources: {
        Logs: { Type: 'AWS::Logs::LogGroup', Metadata: { [REMEDIATIONS_METADATA]: 'retention set to 365 days' } },
        Odd: {
          Type: 'AWS::Logs::LogGroup',
          Metadata: { [REMEDIATIONS_METADATA]: [42, '', { change: 'x' }, 'KMS key added'] },
        },
      },
    });
    expect(inventory.notices.map((n) => [n.level, n.code, n.message, n.source.logicalId])).toEqual([
      ['info', 'REMEDIATED', 'Logs: retention set to 365 days', 'Logs'],
      ['info', 'REMEDIATED', 'Odd: KMS key added', 'Odd'],
    ]);
  });
});
