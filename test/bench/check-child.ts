/**
 * `api-guardrails check` on a cdk.out, in a fresh process. The CLI first checks a one-resource template
 * (loading every module and compiling the standard's schemas), then the cdk.out is timed: throughput
 * "once Node has started". Prints one JSON line: warm-up ms, ms (wall and CPU), resources read, peak RSS.
 * Usage: check-child.ts <cdk.out dir>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type CliIo } from '../../lib/cli/main';

const [dir] = process.argv.slice(2);
const resources = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.template.json'))
  .reduce((sum, f) => sum + Object.keys((JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { Resources?: object }).Resources ?? {}).length, 0);
const sink = { write: (): boolean => true };
const io: CliIo = { stdout: sink, stderr: sink, cwd: process.cwd(), env: {}, isTTY: false };
const warmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-warm-'));
const warmTemplate = path.join(warmDir, 'warm.template.json');
fs.writeFileSync(warmTemplate, JSON.stringify({ Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'warm' } } } }));

async function run(): Promise<void> {
  const t0 = process.hrtime.bigint();
  await main(['check', warmTemplate, '--format', 'json', '--fail-on', 'never'], io);
  const warmupMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  const code = await main(['check', dir, '--format', 'json', '--fail-on', 'never'], io);
  const ms = Number(process.hrtime.bigint() - t1) / 1e6;
  const c = process.cpuUsage(c1);
  const cpuMs = (c.user + c.system) / 1000;
  fs.rmSync(warmDir, { recursive: true, force: true });
  console.log(JSON.stringify({ warmupMs, ms, cpuMs, resources, code, maxRssKb: process.resourceUsage().maxRSS }));
}
void run();
