import { fromAwsSnapshot } from '../../lib/model/aws/inventory';
import { failed, fetched, type AwsSnapshot, type V2ApiSnapshot } from '../../lib/model/aws/snapshot';
import { isUnresolved } from '../../lib/model/value';

/** The pure mapping, without SDK or server: snapshots written by hand. */
function snapshot(parts: Partial<AwsSnapshot>): AwsSnapshot {
  return {
    region: 'eu-west-1',
    restApis: fetched([]),
    v2Apis: fetched<V2ApiSnapshot[]>([]),
    usagePlans: fetched([]),
    restDomains: fetched([]),
    v2Domains: fetched([]),
    account: fetched({}),
    webAcls: {},
    logGroups: {},
    ...parts,
  };
}

const noLists: Pick<V2ApiSnapshot, 'routes' | 'authorizers' | 'integrations'> = {
  routes: fetched([]),
  authorizers: fetched([]),
  integrations: fetched([]),
};

describe('fromAwsSnapshot (pure mapping)', () => {
  it('maps WebSocket route settings without a verb', () => {
    const inventory = fromAwsSnapshot(
      snapshot({
        v2Apis: fetched<V2ApiSnapshot[]>([
          {
            api: {
              ApiId: 'w1',
              Name: 'ws',
              ProtocolType: 'WEBSOCKET',
              RouteSelectionExpression: '$request.body.action',
            },
            stages: fetched([{ StageName: 'live', RouteSettings: { $connect: { LoggingLevel: 'INFO' } } }]),
            ...noLists,
          },
        ]),
      }),
    );
    expect(inventory.apis[0].stages[0].overrides).toEqual([
      { path: '$connect', method: '', settings: { loggingLevel: 'INFO', throttle: {} } },
    ]);
  });

  it('leaves the log group out for a Firehose destination and unresolved for another region', () => {
    const inventory = fromAwsSnapshot(
      snapshot({
        v2Apis: fetched<V2ApiSnapshot[]>([
          {
            api: {
              ApiId: 'h1',
              Name: 'h',
              ProtocolType: 'HTTP',
              RouteSelectionExpression: '$request.method $request.path',
            },
            stages: fetched([
              {
                StageName: 'a',
                AccessLogSettings: {
                  DestinationArn: 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-logs',
                  Format: '$context.requestId',
                },
              },
              {
                StageName: 'b',
                AccessLogSettings: {
                  DestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:elsewhere',
                  Format: '$context.requestId',
                },
              },
            ]),
            ...noLists,
          },
        ]),
      }),
    );
    const [a, b] = inventory.apis[0].stages;
    expect(a.accessLog).toEqual({ destinationArn: expect.stringContaining('firehose'), format: '$context.requestId' });
    expect(b.accessLog?.logGroup).toEqual({
      unresolved: true,
      because: 'log group elsewhere is in another region than the audit',
    });
  });

  it('fails a web ACL that was not read (WAF Classic) as unresolved, naming why', () => {
    const classic = 'arn:aws:waf-regional:eu-west-1:123456789012:webacl/abc';
    const inventory = fromAwsSnapshot(
      snapshot({
        restApis: fetched([
          {
            api: { id: 'r1', name: 'r' },
            stages: fetched([{ stageName: 'prod', webAclArn: classic }]),
            resources: fetched([]),
            authorizers: fetched([]),
            validators: fetched([]),
            models: fetched([]),
            gatewayResponses: fetched([]),
          },
        ]),
        webAcls: {
          [classic]: { acl: failed('web ACL is AWS WAF Classic'), logging: failed('web ACL is AWS WAF Classic') },
        },
      }),
    );
    const waf = inventory.apis[0].stages[0].waf;
    expect(waf?.source.arn).toBe(classic);
    expect(waf?.webAcl).toEqual({ unresolved: true, because: 'web ACL is AWS WAF Classic' });
    expect(inventory.webAcls).toEqual([]);
  });

  it('fails authorizer lookups as unresolved when GetAuthorizers was denied, with one unreadable authorizer', () => {
    const inventory = fromAwsSnapshot(
      snapshot({
        restApis: fetched([
          {
            api: { id: 'r1', name: 'r' },
            stages: fetched([]),
            resources: fetched([
              {
                id: 'x',
                path: '/x',
                resourceMethods: { GET: { httpMethod: 'GET', authorizationType: 'CUSTOM', authorizerId: 'a1' } },
              },
            ]),
            authorizers: failed('GetAuthorizers denied: no'),
            validators: fetched([]),
            models: fetched([]),
            gatewayResponses: fetched([]),
          },
        ]),
      }),
    );
    const auth = inventory.apis[0].operations[0].auth.authorizer;
    expect(isUnresolved(auth) && auth.because).toBe('GetAuthorizers denied: no');
    // Named by the controls it leaves unknown (one unreadable authorizer), not by an extra notice.
    expect(inventory.notices).toEqual([]);
    expect(inventory.apis[0].authorizers).toEqual([
      expect.objectContaining({
        id: '(authorizers not readable)',
        type: { unresolved: true, because: 'GetAuthorizers denied: no' },
      }),
    ]);
  });

  it('fails the account role as unresolved when GetAccount failed, and leaves it out when none is set', () => {
    expect(fromAwsSnapshot(snapshot({ account: failed('GetAccount denied: no') })).account?.cloudWatchRoleArn).toEqual({
      unresolved: true,
      because: 'GetAccount denied: no',
    });
    expect(fromAwsSnapshot(snapshot({})).account?.cloudWatchRoleArn).toBeUndefined();
  });
});

describe('fromAwsSnapshot: the implicit $connect route of a WebSocket API', () => {
  const ws = (routes: V2ApiSnapshot['routes']): V2ApiSnapshot => ({
    api: { ApiId: 'w2', Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' },
    stages: fetched([]),
    ...noLists,
    routes,
  });

  it('fails open like AWS: a deployed WebSocket API without $connect gets an implicit $connect with authorization NONE', () => {
    const [api] = fromAwsSnapshot(
      snapshot({ v2Apis: fetched<V2ApiSnapshot[]>([ws(fetched([{ RouteId: 'r1', RouteKey: 'sendMessage' }]))]) }),
    ).apis;
    const connect = api.operations.find((op) => op.routeKey === '$connect');
    expect(connect).toEqual(
      expect.objectContaining({
        implicit: true,
        method: '',
        path: '$connect',
        auth: { type: 'NONE', scopes: [], apiKeyRequired: false },
      }),
    );
    expect(connect?.source).toEqual({ ...api.source, pointer: 'implicit $connect route (none declared)' });
  });

  it('adds nothing when $connect is deployed, or when the routes could not be read (operations are unresolved instead)', () => {
    const declared = fromAwsSnapshot(
      snapshot({
        v2Apis: fetched<V2ApiSnapshot[]>([
          ws(fetched([{ RouteId: 'r1', RouteKey: '$connect', AuthorizationType: 'AWS_IAM' }])),
        ]),
      }),
    ).apis[0];
    expect(declared.operations.map((op) => [op.routeKey, op.auth.type, op.implicit])).toEqual([
      ['$connect', 'AWS_IAM', undefined],
    ]);
    const denied = fromAwsSnapshot(
      snapshot({ v2Apis: fetched<V2ApiSnapshot[]>([ws(failed('GetRoutes: AccessDenied'))]) }),
    ).apis[0];
    expect(denied.operations).toEqual([]);
    expect(denied.operationsUnresolved).toBe('GetRoutes: AccessDenied');
  });
});
