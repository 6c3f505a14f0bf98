// Blocks and statements. A statement that fails to parse is skipped to its `;` (or the end of
// its block) after the error is recorded, so one broken statement never hides the next ones.
// Items declared among the statements go to the item parser.
import type { Attribute } from '../ast.js';
import { attrsAndDocs } from '../docs.js';
import { scanItem, skipOuterAttrs as skipAttrTokens } from '../split.js';
import { TK } from '../tokens.js';
import type { Block, Stmt } from './ast.js';
import {
  ABORT, at, closeOf, eat, extentEnd, fail, found, isNameKind, kindAt, report, spanFrom, type Cursor,
} from './cursor.js';
import { canBeginExpr, expr, isBlockLike, STMT } from './expr.js';
import { patternRange } from './patterns.js';
import { typeRange } from './types.js';

/** The block at `p.pos`, which must be a `{`; moves past its `}`. */
export function block(p: Cursor): Block {
  const first = p.pos;
  if (!at(p, TK['{'])) fail(p, "'{'");
  const close = closeOf(p, first);
  const saved = p.limit;
  p.limit = close;
  p.pos = first + 1;
  const b: Block = { stmts: [], span: [0, 0] };
  const inner = innerAttrs(p);
  if (inner) b.innerAttrs = inner;
  statements(p, b.stmts);
  p.limit = saved;
  p.pos = close < saved ? close + 1 : saved;
  b.span = spanFrom(p, first);
  return b;
}

/** The block `[first, end)` (a `{ … }`), parsed wherever the cursor is; the cursor is left as it was. */
export function blockAt(p: Cursor, first: number, end: number): Block {
  const { pos, limit } = p;
  p.pos = first;
  p.limit = end;
  try {
    return block(p);
  } catch (e) {
    if (e !== ABORT) throw e;
    return { stmts: [], span: [p.starts[first], p.ends[end - 1]] };
  } finally {
    p.pos = pos;
    p.limit = limit;
  }
}

function innerAttrs(p: Cursor): Attribute[] | undefined {
  const first = p.pos;
  while (at(p, TK.InnerDoc) || (at(p, TK['#']) && kindAt(p, p.pos + 1) === TK['!'] && kindAt(p, p.pos + 2) === TK['['])) {
    if (p.kinds[p.pos] === TK.InnerDoc) { p.pos++; continue; }
    const close = closeOf(p, p.pos + 2);
    p.pos = close < p.limit ? close + 1 : p.limit;
  }
  if (p.pos === first) return undefined;
  const { attrs } = attrsAndDocs(p.ts, p.partner, first, p.pos);
  return attrs;
}

/** Outer attributes and doc comments at `p.pos`; moves past them. */
export function outerAttrs(p: Cursor): Attribute[] | undefined {
  const first = p.pos;
  p.pos = skipAttrTokens(p.ts, p.partner, first, p.limit);
  if (p.pos === first) return undefined;
  return attrsAndDocs(p.ts, p.partner, first, p.pos).attrs;
}

function statements(p: Cursor, stmts: Stmt[]): void {
  const limit = p.limit;
  const depth = p.depth;
  while (p.pos < limit) {
    const first = p.pos;
    try {
      statement(p, stmts);
    } catch (e) {
      if (e !== ABORT) throw e;
      p.depth = depth;
      p.limit = limit;
      skipStatement(p, first);
    }
  }
}

/** After a broken statement: past the first `;` at this depth after the error, or to the block's end. */
function skipStatement(p: Cursor, first: number): void {
  let t = first;
  while (t < p.limit) {
    const k = p.kinds[t];
    if (k === TK['('] || k === TK['['] || k === TK['{']) { t = closeOf(p, t) + 1; continue; }
    t++;
    if (k === TK[';'] && t > p.failedAt) break;
  }
  p.pos = Math.max(first + 1, Math.min(t, p.limit));
}

function statement(p: Cursor, stmts: Stmt[]): void {
  const first = p.pos;
  if (eat(p, TK[';'])) return;
  const head = skipAttrTokens(p.ts, p.partner, first, p.limit);
  if (head < p.limit && isItemStart(p, head)) {
    itemStatements(p, first, stmts);
    return;
  }
  const attrs = outerAttrs(p);
  if (at(p, TK.let)) {
    letStatement(p, first, attrs, stmts);
    return;
  }
  const e = expr(p, STMT);
  const s: Stmt = { kind: 'expr', expr: e, semi: eat(p, TK[';']), span: [0, 0] };
  if (attrs) s.attrs = attrs;
  s.span = spanFrom(p, first);
  stmts.push(s);
  if (!s.semi && !isBlockLike(e)) expectStatementEnd(p);
}

/** An expression statement without `;` must be the block's tail. */
function expectStatementEnd(p: Cursor): void {
  if (p.pos >= p.limit) return;
  report(p, p.pos, `expected ';' but found ${found(p, p.pos)}`);
  // A missing `;` before what starts a statement loses nothing: parsing goes on from there.
  if (!canBeginExpr(p, 0) && !isItemStart(p, p.pos)) throw ABORT;
}

function letStatement(p: Cursor, first: number, attrs: Attribute[] | undefined, stmts: Stmt[]): void {
  p.pos++;
  const patFirst = p.pos;
  const patEnd = extentEnd(p, patFirst, (k) => k === TK[':'] || k === TK['=']);
  const pat = patternRange(p, patFirst, patEnd, true);
  p.pos = patEnd;
  const s: Stmt = { kind: 'let', pat, span: [0, 0] };
  if (eat(p, TK[':'])) {
    const typeFirst = p.pos;
    p.pos = extentEnd(p, typeFirst, (k) => k === TK['=']);
    s.type = typeRange(p, typeFirst, p.pos);
  }
  if (eat(p, TK['='])) {
    s.init = expr(p);
    if (eat(p, TK.else)) s.else = block(p);
  }
  if (attrs) s.attrs = attrs;
  const semi = eat(p, TK[';']);
  s.span = spanFrom(p, first);
  stmts.push(s);
  if (semi) return;
  if (p.pos >= p.limit) report(p, p.pos, `expected ';' but found ${found(p, p.pos)}`);
  else expectStatementEnd(p);
}

/** A run of items among the statements, handed to the item parser in one piece. */
function itemStatements(p: Cursor, first: number, stmts: Stmt[]): void {
  let end = first;
  for (;;) {
    end = scanItem(p.ts, p.partner, end, p.limit).end;
    if (end >= p.limit) break;
    const head = skipAttrTokens(p.ts, p.partner, end, p.limit);
    if (head >= p.limit || !isItemStart(p, head)) break;
  }
  p.pos = Math.max(end, first + 1);
  for (const item of p.items(first, p.pos)) stmts.push({ kind: 'item', item, span: item.span });
}

/** Whether the token at `t` starts an item rather than an expression (`unsafe {` is a block). */
function isItemStart(p: Cursor, t: number): boolean {
  const next = kindAt(p, t + 1);
  switch (p.kinds[t]) {
    case TK.fn: case TK.struct: case TK.enum: case TK.trait: case TK.impl: case TK.mod: case TK.use:
    case TK.type: case TK.extern: case TK.pub: case TK.macro:
      return true;
    case TK.macro_rules: return next === TK['!'];
    case TK.static: return next !== TK['|'] && next !== TK.move && next !== TK.async;
    case TK.const: return next !== TK['{'] && next !== TK['|'] && next !== TK.move && next !== TK.async;
    case TK.unsafe: return next !== TK['{'];
    case TK.async: return next === TK.fn || next === TK.unsafe;
    case TK.union: return isNameKind(next);
    case TK.auto: return next === TK.trait;
    default: return false;
  }
}
