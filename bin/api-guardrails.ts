#!/usr/bin/env node
import { closedStdout, stdoutWasClosed } from '../lib/cli/io';
import { main } from '../lib/cli/main';

void main(process.argv.slice(2), {
  stdout: stdoutWasClosed() ? closedStdout() : process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  // Colours go to stdout and progress to stderr: both must be a terminal.
  isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
}).then((code) => {
  // exitCode, not exit(): lets stdout drain when it is a pipe.
  process.exitCode = code;
});
