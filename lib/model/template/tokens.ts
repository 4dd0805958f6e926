import { unresolved, type Unresolved } from '../value';

/**
 * Symbolic pieces of a resolved string. Intrinsics resolve to plain strings in which every reference the
 * builder cannot turn into a literal is a token: `\u0001<n>\u0002`. Fn::Sub and Fn::Join then simply
 * concatenate, and an ARN built any way (Sub, Join, literal) can be matched structurally with a regex.
 */
export type Token =
  | { readonly kind: 'ref'; readonly key: string }
  | { readonly kind: 'att'; readonly key: string; readonly attr: string }
  | { readonly kind: 'pseudo'; readonly name: string }
  | { readonly kind: 'unresolved'; readonly because: string; readonly reference?: string };

const OPEN = String.fromCharCode(1);
const CLOSE = String.fromCharCode(2);
const TOKEN = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

export class TokenTable {
  private readonly tokens: Token[] = [];
  private readonly ids: Record<Token['kind'], Map<string, string>> = {
    ref: new Map(),
    att: new Map(),
    pseudo: new Map(),
    unresolved: new Map(),
  };

  /** Tokens are interned: the same reference always yields the same string (so equal values compare equal). */
  make(token: Token): string {
    const id =
      token.kind === 'ref'
        ? token.key
        : token.kind === 'att'
          ? `${token.key}\u0000${token.attr}`
          : token.kind === 'pseudo'
            ? token.name
            : token.because;
    const interned = this.ids[token.kind];
    let text = interned.get(id);
    if (text === undefined) {
      this.tokens.push(token);
      text = `${OPEN}${this.tokens.length - 1}${CLOSE}`;
      interned.set(id, text);
    }
    return text;
  }

  /** A string for an Unresolved value, so it can travel inside Fn::Join / Fn::Sub results. */
  fromUnresolved(value: Unresolved): string {
    return this.make({ kind: 'unresolved', because: value.because, reference: value.reference });
  }

  hasTokens(text: string): boolean {
    return text.includes('\u0001');
  }

  /** The token when `text` is exactly one token. */
  whole(text: unknown): Token | undefined {
    if (
      typeof text !== 'string' ||
      text.length < 3 ||
      text.charCodeAt(0) !== 1 ||
      text.charCodeAt(text.length - 1) !== 2
    )
      return undefined;
    const index = text.slice(1, -1);
    return /^\d+$/.test(index) ? this.tokens[Number(index)] : undefined;
  }

  /** Logical-id key when `text` is exactly a Ref to a resource. */
  refKey(text: unknown): string | undefined {
    const token = this.whole(text);
    return token?.kind === 'ref' ? token.key : undefined;
  }

  /** Key and attribute when `text` is exactly a Fn::GetAtt. */
  attOf(text: unknown): { key: string; attr: string } | undefined {
    const token = this.whole(text);
    return token?.kind === 'att' ? { key: token.key, attr: token.attr } : undefined;
  }

  /** Key of the resource a string refers to, as a Ref or a Fn::GetAtt (any attribute). */
  resourceKey(text: unknown): string | undefined {
    const token = this.whole(text);
    return token?.kind === 'ref' || token?.kind === 'att' ? token.key : undefined;
  }

  /** The first unresolved piece inside a string, if any. */
  firstUnresolved(text: string): Unresolved | undefined {
    if (!this.hasTokens(text)) return undefined;
    for (const match of text.matchAll(TOKEN)) {
      const token = this.tokens[Number(match[1])];
      if (token.kind === 'unresolved') return unresolved(token.because, token.reference);
    }
    return undefined;
  }

  /** Human form: `${Logical}`, `${Logical.Attr}`, `${AWS::Region}`, `${unresolved: why}`. */
  display(text: string, label: (key: string) => string): string {
    if (!this.hasTokens(text)) return text;
    return text.replace(TOKEN, (_m, index: string) => {
      const token = this.tokens[Number(index)];
      switch (token.kind) {
        case 'ref':
          return `\${${label(token.key)}}`;
        case 'att':
          return `\${${label(token.key)}.${token.attr}}`;
        case 'pseudo':
          return `\${${token.name}}`;
        default:
          return `\${unresolved: ${token.because}}`;
      }
    });
  }
}
