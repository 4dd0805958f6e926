/** Width of a text report when the output is not a terminal (a CI log, a file, a pipe). */
export const DEFAULT_TEXT_WIDTH = 100;
/** Narrower terminals still get this many columns: below it wrapping helps nobody. */
const MIN_TEXT_WIDTH = 40;

/** The width to wrap at: the terminal's columns when known, else DEFAULT_TEXT_WIDTH. */
export function textWidth(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return DEFAULT_TEXT_WIDTH;
  return Math.max(MIN_TEXT_WIDTH, Math.floor(columns));
}

/**
 * `text` (one line, no colour codes) broken at spaces into lines of at most `width` characters, the first
 * starting with `indent` spaces and the others with `hang`. A word longer than a line (a long path) is
 * kept whole on its own line rather than cut.
 */
export function wrap(text: string, width: number, indent: number, hang: number = indent): string[] {
  const lines: string[] = [];
  let line = ' '.repeat(indent);
  let empty = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(hang);
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
