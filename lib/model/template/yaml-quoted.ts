import { yaml } from '../../lazy-modules';

/** Tokens of the `yaml` lexer that mark structure and stand for no source text. */
const ZERO_WIDTH = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * The source offset where the closing quote of the quoted scalar opened at `open` is, or -1. Double-quoted
 * scalars escape with a backslash; single-quoted ones double the quote.
 */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The offset of the quoted-scalar token that the lexer ended (unterminated) at `end`, or -1. */
function unterminatedQuoteEndingAt(text: string, end: number): number {
  let offset = 0;
  for (const token of new (yaml().Lexer)().lex(text)) {
    if (ZERO_WIDTH.has(token)) continue;
    if (offset + token.length === end && (token[0] === '"' || token[0] === "'")) return offset;
    offset += token.length;
    if (offset > end) return -1;
  }
  return -1;
}

/**
 * `text` with the continuation lines of one multi-line quoted scalar indented past its opening quote,
 * when the `yaml` parser stopped at it with "Missing closing quote" (error offset `end`) although the
 * quote is closed further on. YAML 1.2 wants those lines indented more than the key; PyYAML and
 * CloudFormation also accept them at the key's indentation or less. Leading white space of a quoted
 * scalar's continuation lines is folded away, so the value is the same. Undefined when that is not the
 * error's cause.
 */
export function indentQuotedContinuation(text: string, end: number): string | undefined {
  const open = unterminatedQuoteEndingAt(text, end);
  if (open < 0) return undefined;
  const close = closingQuote(text, open);
  if (close < 0) return undefined;
  const column = open - (text.lastIndexOf('\n', open) + 1);
  const pad = ' '.repeat(column + 1);
  const inner = text
    .slice(open, close)
    .split('\n')
    .map((line, i) => (i === 0 || line.trim() === '' ? line : pad + line))
    .join('\n');
  return text.slice(0, open) + inner + text.slice(close);
}
