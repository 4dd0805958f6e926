/** A one-line progress indicator on stderr, silent unless stderr is a TTY (never pollutes piped output). */
export interface Progress {
  /** Add `n` to the total of work items. */
  add(n: number): void;
  /** Mark `n` work items done. */
  done(n?: number): void;
  finish(): void;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(chunk: string): unknown;
}

export function createProgress(label: string, stream: ProgressStream = process.stderr): Progress {
  if (!stream.isTTY) return { add: () => undefined, done: () => undefined, finish: () => undefined };
  let total = 0;
  let completed = 0;
  let lastDraw = 0;
  const draw = (force = false): void => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    stream.write(`\r${label}: ${completed}/${total}`);
  };
  return {
    add: (n) => {
      total += n;
      draw();
    },
    done: (n = 1) => {
      completed += n;
      draw();
    },
    finish: () => {
      draw(true);
      stream.write('\n');
    },
  };
}
