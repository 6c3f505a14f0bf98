// The body parser's state and its token-level helpers. The parser works inside one delimited
// group at a time: `limit` is the end of the current group's contents, so a broken statement
// can never run past its group, and an unclosed delimiter's group just ends at `limit`.
import { tokenText, type TokenStream } from '../lexer.js';
import type { Item, Name, Range, SyntaxError } from '../ast.js';
import { TK } from '../tokens.js';

export interface Cursor {
  ts: TokenStream;
  kinds: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Matching delimiter of each token (split.ts `matchDelimiters`), -1 when unpaired. */
  partner: Int32Array;
  pos: number;
  /** End of the tokens the parser may read: the current group's closer, or the range's end. */
  limit: number;
  /** Nesting of expressions and blocks, bounded so deep input cannot overflow the stack. */
  depth: number;
  errors: SyntaxError[];
  /** Trivial patterns and simple types skip the grammar (off only to measure what they save). */
  fastPaths: boolean;
  /** Where the last error was reported: recovery resumes after it. */
  failedAt: number;
  /** Parses the items declared in `[first, end)` of a body, their own bodies included. */
  items(first: number, end: number): Item[];
}

/** Thrown after an error is recorded; caught where the parser can resume (statement, arm). */
export const ABORT = Symbol('body parse aborted');

const MAX_DEPTH = 200;

export function kindAt(p: Cursor, t: number): number {
  return t < p.limit ? p.kinds[t] : -1;
}

export function at(p: Cursor, kind: number): boolean {
  return p.pos < p.limit && p.kinds[p.pos] === kind;
}

export function eat(p: Cursor, kind: number): boolean {
  if (p.pos < p.limit && p.kinds[p.pos] === kind) { p.pos++; return true; }
  return false;
}

/** Token `t` and the next one touch: `>` `>` is a shift, `&` `&` is a logical and. */
export function touching(p: Cursor, t: number): boolean {
  return t + 1 < p.limit && p.ends[t] === p.starts[t + 1];
}

/** Byte span of tokens `[first, p.pos)`. */
export function spanFrom(p: Cursor, first: number): Range {
  if (p.pos > first) return [p.starts[first], p.ends[p.pos - 1]];
  const at = first < p.ts.count ? p.starts[first] : p.ts.count > 0 ? p.ends[p.ts.count - 1] : 0;
  return [at, at];
}

/** The closer of the group opened at `open`, or `p.limit` when it is unclosed inside the current group. */
export function closeOf(p: Cursor, open: number): number {
  const close = p.partner[open];
  return close > open && close < p.limit ? close : p.limit;
}

/** Records `expected … but found …` at the current token and aborts to the nearest recovery point. */
export function fail(p: Cursor, expected: string): never {
  report(p, p.pos, `expected ${expected} but found ${found(p, p.pos)}`);
  throw ABORT;
}

export function report(p: Cursor, t: number, message: string): void {
  const { ts } = p;
  p.failedAt = t;
  const offset = t < ts.count ? p.starts[t] : ts.count > 0 ? p.ends[ts.count - 1] : 0;
  p.errors.push({ offset, message });
}

export function expect(p: Cursor, kind: number, what: string): void {
  if (!eat(p, kind)) fail(p, what);
}

/** The token at `t` for a message: past the last token, the end of file. */
export function found(p: Cursor, t: number): string {
  if (t >= p.ts.count) return 'end of file';
  const text = tokenText(p.ts, t).split('\n')[0];
  return `'${text.length > 24 ? text.slice(0, 24) + '…' : text}'`;
}

export function enterDepth(p: Cursor): void {
  if (++p.depth > MAX_DEPTH) {
    report(p, p.pos, 'expression nested too deeply');
    throw ABORT;
  }
}

/**
 * End of the pattern or type starting at `first`: the first token outside delimiters and `<…>`
 * for which `stops` is true, or a `;`, or the current limit. In patterns and types `<` and `>`
 * always pair (`->` is its own token).
 */
export function extentEnd(p: Cursor, first: number, stops: (kind: number) => boolean): number {
  let angle = 0;
  for (let t = first; t < p.limit; t++) {
    const k = p.kinds[t];
    if (k === TK[';'] || (angle === 0 && stops(k))) return t;
    if (k === TK['('] || k === TK['['] || k === TK['{']) t = closeOf(p, t);
    else if (k === TK['<']) angle++;
    else if (k === TK['>'] && angle > 0) angle--;
  }
  return p.limit;
}

/** A name token; raw identifiers lose their `r#`. */
export function nameAt(p: Cursor, t: number): Name {
  const text = tokenText(p.ts, t);
  return { text: text.startsWith('r#') ? text.slice(2) : text, span: [p.starts[t], p.ends[t]] };
}

/** Identifiers and the weak keywords, which are identifiers outside their one position. */
export function isNameKind(kind: number): boolean {
  return kind === TK.Ident || (kind >= TK.union && kind <= TK.raw);
}

/** `_`, which lexes as an identifier. */
export function isUnderscore(p: Cursor, t: number): boolean {
  return p.kinds[t] === TK.Ident && p.ends[t] - p.starts[t] === 1 && p.ts.src[p.starts[t]] === 95;
}
