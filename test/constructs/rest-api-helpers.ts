import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import { RestApiAuthorization, SecureRestApi } from '../../lib/constructs';
import { OWNERSHIP, newStack, userPool } from './fixtures';

/** A SecureRestApi with Cognito authorization and one GET method, plus `extra` props. */
export function cognitoApi(extra: Partial<ConstructorParameters<typeof SecureRestApi>[2]> = {}, app = new App()) {
  const stack = newStack(app);
  const pool = userPool(stack);
  const api = new SecureRestApi(stack, 'Orders', {
    ...OWNERSHIP,
    authorization: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: [pool.scopeId('read')] }),
    ...extra,
  });
  api.root.addResource('orders').addMethod('GET', new MockIntegration());
  return { stack, api, template: () => Template.fromStack(stack) };
}
