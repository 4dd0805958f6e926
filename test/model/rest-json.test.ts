import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

describe('fromTemplate: JSON templates with long-form intrinsics', () => {
  const json = JSON.stringify({
    Parameters: { Level: { Type: 'String', Default: 'INFO' } },
    Conditions: { Prod: { 'Fn::Equals': ['a', 'b'] } },
    Resources: {
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: { 'Fn::Join': ['-', ['api', { Ref: 'Level' }]] } } },
      Group: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 7 } },
      Stage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          RestApiId: { Ref: 'Api' },
          StageName: 'prod',
          MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: { Ref: 'Level' } }],
          AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': ['Group', 'Arn'] }, Format: '$context.requestId' },
        },
      },
      Conditional: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          RestApiId: { Ref: 'Api' },
          StageName: 'test',
          MethodSettings: {
            'Fn::If': [
              'Prod',
              [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR' }],
              { Ref: 'AWS::NoValue' },
            ],
          },
        },
      },
    },
  });

  it('resolves Fn::Join, Ref and Fn::GetAtt written in JSON', () => {
    const api = apiById(buildYaml(json), 'Api');
    expect(api.name).toBe('api-INFO');
    const stage = api.stages.find((s) => s.name === 'prod');
    expect(stage?.settings.loggingLevel).toBe('INFO');
    const group = stage?.accessLog?.logGroup;
    expect(group && !isUnresolved(group) ? group.retentionDays : group).toBe(7);
  });

  it('fails to know stage settings whose MethodSettings depend on a condition', () => {
    const stage = apiById(buildYaml(json), 'Api').stages.find((s) => s.name === 'test');
    expect(stage?.settings.loggingLevel).toEqual({ unresolved: true, because: 'the value depends on condition Prod' });
    expect(isUnresolved(stage?.settings.throttle.rateLimit)).toBe(true);
  });
});
