import { evaluate } from '../../lib/engine/evaluate';
import { countFindings } from '../../lib/engine/finding';
import { fromTemplates } from '../../lib/model/template';
import { parseTemplate } from '../../lib/model/template/parse';
import { resolveStandard } from '../../lib/standard';

/** A stage and a deployment of a REST API deployed elsewhere, named by its literal id. */
const template = (stage: string) =>
  parseTemplate(
    `
Resources:
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: abc123 }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: abc123, StageName: ${stage}, DeploymentId: !Ref Deployment }
`,
    `${stage}.yaml`,
  );

describe('APIs that a template references by literal id but does not declare', () => {
  const inputs = [
    { template: template('prod'), templatePath: 'a/prod.yaml' },
    { template: template('test'), templatePath: 'b/test.yaml' },
  ];

  it('get one stand-in per template, so unrelated inputs checked together do not share one', () => {
    const apis = fromTemplates(inputs).apis;
    expect(apis.map((a) => [a.id, a.external, a.stages.map((s) => s.name)])).toEqual([
      ['a/prod.yaml/external:abc123', true, ['prod']],
      ['b/test.yaml/external:abc123', true, ['test']],
    ]);
  });

  it('give the same verdicts checked together as checked one by one', () => {
    const standard = resolveStandard();
    const counts = (list: typeof inputs) => countFindings(evaluate(fromTemplates(list), { standard }).findings);
    const [a, b] = [counts([inputs[0]]), counts([inputs[1]])];
    const together = counts(inputs);
    expect(together.fail).toBe(a.fail + b.fail);
    expect(together.unknown).toBe(a.unknown + b.unknown);
    expect(together.unknown).toBeGreaterThan(0);
  });

  it('say that a child names no API when its RestApiId is missing', () => {
    const [api] = fromTemplates([
      { template: { Resources: { S: { Type: 'AWS::ApiGateway::Stage', Properties: { StageName: 'p' } } } } },
    ]).apis;
    expect(api.id).toBe('external:no API id');
    expect(api.operationsUnresolved).toBe('S names no API');
  });
});
