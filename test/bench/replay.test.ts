import { readReplay, replayViolations } from '../../bench/replay';

/** The shape of CDK's validation-report.json, as aws-cdk-lib 2.276 writes it. */
const report = {
  version: '1',
  title: 'Validation Report',
  pluginReports: [
    { pluginName: 'Other', violations: [{ ruleName: 'x', description: 'x', violatingConstructs: [] }] },
    {
      pluginName: 'ApiGuardrails',
      violations: [
        {
          ruleName: 'stage-waf',
          description: 'Stages have a web ACL: none',
          suggestedFix: 'associate one',
          severity: 'error',
          ruleMetadata: { tier: 'internal' },
          violatingConstructs: [
            {
              constructPath: 'Bench/Api0/Stage',
              cloudFormationResource: {
                templatePath: '/old/cdk.out/Bench.template.json',
                logicalId: 'Api0Stage',
                propertyPaths: ['Properties.MethodSettings'],
              },
            },
            // No property path, and a resource CDK could not place: the first replays without locations, the second not at all.
            { cloudFormationResource: { templatePath: 'Bench.template.json', logicalId: 'Api1Stage' } },
            { constructPath: 'Bench/Unknown' },
          ],
        },
      ],
    },
  ],
};

describe('replay floor (bench/replay.ts)', () => {
  it("reads the plugin's violations and points them at this synth's templates by file name", () => {
    const replay = readReplay(report, 'ApiGuardrails', 'r.json');
    const [violation] = replayViolations(replay, ['/new/cdk.out/Bench.template.json']);
    expect(violation).toEqual({
      ruleName: 'stage-waf',
      description: 'Stages have a web ACL: none',
      fix: 'associate one',
      severity: 'error',
      ruleMetadata: { tier: 'internal' },
      violatingResources: [
        {
          resourceLogicalId: 'Api0Stage',
          templatePath: '/new/cdk.out/Bench.template.json',
          locations: ['Properties.MethodSettings'],
        },
        { resourceLogicalId: 'Api1Stage', templatePath: '/new/cdk.out/Bench.template.json', locations: [] },
      ],
    });
  });

  it('drops resources of templates this synth does not have (CDK would refuse an unknown template path)', () => {
    const replay = readReplay(report, 'ApiGuardrails', 'r.json');
    expect(replayViolations(replay, ['/new/cdk.out/Other.template.json'])[0].violatingResources).toEqual([]);
  });

  it('replays nothing when the plugin is not in the report: CDK leaves out plugins that reported nothing', () => {
    expect(readReplay(report, 'Missing', 'r.json')).toEqual([]);
    expect(readReplay({ pluginReports: [] }, 'ApiGuardrails', 'r.json')).toEqual([]);
  });

  it('fails with E_BENCH_REPLAY, naming the file, when it is not a validation report', () => {
    expect(() => readReplay({}, 'ApiGuardrails', 'r.json')).toThrow(
      /E_BENCH_REPLAY: r\.json has no pluginReports list/,
    );
    expect(() => readReplay(null, 'ApiGuardrails', 'r.json')).toThrow(/E_BENCH_REPLAY/);
  });
});
