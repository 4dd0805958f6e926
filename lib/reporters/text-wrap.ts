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

/**
 * Phrases joined with `separator` (" · " by default) and broken only between phrases ("standard … · 1 input
 * · fail on error"), so no phrase is split across lines unless it alone is longer than a line (then `wrap`
 * breaks it at spaces). A broken line ends with the separator, without its trailing space.
 */
export function wrapPhrases(
  phrases: readonly string[],
  width: number,
  indent: number,
  hang = indent + 2,
  separator = ' · ',
): string[] {
  const lines: string[] = [];
  const end = separator.trimEnd();
  let line = '';
  phrases.forEach((phrase, index) => {
    const joined =
      line === '' ? `${' '.repeat(lines.length ? hang : indent)}${phrase}` : `${line}${separator}${phrase}`;
    // Room for the separator that ends the line when more phrases follow.
    const reserve = index < phrases.length - 1 ? end.length : 0;
    if (joined.length + reserve <= width || line === '') {
      line = joined;
      return;
    }
    lines.push(`${line}${end}`);
    line = `${' '.repeat(hang)}${phrase}`;
  });
  if (line !== '') lines.push(line);
  return lines.flatMap((l) =>
    l.length <= width ? [l] : wrap(l.trimStart(), width, l.length - l.trimStart().length, hang),
  );
}
