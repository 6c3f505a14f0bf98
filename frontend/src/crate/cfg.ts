// Evaluates `#[cfg(...)]` predicates over token ranges with rustc's rule: a flag or key-value
// pair that is not set is false. Only a predicate we cannot read at all counts as true, so an
// item is never dropped for our own parsing limits.
import type { TokenStream } from '../syntax/lexer.js';
import { tokenText } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import type { Attribute } from '../syntax/ast.js';

export interface CfgSet {
  /** Names that are set: `unix`, `test`, `debug_assertions`. */
  flags: ReadonlySet<string>;
  /** `key="value"` pairs that are set, e.g. `feature="std"`, `target_os="linux"`. */
  pairs: ReadonlySet<string>;
}

export function defaultCfg(features: string[], extraFlags: string[] = []): CfgSet {
  const pairs = new Set([
    'target_os="linux"', 'target_family="unix"', 'target_arch="x86_64"', 'target_pointer_width="64"',
    'target_endian="little"', 'target_env="gnu"', 'panic="unwind"', 'target_has_atomic="8"',
    'target_has_atomic="16"', 'target_has_atomic="32"', 'target_has_atomic="64"', 'target_has_atomic="ptr"',
    'target_vendor="unknown"', 'target_feature="sse"', 'target_feature="sse2"', 'target_feature="fxsr"',
  ]);
  for (const f of features) pairs.add(`feature="${f}"`);
  return {
    flags: new Set(['unix', 'debug_assertions', ...extraFlags]),
    pairs,
  };
}

/** False when one of the item's `cfg` attributes is false. */
export function cfgActive(attrs: Attribute[], ts: TokenStream, cfg: CfgSet): boolean {
  for (const a of attrs) {
    if (a.path !== 'cfg') continue;
    const [first, end] = a.args;
    // args are `( predicate )`
    if (ts.kinds[first] !== TK['('] || ts.kinds[end - 1] !== TK[')']) continue;
    const p = { ts, pos: first + 1, end: end - 1 };
    if (!evalPredicate(p, cfg)) return false;
  }
  return true;
}

interface Cursor { ts: TokenStream; pos: number; end: number }

function evalPredicate(c: Cursor, cfg: CfgSet): boolean {
  const { ts } = c;
  if (c.pos >= c.end) return true;
  const k = ts.kinds[c.pos];
  if (k !== TK.Ident && k !== TK.unsafe) {
    skipPredicate(c);
    return true;
  }
  const name = tokenText(ts, c.pos++);
  if (ts.kinds[c.pos] === TK['('] && (name === 'all' || name === 'any' || name === 'not')) {
    c.pos++;
    const values: boolean[] = [];
    while (c.pos < c.end && ts.kinds[c.pos] !== TK[')']) {
      values.push(evalPredicate(c, cfg));
      if (ts.kinds[c.pos] === TK[',']) c.pos++;
    }
    c.pos++;
    if (name === 'all') return values.every(Boolean);
    if (name === 'any') return values.some(Boolean);
    return !(values[0] ?? false);
  }
  if (ts.kinds[c.pos] === TK['='] && ts.kinds[c.pos + 1] === TK.Str) {
    const value = tokenText(ts, c.pos + 1);
    c.pos += 2;
    return cfg.pairs.has(`${name}=${value}`);
  }
  return cfg.flags.has(name);
}

function skipPredicate(c: Cursor): void {
  let depth = 0;
  while (c.pos < c.end) {
    const k = c.ts.kinds[c.pos];
    if (k === TK['(']) depth++;
    else if (k === TK[')']) { if (depth === 0) return; depth--; }
    else if (k === TK[','] && depth === 0) return;
    c.pos++;
  }
}
