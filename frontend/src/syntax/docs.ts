// Attributes and doc comments, read from tokens. Docs gather `///`, `//!`, `/** */`, `/*! */`
// and `#[doc = "…"]` in source order, markers stripped and one leading space removed per line.
import type { TokenStream } from './lexer.js';
import { tokenText } from './lexer.js';
import type { Attribute, TokenRange } from './ast.js';
import { TK } from './tokens.js';

const decoder = new TextDecoder();

export interface AttrsAndDocs {
  attrs: Attribute[];
  docs?: string;
}

/**
 * The attributes and docs among the tokens of `[first, end)`: a run of `#[…]`/`#![…]` and doc
 * comment tokens, as left by the grammar's `attrs` rule or by the splitter's inner attributes.
 */
export function attrsAndDocs(ts: TokenStream, partner: Int32Array, first: number, end: number): AttrsAndDocs {
  // Most items, fields and params have none.
  if (first >= end) return { attrs: [] };
  const attrs: Attribute[] = [];
  const docs: string[] = [];
  const { kinds } = ts;
  let t = first;
  while (t < end) {
    const k = kinds[t];
    if (k === TK.OuterDoc || k === TK.InnerDoc) {
      docs.push(docCommentText(tokenText(ts, t)));
      t++;
      continue;
    }
    const inner = k === TK['#'] && kinds[t + 1] === TK['!'];
    const open = inner ? t + 2 : t + 1;
    const close = partner[open];
    if (k !== TK['#'] || kinds[open] !== TK['['] || close < open || close >= end) { t++; continue; }
    const attr = attribute(ts, t, open, close, inner);
    attrs.push(attr);
    const doc = docAttrText(ts, attr);
    if (doc !== undefined) docs.push(doc);
    t = close + 1;
  }
  // No `docs` key rather than an undefined one: deleting it later would slow every copy of the object.
  return docs.length > 0 ? { attrs, docs: docs.join('\n') } : { attrs };
}

function attribute(ts: TokenStream, pound: number, open: number, close: number, inner: boolean): Attribute {
  const { kinds } = ts;
  let t = open + 1;
  let argsEnd = close;
  // `#[unsafe(no_mangle)]`: the attribute is the one inside.
  if (kinds[t] === TK.unsafe && kinds[t + 1] === TK['('] && kinds[close - 1] === TK[')']) {
    t += 2;
    argsEnd = close - 1;
  }
  const pathStart = t;
  while (t < argsEnd && (kinds[t] === TK['::'] || isWordKind(kinds[t]))) t++;
  const args: TokenRange = [t, argsEnd];
  return {
    inner,
    path: tokensText(ts, pathStart, t),
    args,
    text: decoder.decode(ts.src.subarray(ts.ends[open], ts.starts[close])).trim(),
    span: [ts.starts[pound], ts.ends[close]],
  };
}

function isWordKind(kind: number): boolean {
  return kind === TK.Ident || (kind >= TK.as && kind <= TK.raw);
}

/** Token texts concatenated without separators: attribute paths like `rustfmt::skip`. */
function tokensText(ts: TokenStream, first: number, end: number): string {
  let s = '';
  for (let t = first; t < end; t++) s += tokenText(ts, t);
  return s;
}

/** The string of `#[doc = "…"]`; other doc attributes (`#[doc(hidden)]`) carry no text. */
function docAttrText(ts: TokenStream, attr: Attribute): string | undefined {
  const [a, b] = attr.args;
  if (attr.path !== 'doc' || b - a !== 2 || ts.kinds[a] !== TK['='] || ts.kinds[a + 1] !== TK.Str) return undefined;
  const value = stringLiteralValue(tokenText(ts, a + 1));
  return value === undefined ? undefined : stripOneSpace(value);
}

/** The text of a doc comment token without its markers. */
function docCommentText(raw: string): string {
  if (raw.startsWith('/*')) return blockDocText(raw.slice(3, raw.endsWith('*/') ? -2 : undefined));
  return stripOneSpace(raw.slice(3).replace(/\r$/, ''));
}

/** `/** … *\/` bodies: drop blank first/last lines and a ` * ` gutter shared by all lines. */
function blockDocText(body: string): string {
  let lines = body.split(/\r?\n/);
  if (lines.length > 1 && lines[0].trim() === '') lines = lines.slice(1);
  if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines = lines.slice(0, -1);
  if (lines.length > 1 && lines.every((l) => /^\s*\*/.test(l) || l.trim() === '')) {
    lines = lines.map((l) => l.replace(/^\s*\*/, ''));
  }
  return stripOneSpace(lines.join('\n'));
}

function stripOneSpace(text: string): string {
  return text.split('\n').map((l) => (l.startsWith(' ') ? l.slice(1) : l)).join('\n');
}

/** The value of a (raw) string literal token; undefined for byte/C strings and suffixed ones. */
function stringLiteralValue(tok: string): string | undefined {
  const raw = /^r(#*)"([\s\S]*)"\1$/.exec(tok);
  if (raw) return raw[2];
  if (!tok.startsWith('"') || !tok.endsWith('"') || tok.length < 2) return undefined;
  return unescape(tok.slice(1, -1));
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' };

function unescape(body: string): string {
  return body.replace(/\\(?:u\{([0-9a-fA-F_]{1,8})\}|x([0-9a-fA-F]{2})|\r?\n\s*|(.))/g, (_m, uni, hex, simple) => {
    if (uni !== undefined) {
      const code = parseInt(uni.replace(/_/g, ''), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    if (simple !== undefined) return SIMPLE_ESCAPES[simple] ?? simple;
    return '';
  });
}
