// Control flow and other keyword-led expressions: blocks (`unsafe`, `async`, `const`, `try`,
// labeled), `if`, `match`, loops, closures, `let` in conditions, and the jumps (`return`,
// `break`, `continue`, `yield`, `become`).
import type { Name, TypeNode } from '../ast.js';
import { TK } from '../tokens.js';
import type { Arm, BlockModifier, ClosureParam, Expr } from './ast.js';
import {
  ABORT, at, closeOf, eat, expect, extentEnd, fail, found, kindAt, nameAt, report, spanFrom, touching, type Cursor,
} from './cursor.js';
import { Prec } from './precedence.js';
import { ALLOW_LET, binary, canBeginExpr, expr, isBlockLike, NO_STRUCT, skipOuterAttrs, STMT } from './expr.js';
import { patternRange } from './patterns.js';
import { angleEnd, typeRange } from './types.js';
import { block, outerAttrs } from './block.js';

/** The keyword-led expression at `p.pos`, or undefined when the token starts none. */
export function controlExpr(p: Cursor, r: number): Expr | undefined {
  const first = p.pos;
  const k = p.kinds[first];
  const next = kindAt(p, first + 1);
  switch (k) {
    case TK['{']: return blockExpr(p, first);
    case TK.unsafe: case TK.const: case TK.try:
      if (next !== TK['{']) return k === TK.const && isClosureAfter(p, first + 1) ? closure(p, r) : undefined;
      p.pos++;
      return blockExpr(p, first, k === TK.unsafe ? 'unsafe' : k === TK.const ? 'const' : 'try');
    case TK.async: case TK.gen: {
      const move = next === TK.move;
      if (kindAt(p, first + (move ? 2 : 1)) !== TK['{']) return k === TK.async ? closure(p, r) : undefined;
      p.pos += move ? 2 : 1;
      const word = k === TK.async ? 'async' : 'gen';
      return blockExpr(p, first, (move ? `${word} move` : word) as BlockModifier);
    }
    case TK['|']: case TK.move: case TK.static: return closure(p, r);
    case TK.if: return ifExpr(p);
    case TK.match: return matchExpr(p);
    case TK.loop: case TK.while: return loopExpr(p, first);
    case TK.for: return next === TK['<'] ? closure(p, r) : loopExpr(p, first);
    case TK.Lifetime: return labeled(p);
    case TK.return: case TK.yield: case TK.become: {
      p.pos++;
      const kind = k === TK.return ? 'return' : k === TK.yield ? 'yield' : 'become';
      if (!canBeginExpr(p, r)) return { kind, span: spanFrom(p, first) };
      const value = binary(p, Prec.Assign, r & ~STMT);
      return { kind, value, span: spanFrom(p, first) };
    }
    case TK.break: {
      p.pos++;
      const e: Expr = { kind: 'break', span: [0, 0] };
      if (at(p, TK.Lifetime)) e.label = nameAt(p, p.pos++);
      if (canBeginExpr(p, r)) e.value = binary(p, Prec.Assign, r & ~STMT);
      e.span = spanFrom(p, first);
      return e;
    }
    case TK.continue: {
      p.pos++;
      const e: Expr = { kind: 'continue', span: [0, 0] };
      if (at(p, TK.Lifetime)) e.label = nameAt(p, p.pos++);
      e.span = spanFrom(p, first);
      return e;
    }
    case TK.let: return (r & ALLOW_LET) !== 0 ? letExpr(p, r) : undefined;
    default: return undefined;
  }
}

function isClosureAfter(p: Cursor, t: number): boolean {
  const k = kindAt(p, t);
  return k === TK['|'] || k === TK.move || k === TK.async;
}

function blockExpr(p: Cursor, first: number, modifier?: BlockModifier, label?: Name): Expr {
  const body = block(p);
  const e: Expr = { kind: 'block', block: body, span: spanFrom(p, first) };
  if (modifier) e.modifier = modifier;
  if (label) e.label = label;
  return e;
}

/** `'a: loop {}`, `'a: while … {}`, `'a: for … {}`, `'a: {}`. */
function labeled(p: Cursor): Expr {
  const first = p.pos;
  if (kindAt(p, first + 1) !== TK[':']) fail(p, 'expression');
  const label = nameAt(p, first);
  p.pos += 2;
  const k = kindAt(p, p.pos);
  if (k === TK.loop || k === TK.while || k === TK.for) return loopExpr(p, first, label);
  if (k === TK['{']) return blockExpr(p, first, undefined, label);
  if (k === TK.unsafe && kindAt(p, p.pos + 1) === TK['{']) {
    p.pos++;
    return blockExpr(p, first, 'unsafe', label);
  }
  return fail(p, "'loop', 'while', 'for' or '{'");
}

function ifExpr(p: Cursor): Expr {
  const first = p.pos++;
  const cond = expr(p, NO_STRUCT | ALLOW_LET);
  const then = block(p);
  const e: Expr = { kind: 'if', cond, then, span: [0, 0] };
  if (eat(p, TK.else)) {
    const elseFirst = p.pos;
    if (at(p, TK.if)) e.else = ifExpr(p);
    else e.else = blockExpr(p, elseFirst);
  }
  e.span = spanFrom(p, first);
  return e;
}

function loopExpr(p: Cursor, first: number, label?: Name): Expr {
  const k = p.kinds[p.pos++];
  let e: Expr;
  if (k === TK.loop) {
    e = { kind: 'loop', body: block(p), span: [0, 0] };
  } else if (k === TK.while) {
    const cond = expr(p, NO_STRUCT | ALLOW_LET);
    e = { kind: 'while', cond, body: block(p), span: [0, 0] };
  } else {
    const patFirst = p.pos;
    const patEnd = extentEnd(p, patFirst, (kind) => kind === TK.in);
    const pat = patternRange(p, patFirst, patEnd, true);
    p.pos = patEnd;
    expect(p, TK.in, "'in'");
    const iter = expr(p, NO_STRUCT);
    e = { kind: 'for', pat, iter, body: block(p), span: [0, 0] };
  }
  if (label) e.label = label;
  e.span = spanFrom(p, first);
  return e;
}

function letExpr(p: Cursor, r: number): Expr {
  const first = p.pos++;
  const patEnd = extentEnd(p, p.pos, (kind) => kind === TK['=']);
  const pat = patternRange(p, p.pos, patEnd, true);
  p.pos = patEnd;
  expect(p, TK['='], "'='");
  // The scrutinee stops before `&&` and `||`, which chain the conditions.
  const scrutinee = binary(p, Prec.Compare, r & NO_STRUCT);
  return { kind: 'let', pat, expr: scrutinee, span: spanFrom(p, first) };
}

function matchExpr(p: Cursor): Expr {
  const first = p.pos++;
  const scrutinee = expr(p, NO_STRUCT);
  if (!at(p, TK['{'])) fail(p, "'{'");
  const arms: Arm[] = [];
  const open = p.pos;
  const close = closeOf(p, open);
  const saved = p.limit;
  p.limit = close;
  p.pos = open + 1;
  skipInnerAttrs(p);
  while (p.pos < p.limit) {
    const armFirst = p.pos;
    const depth = p.depth;
    try {
      arms.push(arm(p));
    } catch (e) {
      if (e !== ABORT) throw e;
      p.depth = depth;
      p.limit = close;
      skipToArmEnd(p, armFirst);
    }
  }
  p.limit = saved;
  p.pos = close < saved ? close + 1 : saved;
  return { kind: 'match', scrutinee, arms, span: spanFrom(p, first) };
}

function skipInnerAttrs(p: Cursor): void {
  while (at(p, TK.InnerDoc) || (at(p, TK['#']) && kindAt(p, p.pos + 1) === TK['!'])) {
    if (p.kinds[p.pos] === TK.InnerDoc) { p.pos++; continue; }
    const close = closeOf(p, p.pos + 2);
    p.pos = close < p.limit ? close + 1 : p.limit;
  }
}

function arm(p: Cursor): Arm {
  const first = p.pos;
  const attrs = outerAttrs(p);
  const patFirst = p.pos;
  // A `,` cannot be in a pattern: stopping there keeps a run of broken arms linear.
  const patEnd = extentEnd(p, patFirst, (k) => k === TK['=>'] || k === TK.if || k === TK[',']);
  if (patEnd >= p.limit) {
    // No `=>` left in the match: the rest cannot be split into arms.
    try {
      patternRange(p, patFirst, patEnd, true);
      report(p, patEnd, `expected '=>' but found ${found(p, patEnd)}`);
    } finally {
      p.failedAt = patEnd;
    }
    throw ABORT;
  }
  const pat = patternRange(p, patFirst, patEnd, true);
  p.pos = patEnd;
  const guard = eat(p, TK.if) ? expr(p, ALLOW_LET) : undefined;
  expect(p, TK['=>'], "'=>'");
  const body = expr(p, STMT);
  if (!eat(p, TK[',']) && !isBlockLike(body) && p.pos < p.limit) fail(p, "',' or '}'");
  const a: Arm = { pat, body, span: spanFrom(p, first) };
  if (guard) a.guard = guard;
  if (attrs) a.attrs = attrs;
  return a;
}

/** After a broken arm: past the next `,` at this depth, or to the end of the match. */
function skipToArmEnd(p: Cursor, armFirst: number): void {
  let t = armFirst;
  while (t < p.limit) {
    const k = p.kinds[t];
    if (k === TK['('] || k === TK['['] || k === TK['{']) { t = closeOf(p, t) + 1; continue; }
    t++;
    if (k === TK[','] && t > p.failedAt) break;
  }
  p.pos = Math.max(armFirst + 1, Math.min(t, p.limit));
}

/** `|a, b: T| body`, `move ||`, `async move |x|`, `for<'a> |x: &'a T| -> U { … }`. */
function closure(p: Cursor, r: number): Expr {
  const first = p.pos;
  if (at(p, TK.for)) p.pos = angleEnd(p, p.pos + 1);
  eat(p, TK.static);
  eat(p, TK.const);
  const isAsync = eat(p, TK.async);
  const move = eat(p, TK.move);
  const params: ClosureParam[] = [];
  if (at(p, TK['|']) && touching(p, p.pos) && p.kinds[p.pos + 1] === TK['|']) {
    p.pos += 2;
  } else {
    expect(p, TK['|'], "'|'");
    while (!at(p, TK['|'])) {
      skipOuterAttrs(p);
      const paramFirst = p.pos;
      const patEnd = extentEnd(p, paramFirst, (k) => k === TK[':'] || k === TK[','] || k === TK['|']);
      const param: ClosureParam = { pat: patternRange(p, paramFirst, patEnd, false), span: [0, 0] };
      p.pos = patEnd;
      if (eat(p, TK[':'])) param.type = typeUntil(p, (k) => k === TK[','] || k === TK['|']);
      param.span = spanFrom(p, paramFirst);
      params.push(param);
      if (!eat(p, TK[','])) break;
    }
    expect(p, TK['|'], "'|'");
  }
  let ret: TypeNode | undefined;
  let body: Expr;
  if (eat(p, TK['->'])) {
    ret = typeUntil(p, (k) => k === TK['{']);
    if (!at(p, TK['{'])) fail(p, "'{'");
    body = blockExpr(p, p.pos);
  } else {
    body = binary(p, Prec.Assign, r & NO_STRUCT);
  }
  const e: Expr = { kind: 'closure', move, async: isAsync, params, body, span: spanFrom(p, first) };
  if (ret) e.ret = ret;
  return e;
}

/** The type from `p.pos` up to a token `stops` accepts; moves past it. */
function typeUntil(p: Cursor, stops: (kind: number) => boolean): TypeNode {
  const first = p.pos;
  const end = extentEnd(p, first, stops);
  p.pos = end;
  return typeRange(p, first, end);
}
