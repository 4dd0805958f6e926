/**
 * The large-report workload (large-report.ts): a CloudFormation template with `apis` REST APIs written
 * straight to a file, one API at a time (a CDK synth of 30,000 APIs would take longer than the check).
 * Each API has a resource with seven methods (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS) without
 * authorization, a deployment and a stage with no logging: most rules fail, as on an unreviewed account.
 */
import * as fs from 'fs';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** The resources of API number `i`, by logical id. */
export function apiResources(i: number): Record<string, unknown> {
  const api = `Api${i}`;
  const resources: Record<string, unknown> = {
    [api]: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: `api-${i}` } },
    [`${api}Items`]: {
      Type: 'AWS::ApiGateway::Resource',
      Properties: { RestApiId: { Ref: api }, ParentId: { 'Fn::GetAtt': [api, 'RootResourceId'] }, PathPart: 'items' },
    },
  };
  for (const method of METHODS) {
    resources[`${api}Items${method}`] = {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: api },
        ResourceId: { Ref: `${api}Items` },
        HttpMethod: method,
        AuthorizationType: 'NONE',
        Integration: { Type: 'MOCK' },
      },
    };
  }
  resources[`${api}Deployment`] = {
    Type: 'AWS::ApiGateway::Deployment',
    DependsOn: METHODS.map((m) => `${api}Items${m}`),
    Properties: { RestApiId: { Ref: api } },
  };
  resources[`${api}Stage`] = {
    Type: 'AWS::ApiGateway::Stage',
    Properties: { RestApiId: { Ref: api }, DeploymentId: { Ref: `${api}Deployment` }, StageName: 'prod' },
  };
  return resources;
}

/** Write the template with `apis` APIs to `file`, one API per write; returns its size in bytes. */
export function writeLargeTemplate(file: string, apis: number): number {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{');
    for (let i = 0; i < apis; i++) {
      const body = JSON.stringify(apiResources(i));
      fs.writeSync(fd, (i > 0 ? ',' : '') + body.slice(1, -1));
    }
    fs.writeSync(fd, '}}\n');
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}
