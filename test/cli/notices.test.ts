import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { ApplyApiStandard } from '../../aspects';
import { run, TempDir } from './helpers';

describe('notices on stderr', () => {
  it('groups info notices (one REMEDIATED per aspect change) instead of flooding the CI log', async () => {
    const dir = new TempDir();
    try {
      const app = new App({ outdir: join(dir.path, 'cdk.out') });
      const stack = new Stack(app, 'Shop');
      new apigw.RestApi(stack, 'Orders', { cloudWatchRole: false }).root.addMethod('GET', new apigw.MockIntegration());
      ApplyApiStandard.to(stack, { tags: { owner: 'platform', dataClassification: 'internal' } });
      app.synth();
      const result = await run(['check', 'cdk.out', '--format', 'json'], { cwd: dir.path });
      const remediated = (JSON.parse(result.stdout) as { notices: { code: string }[] }).notices.filter(
        (n) => n.code === 'REMEDIATED',
      );
      expect(remediated.length).toBeGreaterThan(4);
      const lines = result.stderr.split('\n').filter((l) => l.includes('REMEDIATED'));
      expect(lines).toHaveLength(4);
      expect(lines[3]).toBe(
        `api-guardrails: notice REMEDIATED (info): … and ${remediated.length - 3} more (all ${remediated.length} are in the report)`,
      );
    } finally {
      dir.cleanup();
    }
  });
});
