import * as fs from 'fs';
import type { Command } from 'commander';

/** Anything with a write method: process.stdout, or a buffer in tests. */
export interface OutputStream {
  /** Writes a chunk; a stream reports a failed write (ENOSPC, EPIPE) to `callback` and as an 'error' event. */
  write(chunk: string, callback?: (error?: Error | null) => void): unknown;
  /** Listens for write errors (Node streams). */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** The terminal's width, when the stream is one. */
  readonly columns?: number;
}

/** Everything the CLI touches outside its arguments, so it runs in process in tests. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Directory relative paths are resolved against (and reports show paths relative to). */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when the output is an interactive terminal: colours and progress only then. */
  readonly isTTY: boolean;
}

/** Sets the process exit code a command ends with (0 ok, 1 blocking findings, 2 usage/input error). */
export type SetExit = (code: number) => void;

/** A command module: `export function register(program, io, setExit)` adds one sub-command. */
export type RegisterCommand = (program: Command, io: CliIo, setExit: SetExit) => void;

/** Colours only on a TTY and never when NO_COLOR is set to a non-empty value (https://no-color.org). */
export function useColor(io: CliIo): boolean {
  return io.isTTY && !io.env.NO_COLOR;
}

/**
 * True when the process started with stdout closed (`api-guardrails check t.yaml >&-`). Node reopens a
 * closed fd 1 on /dev/null read-write, where a shell's `> /dev/null` opens it write-only, so a report
 * would vanish without a word. Read from /proc (Linux); false wherever that cannot be read.
 */
export function stdoutWasClosed(): boolean {
  try {
    if (fs.readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(fs.readFileSync('/proc/self/fdinfo/1', 'utf8'));
    // O_ACCMODE bits: 2 is O_RDWR.
    return flags !== null && (parseInt(flags[1], 8) & 3) === 2;
  } catch {
    return false;
  }
}

/** The stdout of a process that started with it closed: the first non-empty write fails with EBADF. */
export function closedStdout(): OutputStream {
  const closed = Object.assign(new Error('standard output is closed'), { code: 'EBADF' });
  const listeners: ((error: Error) => void)[] = [];
  let failed = false;
  return {
    write(chunk, callback) {
      if (chunk.length > 0 && !failed) {
        failed = true;
        for (const listener of listeners) listener(closed);
      }
      callback?.(failed ? closed : null);
      return !failed;
    },
    on(_event, listener) {
      listeners.push(listener);
    },
  };
}
