import { Template } from 'aws-cdk-lib/assertions';
import { createHookHandler } from '../../lib/hook/handler';
import { MESSAGE_LIMIT } from '../../lib/hook/contract';
import { resolveStandard } from '../../lib/standard';
import { newStack, restApiStack } from '../constructs/fixtures';
import { startPayloadServer, type PayloadServer } from './payload-server';
import { changeSetRequest, failingTemplate, resourceRequest, stackPayload, stackRequest } from './requests';

const standard = resolveStandard();
const handler = createHookHandler({ standard, payloadTimeoutMs: 20_000 });
let server: PayloadServer;

beforeAll(async () => {
  server = await startPayloadServer();
});
afterAll(() => server.close());

/** A template the shipped standard passes: a SecureRestApi stack synthesized with the constructs. */
function compliantTemplate(): Record<string, unknown> {
  const stack = newStack();
  restApiStack(stack);
  return Template.fromStack(stack).toJSON();
}

describe('stack operations (payload through the presigned URL)', () => {
  it('fails a stack whose template has an open REST method: FAILED, NonCompliant, the blocking finding named first', async () => {
    const response = await handler(stackRequest(server.serve(stackPayload(failingTemplate()))));
    expect(response.hookStatus).toBe('FAILED');
    expect(response.errorCode).toBe('NonCompliant');
    expect(response.clientRequestToken).toBe('f8da6d11-b23f-48f4-814c-0fb6a667f50e');
    const lines = response.message.split('\n');
    expect(lines[0]).toMatch(/^api-guardrails \(cdk-api-guardrails default [^)]*\): \d+ blocking finding\(s\)\./);
    expect(lines[1]).toMatch(/^BLOCKING \[/);
    expect(response.message).toContain('[rest-method-authorization]');
    const annotation = response.annotations?.find((a) => a.annotationName === 'rest-method-authorization');
    expect(annotation).toMatchObject({ status: 'FAILED', severityLevel: 'HIGH' });
    expect(annotation?.remediationMessage?.length).toBeGreaterThan(10);
  });

  it('passes a compliant template on update: SUCCESS, no errorCode, says how many checks passed', async () => {
    const template = compliantTemplate();
    const response = await handler(
      stackRequest(server.serve(stackPayload(template, failingTemplate())), 'UPDATE_PRE_PROVISION'),
    );
    expect(response.errorCode).toBeUndefined();
    expect(response.hookStatus).toBe('SUCCESS');
    expect(response.message).toMatch(/compliant, \d+ check\(s\) passed/);
  });

  it('reads YAML templates with short-form tags as CloudFormation sends them', async () => {
    const yaml = [
      'Resources:',
      '  Api:',
      '    Type: AWS::ApiGateway::RestApi',
      '    Properties: { Name: orders }',
      '  Method:',
      '    Type: AWS::ApiGateway::Method',
      '    Properties:',
      '      RestApiId: !Ref Api',
      '      ResourceId: !GetAtt Api.RootResourceId',
      '      HttpMethod: GET',
      '      AuthorizationType: NONE',
      '      Integration: { Type: MOCK }',
    ].join('\n');
    const response = await handler(stackRequest(server.serve(stackPayload(yaml))));
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message).toContain('[rest-method-authorization]');
  });

  it('answers SUCCESS for a stack deletion without reading the payload (nothing will be deployed)', async () => {
    const before = server.requests.length;
    const response = await handler(stackRequest(server.serve(stackPayload('')), 'DELETE_PRE_PROVISION'));
    expect(response.hookStatus).toBe('SUCCESS');
    expect(response.message).toMatch(/nothing to evaluate, the stack is being deleted/);
    expect(server.requests.length).toBe(before);
  });

  it('fails as InternalFailure, never a silent success, when the presigned URL answers 403 (expired)', async () => {
    const response = await handler(stackRequest(server.serve('<Error>AccessDenied</Error>', 403)));
    expect(response.hookStatus).toBe('FAILED');
    expect(response.errorCode).toBe('InternalFailure');
    expect(response.message).toContain('could not be evaluated');
    expect(response.message).toContain('E_HOOK_PAYLOAD_FETCH');
    expect(response.message).toContain('HTTP 403');
  });

  it('fails as InternalFailure when the payload URL does not answer within the timeout', async () => {
    const started = Date.now();
    const impatient = createHookHandler({ standard, payloadTimeoutMs: 300 });
    const response = await impatient(stackRequest(server.hangingUrl));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'InternalFailure' });
    expect(response.message).toContain('longer than 300 ms');
  });

  it('fails as InternalFailure when the template in the payload is not CloudFormation', async () => {
    const response = await handler(stackRequest(server.serve(stackPayload('{"Resources": [1, 2'))));
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'InternalFailure' });
    expect(response.message).toMatch(/E_TEMPLATE_PARSE|E_NOT_CLOUDFORMATION/);
  });

  it('fails when the payload JSON has no template for a create (the request is not what the contract says)', async () => {
    const response = await handler(stackRequest(server.serve(JSON.stringify({ previousTemplate: null }))));
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'InternalFailure' });
    expect(response.message).toContain('E_HOOK_PAYLOAD_MISSING');
  });

  it('warns but lets the operation proceed on an unreadable template when the standard counts unknown as warning', async () => {
    const lenient = resolveStandard({ ...standard.standard, unknownAs: 'warning' });
    const response = await createHookHandler({ standard: lenient })(stackRequest(server.serve('nope', 500)));
    expect(response.hookStatus).toBe('SUCCESS');
    expect(response.message).toContain('could not be evaluated (not blocking under this standard)');
    expect(response.annotations?.[0]).toMatchObject({ annotationName: 'not-evaluable', status: 'FAILED' });
  });
});

describe('change-set operations', () => {
  it('fails a change set whose new template has an open REST method', async () => {
    const payload = JSON.stringify({
      template: JSON.stringify(failingTemplate()),
      changedResources: [
        { action: 'CREATE', logicalResourceId: 'Method', resourceType: 'AWS::ApiGateway::Method', lineNumber: 4 },
      ],
    });
    const response = await handler(changeSetRequest(server.serve(payload)));
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'NonCompliant' });
    expect(response.clientRequestToken).toBe('c0ffee11-b23f-48f4-814c-0fb6a667f50e');
    expect(response.message).toContain('[rest-method-authorization]');
  });

  it('passes a change set whose new template is compliant', async () => {
    const payload = JSON.stringify({ template: JSON.stringify(compliantTemplate()), changedResources: [] });
    const response = await handler(changeSetRequest(server.serve(payload)));
    expect(response.hookStatus).toBe('SUCCESS');
  });
});

describe('resource operations', () => {
  const method = {
    RestApiId: 'a1b2c3',
    ResourceId: 'r00t',
    HttpMethod: 'POST',
    AuthorizationType: 'NONE',
    Integration: { Type: 'MOCK' },
  };

  it('fails creating a REST method without authorization', async () => {
    const response = await handler(resourceRequest('AWS::ApiGateway::Method', 'Method', method));
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message).toContain('[rest-method-authorization]');
  });

  it('fails updating a method to NONE (the proposed properties are evaluated, not the previous ones)', async () => {
    const previous = { ...method, AuthorizationType: 'AWS_IAM' };
    const response = await handler(
      resourceRequest('AWS::ApiGateway::Method', 'Method', method, 'UPDATE_PRE_PROVISION', previous),
    );
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message).toContain('[rest-method-authorization]');
  });

  it('fails a lone IAM method as unknown, never a pass: its API is not in the request, so its links cannot be read', async () => {
    const response = await handler(
      resourceRequest('AWS::ApiGateway::Method', 'Method', { ...method, AuthorizationType: 'AWS_IAM' }),
    );
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message).not.toContain('has authorization type NONE');
    expect(response.message).toContain('Cannot decide');
  });

  it('answers SUCCESS for a deletion and for resource types no rule is about', async () => {
    const deleting = await handler(resourceRequest('AWS::ApiGateway::Method', 'Method', null, 'DELETE_PRE_PROVISION'));
    expect(deleting.hookStatus).toBe('SUCCESS');
    expect(deleting.message).toContain('AWS::ApiGateway::Method is being deleted');
    const bucket = await handler(resourceRequest('AWS::S3::Bucket', 'Bucket', {}));
    expect(bucket.hookStatus).toBe('SUCCESS');
    expect(bucket.message).toContain('no rule of the standard is about AWS::S3::Bucket');
  });

  it('keeps a Cloud Control API message (no stack) within 1024 characters', async () => {
    const request = { ...resourceRequest('AWS::ApiGateway::Method', 'Method', method), stackId: '' };
    const response = await handler(request);
    expect(response.message.length).toBeLessThanOrEqual(1024);
  });
});

describe('the message limit', () => {
  it('fails a template with hundreds of findings with a message of at most 4096 characters, blocking lines first', async () => {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      Object.assign(resources, {
        [`Api${i}`]: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: `api-${i}` } },
        [`Method${i}`]: {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            RestApiId: { Ref: `Api${i}` },
            ResourceId: { 'Fn::GetAtt': [`Api${i}`, 'RootResourceId'] },
            HttpMethod: 'GET',
            AuthorizationType: 'NONE',
            Integration: { Type: 'MOCK' },
          },
        },
      });
    }
    const response = await handler(stackRequest(server.serve(stackPayload({ Resources: resources }))));
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(response.message).toMatch(/… and \d+ more finding\(s\)/);
    expect(response.message.split('\n')[1]).toMatch(/^BLOCKING/);
    expect(response.annotations?.length).toBeLessThanOrEqual(50);
  });
});
