// Builds the grammar's input for one item: its slice of the token string with every group the
// item grammar only sees as a token tree (fn/mod/trait/impl bodies, macro arguments, const
// values, attribute arguments) condensed to its two delimiters. Bodies and attributes are most
// of a file's tokens, so the grammar mostly runs over signatures. `map` takes positions in the
// condensed text back to token indices.
import type { TokenStream } from './lexer.js';
import { TK } from './tokens.js';
import { isCloser, isOpener, skipOuterAttrs } from './split.js';

export interface CondensedItem {
  text: string;
  /** Token index of each condensed position; one extra entry holds the item's end. */
  map: Int32Array;
  /** A delimiter outside the condensed groups is unclosed or stray: the item cannot match. */
  broken: boolean;
}

/** Which depth-0 groups of an item are condensed. */
type Policy = 'none' | 'body' | 'value' | 'macro';

export function condenseItem(ts: TokenStream, partner: Int32Array, first: number, end: number): CondensedItem {
  const { kinds } = ts;
  const policy = collapsePolicy(ts, partner, first, end);
  const map = new Int32Array(end - first + 2);
  const pieces: string[] = [];
  let n = 0;
  let runStart = first;
  let depth = 0;
  let angle = 0;
  let afterEq = false;
  let afterBang = false;
  let broken = false;
  const flush = (to: number) => {
    if (to > runStart) pieces.push(ts.text.slice(runStart, to));
    for (let u = runStart; u < to; u++) map[n++] = u;
  };
  let t = first;
  while (t < end) {
    const k = kinds[t];
    const close = partner[t];
    const closed = close > t && close < end;
    const attribute = closed && isAttrBracket(ts, first, t);
    if (attribute || (depth === 0 && isOpener(k) && condenses(policy, k, afterEq, afterBang))) {
      flush(t);
      pieces.push(ts.text[t], closed ? ts.text[close] : closingChar(k));
      map[n++] = t;
      // An unclosed body (the splitter cut the item) gets a virtual closer on the item's last token.
      map[n++] = closed ? close : end - 1;
      t = closed ? close + 1 : end;
      runStart = t;
      continue;
    }
    if (isOpener(k) || isCloser(k)) {
      const p = partner[t];
      if (p < first || p >= end) broken = true;
      depth += isOpener(k) ? 1 : -1;
    } else if (depth === 0) {
      if (k === TK['<']) angle++;
      else if (k === TK['>'] && angle > 0) angle--;
      else if (k === TK['='] && angle === 0) afterEq = true;
      else if (k === TK['!']) afterBang = true;
    }
    t++;
  }
  flush(end);
  map[n] = end;
  return { text: pieces.join(''), map: map.subarray(0, n + 1), broken };
}

function condenses(policy: Policy, kind: number, afterEq: boolean, afterBang: boolean): boolean {
  switch (policy) {
    case 'none': return false;
    case 'body': return kind === TK['{'];
    case 'value': return afterEq;
    case 'macro': return afterBang;
  }
}

/** The `[` of `#[…]` or `#![…]`: the builders read attributes from the tokens. */
function isAttrBracket(ts: TokenStream, first: number, t: number): boolean {
  const { kinds } = ts;
  return kinds[t] === TK['['] && t > first
    && (kinds[t - 1] === TK['#'] || (kinds[t - 1] === TK['!'] && t - 1 > first && kinds[t - 2] === TK['#']));
}

function closingChar(kind: number): string {
  return kind === TK['('] ? ')' : kind === TK['['] ? ']' : '}';
}

/**
 * Decides from the item's leading keywords. Structs, enums, unions and uses need their braces;
 * consts and statics keep their signature and lose their value; macro calls lose their arguments.
 */
function collapsePolicy(ts: TokenStream, partner: Int32Array, first: number, end: number): Policy {
  const { kinds } = ts;
  let t = skipOuterAttrs(ts, partner, first, end);
  if (kinds[t] === TK.pub) {
    t++;
    if (kinds[t] === TK['('] && partner[t] > t && partner[t] < end) t = partner[t] + 1;
  }
  for (; t < end; t++) {
    switch (kinds[t]) {
      case TK.struct: case TK.enum: case TK.use: return 'none';
      case TK.union: if (kinds[t + 1] === TK.Ident) return 'none'; return 'macro';
      case TK.static: return 'value';
      case TK.const: if (kinds[t + 1] === TK.Ident) return 'value'; continue;
      case TK.unsafe: case TK.async: case TK.extern: case TK.Str: case TK.default: case TK.safe:
      case TK.auto: continue;
      case TK.macro_rules: return 'macro';
      case TK.Ident: case TK['::']: case TK.self: case TK.super: case TK.crate: case TK.$:
        return isMacroPath(ts, t, end) ? 'macro' : 'body';
      default: return 'body';
    }
  }
  return 'body';
}

function isMacroPath(ts: TokenStream, t: number, end: number): boolean {
  const { kinds } = ts;
  while (t < end && (kinds[t] === TK.Ident || kinds[t] === TK['::'] || kinds[t] === TK.self
    || kinds[t] === TK.super || kinds[t] === TK.crate || kinds[t] === TK.$)) t++;
  return kinds[t] === TK['!'];
}
