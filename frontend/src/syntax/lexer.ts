// Hand-written Rust lexer over UTF-8 bytes, so every offset it reports is a byte offset.
// Whitespace and ordinary comments are dropped; doc comments are tokens because docs go into
// the dump. It never throws: malformed input yields an Unknown token or a lex error and goes on.
import { TK, TOKEN_CHARS, KEYWORDS, EDITION_2018_KEYWORDS, EDITION_2024_KEYWORDS } from './tokens.js';

export interface LexError {
  offset: number;
  message: string;
}

/** Tokens as parallel arrays: the hot loops in the splitter and parsers stay allocation-free. */
export interface TokenStream {
  src: Uint8Array;
  count: number;
  kinds: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** One character per token (TOKEN_CHARS), the input of the item grammar. */
  text: string;
  errors: LexError[];
}

export type Edition = '2015' | '2018' | '2021' | '2024';

const enum C {
  Tab = 9, LF = 10, CR = 13, Space = 32, Bang = 33, DQuote = 34, Hash = 35, Quote = 39,
  Star = 42, Plus = 43, Minus = 45, Dot = 46, Slash = 47, D0 = 48, D9 = 57, Colon = 58,
  Lt = 60, Eq = 61, Gt = 62, UA = 65, UE = 69, UZ = 90, Backslash = 92, Underscore = 95,
  La = 97, Lb = 98, Lc = 99, Le = 101, Lr = 114, Lz = 122, LBrace = 123,
}

// Single-byte punctuation → kind; 0 where the byte is not punctuation.
const PUNCT = new Uint8Array(128);
for (const ch of ';,.(){}[]@#~?:$=!<>-&|+*/^%') PUNCT[ch.charCodeAt(0)] = TK[ch as keyof typeof TK];

const COMPOUND_ASSIGN: Record<number, number> = {
  [C.Plus]: TK['+='], [C.Minus]: TK['-='], [C.Star]: TK['*='], [C.Slash]: TK['/='],
  [37 /* % */]: TK['%='], [94 /* ^ */]: TK['^='],
};

function isAsciiIdentStart(b: number): boolean {
  return (b >= C.La && b <= C.Lz) || (b >= C.UA && b <= C.UZ) || b === C.Underscore;
}

function isAsciiIdentContinue(b: number): boolean {
  return isAsciiIdentStart(b) || (b >= C.D0 && b <= C.D9);
}

const XID_START = /^\p{XID_Start}$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;

/** Byte length of the identifier character at `i` (0 if there is none): Unicode XID, like rustc. */
function identCharLength(src: Uint8Array, i: number, first: boolean): number {
  const b = src[i];
  if (b === undefined) return 0;
  if (b < 0x80) return (first ? isAsciiIdentStart(b) : isAsciiIdentContinue(b)) ? 1 : 0;
  const len = charLength(src, i);
  const ch = decoder.decode(src.subarray(i, i + len));
  return (first ? XID_START : XID_CONTINUE).test(ch) ? len : 0;
}

/** End of the identifier characters starting at `i` (continue characters only). */
function identEnd(src: Uint8Array, i: number): number {
  const n = src.length;
  while (i < n) {
    const b = src[i];
    if (b < 0x80) {
      if (!isAsciiIdentContinue(b)) return i;
      i++;
      continue;
    }
    const len = identCharLength(src, i, false);
    if (len === 0) return i;
    i += len;
  }
  return i;
}

function isDigit(b: number): boolean {
  return b >= C.D0 && b <= C.D9;
}

function isWhitespace(b: number): boolean {
  return b === C.Space || b === C.LF || b === C.Tab || b === C.CR || b === 11 || b === 12;
}

/**
 * Byte length of the non-ASCII whitespace character at `i`, 0 if there is none. Rust's
 * whitespace is Pattern_White_Space: besides ASCII, U+0085, U+200E, U+200F, U+2028, U+2029.
 */
function unicodeWhitespaceLength(src: Uint8Array, i: number): number {
  const b = src[i];
  if (b === 0xc2 && src[i + 1] === 0x85) return 2;
  if (b === 0xe2 && src[i + 1] === 0x80) {
    const c = src[i + 2];
    if (c === 0x8e || c === 0x8f || c === 0xa8 || c === 0xa9) return 3;
  }
  return 0;
}

/** Byte length of the UTF-8 character at `i`; 1 for a byte that does not start a well-formed one. */
function charLength(src: Uint8Array, i: number): number {
  const b = src[i];
  const len = b < 0xc0 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
  for (let k = 1; k < len; k++) if (((src[i + k] ?? 0) & 0xc0) !== 0x80) return 1;
  return len;
}

/** What differs between editions at the lexical level. */
interface EditionRules {
  /** The keywords of this edition. */
  keywords: KeywordTable;
  /** `c"…"` / `cr"…"` and `'r#a` are tokens from 2021 on; before, `c` and `'r` are followed by more tokens. */
  cStringsAndRawLifetimes: boolean;
  /** 2015: `dyn` is a keyword only where it starts a trait object (see startsDynBound). */
  contextualDyn: boolean;
}

const RULES_OF_EDITION = new Map<Edition, EditionRules>();

function editionRules(edition: Edition): EditionRules {
  const known = RULES_OF_EDITION.get(edition);
  if (known) return known;
  const keywordsOff = new Set<string>();
  if (edition === '2015') for (const k of EDITION_2018_KEYWORDS) keywordsOff.add(k);
  if (edition !== '2024') for (const k of EDITION_2024_KEYWORDS) keywordsOff.add(k);
  const modern = edition === '2021' || edition === '2024';
  const rules = { keywords: keywordTable(keywordsOff), cStringsAndRawLifetimes: modern, contextualDyn: edition === '2015' };
  RULES_OF_EDITION.set(edition, rules);
  return rules;
}

export function lex(src: Uint8Array, edition: Edition = '2021'): TokenStream {
  const n = src.length;
  let cap = Math.max(16, n >> 2);
  let kinds = new Uint8Array(cap);
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  let count = 0;
  const errors: LexError[] = [];
  const rules = editionRules(edition);
  const dynIdents: number[] = [];

  const push = (kind: number, start: number, end: number) => {
    if (count === cap) {
      cap *= 2;
      const k = new Uint8Array(cap); k.set(kinds); kinds = k;
      const s = new Uint32Array(cap); s.set(starts); starts = s;
      const e = new Uint32Array(cap); e.set(ends); ends = e;
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    count++;
  };

  let i = skipPreamble(src, errors);
  while (i < n) {
    const b = src[i];
    if (isWhitespace(b)) { i++; continue; }
    const start = i;

    if (b === C.Slash && src[i + 1] === C.Slash) {
      i = lineEnd(src, i);
      const kind = lineCommentKind(src, start);
      if (kind !== 0) push(kind, start, i);
      continue;
    }
    if (b === C.Slash && src[i + 1] === C.Star) {
      i = blockCommentEnd(src, i, errors);
      const kind = blockCommentKind(src, start);
      if (kind !== 0) push(kind, start, i);
      continue;
    }

    // Prefixed literals and raw identifiers: r"…", r#"…"#, b"…", br"…", b'…', c"…", cr"…", r#ident.
    if (b === C.Lr || b === C.Lb || (b === C.Lc && rules.cStringsAndRawLifetimes)) {
      const lit = prefixedLiteral(src, i, errors);
      if (lit !== 0) { push(lit > 0 ? TK.Str : TK.Char, start, Math.abs(lit)); i = Math.abs(lit); continue; }
      if (b === C.Lr && src[i + 1] === C.Hash && identCharLength(src, i + 2, true) > 0) {
        i = identEnd(src, i + 2);
        push(TK.Ident, start, i);
        continue;
      }
    }

    if (isAsciiIdentStart(b)) {
      i = identEnd(src, i + 1);
      const kind = identKind(src, start, i, rules.keywords);
      if (rules.contextualDyn && kind === TK.Ident && isDyn(src, start, i)) dynIdents.push(count);
      push(kind, start, i);
      continue;
    }
    if (isDigit(b)) {
      const afterDot = count > 0 && kinds[count - 1] === TK['.'] && ends[count - 1] === start;
      const packed = numberEnd(src, i, afterDot);
      i = Math.floor(packed / 2);
      push(packed % 2 === 1 ? TK.Float : TK.Int, start, i);
      continue;
    }
    if (b === C.DQuote) {
      i = suffixEnd(src, quotedEnd(src, i + 1, C.DQuote, true, errors, start));
      push(TK.Str, start, i);
      continue;
    }
    if (b === C.Quote) {
      // Packed, not a callback: a closure over `start` would cost a context per token.
      const packed = quoteOrLifetime(src, i, rules.cStringsAndRawLifetimes, errors);
      i = Math.floor(packed / 256);
      push(packed % 256, start, i);
      continue;
    }
    if (b < 128 && PUNCT[b] !== 0) {
      const packed = punctuation(src, i);
      i += packed & 3;
      push(packed >> 2, start, i);
      continue;
    }
    if (b >= 0x80) {
      const space = unicodeWhitespaceLength(src, i);
      if (space > 0) { i += space; continue; }
      if (identCharLength(src, i, true) > 0) {
        i = identEnd(src, i);
        push(TK.Ident, start, i);
        continue;
      }
    }
    const len = charLength(src, i);
    errors.push({ offset: start, message: `unknown character ${JSON.stringify(decoder.decode(src.subarray(start, start + len)))}` });
    i += len;
    push(TK.Unknown, start, i);
  }

  kinds = kinds.subarray(0, count);
  starts = starts.subarray(0, count);
  ends = ends.subarray(0, count);
  for (const t of dynIdents) if (startsDynBound(kinds, t + 1)) kinds[t] = TK.dyn;
  const codes = new Uint16Array(count);
  for (let t = 0; t < count; t++) codes[t] = TOKEN_CODES[kinds[t]];
  const text = UTF16.decode(codes);
  return { src, count, kinds, starts, ends, text, errors };
}

function isDyn(src: Uint8Array, start: number, end: number): boolean {
  return end - start === 3 && src[start] === 100 && src[start + 1] === 121 && src[start + 2] === 110;
}

const DYN_BOUND_STARTS = new Set<number>([
  TK.Ident, TK.Lifetime, TK["'static"], TK['?'], TK.for,
  TK.self, TK.Self, TK.super, TK.crate, TK.$,
  TK.union, TK.auto, TK.macro_rules, TK.default, TK.safe, TK.raw,
]);

/**
 * In 2015 `dyn` is a keyword only where it starts a trait object: before something that can
 * begin a bound (rustc's `is_explicit_dyn_type`, which only runs in type position). rustc also
 * takes `(` and `*` there; the lexer does not know the position and leaves `dyn(x)` and
 * `dyn * x` to a fn or variable named `dyn` (as a type, `dyn(T)` still parses, as a path).
 */
function startsDynBound(kinds: Uint8Array, next: number): boolean {
  if (next >= kinds.length) return false;
  return DYN_BOUND_STARTS.has(kinds[next]);
}

/** Skips a BOM, a shebang line (not `#![`) and a `---` frontmatter block at the start of the file. */
function skipPreamble(src: Uint8Array, errors: LexError[]): number {
  let i = 0;
  if (src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf) i = 3;
  if (src[i] === C.Hash && src[i + 1] === C.Bang && !attributeFollows(src, i + 2)) i = lineEnd(src, i);
  return skipFrontmatter(src, i, errors);
}

/** rustc keeps `#!` as code when the next token, past whitespace and plain comments, is `[`. */
function attributeFollows(src: Uint8Array, i: number): boolean {
  const n = src.length;
  while (i < n) {
    if (isWhitespace(src[i])) { i++; continue; }
    if (src[i] === C.Slash && src[i + 1] === C.Slash && lineCommentKind(src, i) === 0) { i = lineEnd(src, i); continue; }
    if (src[i] === C.Slash && src[i + 1] === C.Star && blockCommentKind(src, i) === 0) { i = blockCommentEnd(src, i, []); continue; }
    return src[i] === 91; // [
  }
  return false;
}

/**
 * Cargo-script frontmatter: an opening fence of three or more dashes (an info string may follow)
 * as the first thing after whitespace, closed by a line that starts with as many dashes and has
 * nothing else but blanks. Returns where Rust code starts. A body line may not start with that
 * many dashes: such a line still closes the block, with an error. An unclosed block runs to the
 * end of the file, as in rustc.
 */
function skipFrontmatter(src: Uint8Array, i: number, errors: LexError[]): number {
  let j = i;
  while (j < src.length && isWhitespace(src[j])) j++;
  const fence = dashesAt(src, j);
  if (fence < 3) return i;
  for (let line = lineEnd(src, j) + 1; line < src.length; line = lineEnd(src, line) + 1) {
    const dashes = dashesAt(src, line);
    if (dashes < fence) continue;
    let k = line + dashes;
    while (src[k] === C.Space || src[k] === C.Tab || src[k] === C.CR) k++;
    if (dashes > fence || (k < src.length && src[k] !== C.LF)) {
      errors.push({ offset: line, message: `a frontmatter line may not start with ${fence} dashes unless it closes the block` });
    }
    return lineEnd(src, line);
  }
  errors.push({ offset: j, message: 'unterminated frontmatter' });
  return src.length;
}

function dashesAt(src: Uint8Array, i: number): number {
  let k = i;
  while (src[k] === C.Minus) k++;
  return k - i;
}

function lineEnd(src: Uint8Array, i: number): number {
  const nl = src.indexOf(C.LF, i);
  return nl < 0 ? src.length : nl;
}

/** `//!` is an inner doc, `///` an outer doc but `////` a plain comment; 0 for a plain comment. */
function lineCommentKind(src: Uint8Array, start: number): number {
  const third = src[start + 2];
  if (third === C.Bang) return TK.InnerDoc;
  if (third === C.Slash && src[start + 3] !== C.Slash) return TK.OuterDoc;
  return 0;
}

// Block comments: `/*!` starts an inner doc, `/**` an outer doc, but `/***` and an empty
// `/**` + `*/` are plain comments (as in rustc). 0 for a plain comment.
function blockCommentKind(src: Uint8Array, start: number): number {
  const third = src[start + 2];
  if (third === C.Bang) return TK.InnerDoc;
  if (third === C.Star && src[start + 3] !== C.Star && src[start + 3] !== C.Slash) return TK.OuterDoc;
  return 0;
}

function blockCommentEnd(src: Uint8Array, i: number, errors: LexError[]): number {
  const start = i;
  let depth = 0;
  const n = src.length;
  while (i < n) {
    if (src[i] === C.Slash && src[i + 1] === C.Star) { depth++; i += 2; continue; }
    if (src[i] === C.Star && src[i + 1] === C.Slash) {
      depth--; i += 2;
      if (depth === 0) return i;
      continue;
    }
    i++;
  }
  errors.push({ offset: start, message: 'unterminated block comment' });
  return n;
}

function identKind(src: Uint8Array, start: number, end: number, keywords: KeywordTable): number {
  const len = end - start;
  if (len > 11 || len < 2) return TK.Ident;
  const candidates = keywords.get(len * 256 + src[start]);
  if (candidates === undefined) return TK.Ident;
  next: for (const [bytes, kind] of candidates) {
    for (let k = 1; k < len; k++) if (src[start + k] !== bytes[k]) continue next;
    return kind;
  }
  return TK.Ident;
}

/** Keywords by `length * 256 + first byte`: identifiers are matched without building strings. */
type KeywordTable = Map<number, Array<[Uint8Array, number]>>;

function keywordTable(keywordsOff: ReadonlySet<string>): KeywordTable {
  const table: KeywordTable = new Map();
  for (const [word, kind] of KEYWORDS) {
    if (keywordsOff.has(word)) continue;
    const key = word.length * 256 + word.charCodeAt(0);
    const list = table.get(key) ?? [];
    list.push([new TextEncoder().encode(word), kind]);
    table.set(key, list);
  }
  return table;
}

/** End of a string or char body starting after the opening quote; `errors` gets unterminated ones. */
function quotedEnd(src: Uint8Array, i: number, quote: number, escapes: boolean, errors: LexError[], start: number): number {
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === quote) return i + 1;
    if (escapes && c === C.Backslash) { i += 2; continue; }
    i++;
  }
  errors.push({ offset: start, message: quote === C.DQuote ? 'unterminated string literal' : 'unterminated character literal' });
  return n;
}

/** Literal suffixes like `1u8` or `"x"suffix` belong to the literal token. */
function suffixEnd(src: Uint8Array, i: number): number {
  const len = identCharLength(src, i, true);
  return len > 0 ? identEnd(src, i + len) : i;
}

function rawStringEnd(src: Uint8Array, i: number, errors: LexError[], start: number): number {
  let hashes = 0;
  while (src[i] === C.Hash) { hashes++; i++; }
  if (src[i] !== C.DQuote) return -1;
  i++;
  const n = src.length;
  while (i < n) {
    if (src[i] === C.DQuote) {
      let k = 0;
      while (k < hashes && src[i + 1 + k] === C.Hash) k++;
      if (k === hashes) return i + 1 + hashes;
    }
    i++;
  }
  errors.push({ offset: start, message: 'unterminated raw string literal' });
  return n;
}

/**
 * Lexes r"…", r#"…"#, b"…", br"…", b'…', c"…", cr"…" at `i`.
 * Returns the end offset, positive for string-like and negative for byte chars; 0 if none is here.
 */
function prefixedLiteral(src: Uint8Array, i: number, errors: LexError[]): number {
  const b = src[i];
  let j = i + 1;
  if ((b === C.Lb || b === C.Lc) && src[j] === C.Lr) j++;
  const raw = b === C.Lr || j === i + 2;
  if (raw) {
    if (src[j] !== C.DQuote && src[j] !== C.Hash) return 0;
    const end = rawStringEnd(src, j, errors, i);
    return end < 0 ? 0 : suffixEnd(src, end);
  }
  if (src[j] === C.DQuote) return suffixEnd(src, quotedEnd(src, j + 1, C.DQuote, true, errors, i));
  if (b === C.Lb && src[j] === C.Quote) return -suffixEnd(src, quotedEnd(src, j + 1, C.Quote, true, errors, i));
  return 0;
}

/**
 * A `'` starts a char literal (`'a'`, `'\n'`) or a lifetime/label (`'a`, `'static`, `'r#x` from
 * 2021). Returns `end * 256 + kind`.
 */
function quoteOrLifetime(src: Uint8Array, i: number, rawLifetimes: boolean, errors: LexError[]): number {
  const start = i;
  const c = src[i + 1];
  if (c === C.Backslash) {
    const end = suffixEnd(src, quotedEnd(src, i + 1, C.Quote, true, errors, start));
    return end * 256 + TK.Char;
  }
  if (c === undefined) {
    errors.push({ offset: start, message: 'unterminated character literal' });
    return (i + 1) * 256 + TK.Unknown;
  }
  const len = charLength(src, i + 1);
  if (src[i + 1 + len] === C.Quote) {
    const end = suffixEnd(src, i + 2 + len);
    return end * 256 + TK.Char;
  }
  if (identCharLength(src, i + 1, true) > 0) {
    let j = i + 1;
    if (rawLifetimes && c === C.Lr && src[j + 1] === C.Hash && identCharLength(src, j + 2, true) > 0) j += 2;
    j = identEnd(src, j);
    const isStatic = j - start === 7 && String.fromCharCode(...src.subarray(start + 1, j)) === 'static';
    return j * 256 + (isStatic ? TK["'static"] : TK.Lifetime);
  }
  errors.push({ offset: start, message: 'unterminated character literal' });
  return (i + 1) * 256 + TK.Unknown;
}

/**
 * `end * 2 + (isFloat ? 1 : 0)`: a number, so lexing allocates nothing per token. After a `.`
 * (tuple index `x.0.1`) a number never takes a fraction.
 */
function numberEnd(src: Uint8Array, i: number, afterDot: boolean): number {
  const n = src.length;
  if (src[i] === C.D0 && (src[i + 1] === 120 || src[i + 1] === 111 || src[i + 1] === C.Lb)) {
    return identEnd(src, i + 2) * 2;
  }
  while (i < n && (isDigit(src[i]) || src[i] === C.Underscore)) i++;
  let isFloat = false;
  if (!afterDot && src[i] === C.Dot && src[i + 1] !== C.Dot && identCharLength(src, i + 1, true) === 0) {
    isFloat = true;
    i++;
    while (i < n && (isDigit(src[i]) || src[i] === C.Underscore)) i++;
  }
  if (!afterDot && (src[i] === C.Le || src[i] === C.UE)) {
    let j = i + 1;
    if (src[j] === C.Plus || src[j] === C.Minus) j++;
    if (isDigit(src[j]) || src[j] === C.Underscore) {
      isFloat = true;
      i = j;
      while (i < n && (isDigit(src[i]) || src[i] === C.Underscore)) i++;
    }
  }
  const sufStart = i;
  i = suffixEnd(src, i);
  if (i > sufStart && src[sufStart] === 102 /* f */) isFloat = true;
  return i * 2 + (isFloat ? 1 : 0);
}

/** `kind * 4 + byte length` of the punctuation token at `i`: a number, so lexing allocates nothing per token. */
function punctuation(src: Uint8Array, i: number): number {
  const b = src[i];
  const c = src[i + 1];
  switch (b) {
    case C.Colon: if (c === C.Colon) return TK['::'] * 4 + 2; break;
    case C.Minus: if (c === C.Gt) return TK['->'] * 4 + 2; break;
    case C.Eq:
      if (c === C.Gt) return TK['=>'] * 4 + 2;
      if (c === C.Eq) return TK['=='] * 4 + 2;
      break;
    case C.Bang: if (c === C.Eq) return TK['!='] * 4 + 2; break;
    case C.Dot:
      if (c === C.Dot) {
        if (src[i + 2] === C.Dot) return TK['...'] * 4 + 3;
        if (src[i + 2] === C.Eq) return TK['..='] * 4 + 3;
        return TK['..'] * 4 + 2;
      }
      break;
  }
  if (c === C.Eq && COMPOUND_ASSIGN[b] !== undefined) return COMPOUND_ASSIGN[b] * 4 + 2;
  return PUNCT[b] * 4 + 1;
}

/** The source text of token `t` (decoded as UTF-8; ASCII tokens, nearly all of them, skip the decoder). */
export function tokenText(ts: TokenStream, t: number): string {
  const { src } = ts;
  const a = ts.starts[t];
  const b = ts.ends[t];
  if (b - a > 64) return decoder.decode(src.subarray(a, b));
  let s = '';
  for (let i = a; i < b; i++) {
    const c = src[i];
    if (c >= 0x80) return decoder.decode(src.subarray(a, b));
    s += String.fromCharCode(c);
  }
  return s;
}

const decoder = new TextDecoder();
const UTF16 = new TextDecoder('utf-16le');
/** The token string's character of each kind, as a UTF-16 code unit. */
const TOKEN_CODES = Uint16Array.from(TOKEN_CHARS, (ch) => ch.charCodeAt(0));
