/** Containers nested this deep or deeper are written with one JSON.stringify each (a finding, a result). */
const STREAM_DEPTH = 4;
/** Chunks are joined up to about this many characters before they are handed out. */
const CHUNK_SIZE = 1 << 20;

/**
 * A list whose elements are made one at a time as it is written, so a report of 30,000 APIs never
 * holds every JSON finding or SARIF result at once.
 */
export class LazyList<T> implements Iterable<T> {
  constructor(private readonly make: () => Iterable<T>) {}

  [Symbol.iterator](): Iterator<T> {
    return this.make()[Symbol.iterator]();
  }

  /** `items.map(f)`, made as it is read. */
  static map<A, B>(items: Iterable<A>, f: (item: A) => B): LazyList<B> {
    return new LazyList(function* () {
      for (const item of items) yield f(item);
    });
  }
}

/**
 * `JSON.stringify(value, null, 2)`, byte for byte, as chunks of about a megabyte: the whole text of a
 * large report is longer than the longest string V8 can make. A LazyList is written as an array.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  let buffer = '';
  for (const piece of pieces(value, '', 0)) {
    buffer += piece;
    if (buffer.length >= CHUNK_SIZE) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  const list = value instanceof LazyList ? value : Array.isArray(value) ? (value as unknown[]) : undefined;
  const object = list === undefined && typeof value === 'object' && value !== null ? value : undefined;
  if ((list === undefined && object === undefined) || (depth >= STREAM_DEPTH && !(value instanceof LazyList))) {
    yield reindent(JSON.stringify(value ?? null, null, 2), indent);
    return;
  }
  const inner = `${indent}  `;
  let first = true;
  if (list !== undefined) {
    for (const item of list) {
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      yield* pieces(item === undefined || typeof item === 'function' ? null : item, inner, depth + 1);
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  for (const [key, field] of Object.entries(object as Record<string, unknown>)) {
    if (field === undefined || typeof field === 'function') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(field, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** JSON text of a nested value, its lines indented to where it sits (strings never hold a raw newline). */
function reindent(text: string, indent: string): string {
  return indent === '' ? text : text.split('\n').join(`\n${indent}`);
}
