/** `npm run fuzz [-- --mutants N --seed S]`: the full fuzz run; exits 1 when any mutant breaks a guarantee. */
import { fuzz } from './harness';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

async function run(): Promise<void> {
  const result = await fuzz({ mutants: option('mutants', 5000), seed: option('seed', 14) });
  process.stdout.write(
    `${result.mutants} mutants of ${result.templates} corpus templates in ${(result.milliseconds / 1000).toFixed(1)} s\n` +
      `by kind: ${JSON.stringify(result.byKind)}\nexit codes: ${JSON.stringify(result.exits)}\n` +
      `violations: ${result.violations.length}\n${result.violations.slice(0, 50).join('\n')}\n`,
  );
  process.exitCode = result.violations.length > 0 ? 1 : 0;
}

void run();
