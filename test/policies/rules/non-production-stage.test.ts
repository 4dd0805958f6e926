import rule from '../../../policies/rules/non-production-stage';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { cdkTieredRestApi, tier } from '../../helpers/fixtures-r19-traffic';
import { testRule } from '../../helpers/rule-tester';

const confidential = { Tags: tier('confidential') };
const allowInPublic = { public: { rules: { 'non-production-stage': { options: { allowNonProduction: true } } } } };

testRule(rule, {
  valid: [
    {
      name: 'a confidential API with a prod stage',
      template: { ...restApi(confidential), ...restStage({ StageName: 'prod' }) },
      cdk: (stack) => cdkTieredRestApi(stack, 'confidential'),
    },
    {
      name: 'a confidential API with production-like names (production, live, v2)',
      template: {
        ...restApi(confidential),
        ...restStage({ StageName: 'production' }, 'Stage1'),
        ...restStage({ StageName: 'live' }, 'Stage2'),
        ...restStage({ StageName: 'v2' }, 'Stage3'),
      },
    },
    {
      name: 'the Stage stage SAM creates for implicit APIs is not taken for a non-production stage',
      template: { ...restApi(confidential), ...restStage({ StageName: 'Stage' }) },
    },
    {
      name: 'a word inside another word does not match (latest, contest)',
      template: {
        ...restApi(confidential),
        ...restStage({ StageName: 'latest' }, 'A'),
        ...restStage({ StageName: 'contest' }, 'B'),
      },
    },
    {
      name: 'a tier that allows non-production stages skips the check (public in the shipped standard)',
      template: { ...restApi({ Tags: tier('public') }), ...restStage({ StageName: 'dev' }) },
      cdk: (stack) => cdkTieredRestApi(stack, 'public', { deployOptions: { stageName: 'dev' } }),
      tiers: allowInPublic,
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a dev stage of an untagged API (evaluated as restricted)',
      template: { ...restApi(), ...restStage({ StageName: 'dev' }) },
      cdk: (stack) => cdkTieredRestApi(stack, undefined, { deployOptions: { stageName: 'dev' } }),
      message: /Stage dev is named like a non-production environment \("dev"\) in an API of tier restricted/,
    },
    {
      name: 'fails a beta-eu stage of a confidential HTTP API',
      template: {
        ...httpApi({ Tags: { 'data-classification': 'confidential' } }),
        ...v2Stage({ StageName: 'beta-eu' }),
      },
      message: /"beta"/,
    },
    {
      name: 'fails camelCase and digit-separated names (featureTest, qa2)',
      template: {
        ...restApi(confidential),
        ...restStage({ StageName: 'featureTest' }, 'A'),
        ...restStage({ StageName: 'qa2' }, 'B'),
      },
      count: 2,
    },
    {
      name: 'fails a name from the standard’s own list',
      template: { ...restApi(confidential), ...restStage({ StageName: 'perf' }) },
      options: { nonProductionNames: ['perf'] },
      message: /"perf"/,
    },
    {
      name: 'fails a dev stage in a public API when the tier does not allow it (rule default)',
      template: { ...restApi({ Tags: tier('public') }), ...restStage({ StageName: 'dev' }) },
    },
    {
      name: 'fails as unknown when the stage name is a parameter without default',
      template: {
        Parameters: { Env: { Type: 'String' } },
        Resources: { ...restApi(confidential), ...restStage({ StageName: { Ref: 'Env' } }) },
      },
      expect: 'unknown',
      message: /stage name/,
    },
  ],
});
