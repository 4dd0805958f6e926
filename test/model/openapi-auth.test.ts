import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

function restBody(operation: string, extra = ''): string {
  return `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        info: { title: body-api }
        paths:
          /orders:
            get:
${operation
  .split('\n')
  .map((line) => `              ${line}`)
  .join('\n')}
              x-amazon-apigateway-integration: { type: mock }
${extra}`;
}

function onlyAuth(text: string): { type: unknown; authorizer?: unknown } {
  const [operation] = apiById(buildYaml(text), 'Api').operations;
  return operation.auth;
}

describe('OpenAPI operation auth', () => {
  it('reads x-amazon-apigateway-auth: {type: AWS_IAM} as IAM authorization', () => {
    expect(onlyAuth(restBody('x-amazon-apigateway-auth: { type: AWS_IAM }')).type).toBe('AWS_IAM');
    expect(onlyAuth(restBody('x-amazon-apigateway-auth: { type: aws_iam }')).type).toBe('AWS_IAM');
  });

  it('fails an operation with x-amazon-apigateway-auth NONE or no security as unauthenticated (NONE)', () => {
    expect(onlyAuth(restBody('x-amazon-apigateway-auth: { type: NONE }')).type).toBe('NONE');
    expect(onlyAuth(restBody('summary: open')).type).toBe('NONE');
  });

  it('fails to know an x-amazon-apigateway-auth type that is unresolved or not one API Gateway has', () => {
    const unknown = onlyAuth(restBody("x-amazon-apigateway-auth: { type: '{{resolve:ssm:/auth}}' }")).type;
    expect(isUnresolved(unknown)).toBe(true);
    const other = onlyAuth(restBody('x-amazon-apigateway-auth: { type: MAGIC }')).type;
    expect(isUnresolved(other) && other.because).toBe('x-amazon-apigateway-auth type MAGIC is not AWS_IAM or NONE');
  });

  it("reads SAM's NONE security marker as no authorizer, not an undefined scheme", () => {
    const auth = onlyAuth(restBody('security: [{ NONE: [] }]'));
    expect(auth.type).toBe('NONE');
    expect(auth.authorizer).toBeUndefined();
  });

  it('fails to know a security requirement naming a scheme that is not defined', () => {
    const auth = onlyAuth(restBody('security: [{ missing: [] }]'));
    expect(isUnresolved(auth.type) && auth.type.because).toBe('security scheme missing is not defined');
  });
});

describe('OpenAPI authorizer identity sources', () => {
  const httpApi = (identitySource: string): string => `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Body:
        openapi: 3.0.1
        info: { title: http-body }
        paths:
          /orders:
            get:
              security: [{ lambda: [] }]
              x-amazon-apigateway-integration: { type: aws_proxy, payloadFormatVersion: '2.0', uri: arn:aws:lambda:x }
        components:
          securitySchemes:
            lambda:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authorizer:
                type: request
                identitySource: ${identitySource}
                authorizerPayloadFormatVersion: '2.0'
`;

  it("reads an HTTP API authorizer's identitySource list", () => {
    const [authorizer] = apiById(
      buildYaml(httpApi("['$request.header.Authorization', '$request.querystring.t']")),
      'Api',
    ).authorizers;
    expect(authorizer.identitySource).toEqual(['$request.header.Authorization', '$request.querystring.t']);
  });

  it('reads a comma-separated identitySource string, and fails to know a list with an unresolved entry', () => {
    const [fromString] = apiById(
      buildYaml(httpApi("'$request.header.Authorization, $context.sourceIp'")),
      'Api',
    ).authorizers;
    expect(fromString.identitySource).toEqual(['$request.header.Authorization', '$context.sourceIp']);
    const [unknown] = apiById(buildYaml(httpApi("['{{resolve:ssm:/identity}}']")), 'Api').authorizers;
    expect(isUnresolved(unknown.identitySource)).toBe(true);
  });
});
