import { checkStageName } from '../../lib/constructs/stage-name';
import { constructError } from './helpers';
import { cognitoApi } from './rest-api-helpers';

/** A SecureRestApi (Cognito authorization, one GET method) in the given tier and stage. */
function build(stageName: string, dataClassification: 'internal' | 'confidential') {
  return cognitoApi({ dataClassification, stageName }).template();
}

describe('stage names the tier does not allow (rule non-production-stage)', () => {
  test('fails a dev stage of a confidential SecureRestApi with E_NON_PRODUCTION_STAGE, the name and the fix', () => {
    const error = constructError(() => build('dev', 'confidential'));
    expect(error.code).toBe('E_NON_PRODUCTION_STAGE');
    expect(error.message).toContain('Received: "dev"');
    expect(error.message).toContain('lower dataClassification');
  });

  test('accepts a dev stage in the internal tier, which allows non-production stages', () => {
    build('dev', 'internal').hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'dev' });
  });

  test('accepts a production name in the restricted tier, and leaves words inside words alone', () => {
    expect(() => checkStageName('v2', 'restricted')).not.toThrow();
    expect(() => checkStageName('latest', 'restricted')).not.toThrow();
  });

  test('fails camelCase and digit-separated non-production names in the restricted tier', () => {
    expect(constructError(() => checkStageName('featureTest', 'restricted')).code).toBe('E_NON_PRODUCTION_STAGE');
    expect(constructError(() => checkStageName('qa2', 'restricted')).code).toBe('E_NON_PRODUCTION_STAGE');
  });
});
