// Expressions: a Pratt parser for the binary operators (precedence.ts), then unary operators,
// postfix operators (calls, methods, fields, indexing, `?`, `.await`) and primary expressions.
// Control flow, closures and blocks are in control.ts.
import type { Path, PathSegment } from '../ast.js';
import { TK } from '../tokens.js';
import type { BinaryOp, AssignOp, Expr, FieldInit } from './ast.js';
import {
  at, closeOf, eat, enterDepth, fail, isNameKind, isUnderscore, kindAt, nameAt, report, spanFrom,
  type Cursor,
} from './cursor.js';
import { infixAt, Prec } from './precedence.js';
import { castType, qualifiedSelf, turbofish } from './types.js';
import { litKind } from './patterns.js';
import { controlExpr } from './control.js';

/** Restrictions on an expression, as bits. */
export const NO_STRUCT = 1; // `if`/`while`/`match`/`for` heads: `{` opens the body, not a struct literal
export const STMT = 2; // at the start of a statement: a block-like expression ends it
export const ALLOW_LET = 4; // `if`/`while` conditions and match guards: `let` chains

/** A full expression (assignment level). */
export function expr(p: Cursor, r = 0): Expr {
  return binary(p, Prec.Assign, r);
}

export function binary(p: Cursor, minPrec: Prec, r: number): Expr {
  enterDepth(p);
  const operandR = r & ~STMT;
  let lhs = at(p, TK['..']) || at(p, TK['..=']) ? prefixRange(p, operandR) : unary(p, r);
  if ((r & STMT) !== 0 && isBlockLike(lhs)) { p.depth--; return lhs; }
  for (;;) {
    const op = infixAt(p);
    if (!op || op.prec < minPrec) break;
    p.pos += op.len;
    const start = lhs.span[0];
    switch (op.kind) {
      case 'cast': {
        const type = castType(p);
        lhs = { kind: 'cast', expr: lhs, type, span: [start, p.ends[p.pos - 1]] };
        break;
      }
      case 'assign': {
        const rhs = binary(p, Prec.Assign, operandR);
        lhs = { kind: 'assign', op: op.op as AssignOp, lhs, rhs, span: [start, rhs.span[1]] };
        break;
      }
      case 'range': {
        const inclusive = op.op === '..=';
        if (!canBeginExpr(p, r)) {
          if (inclusive) fail(p, 'expression');
          lhs = { kind: 'range', start: lhs, inclusive, span: [start, p.ends[p.pos - 1]] };
        } else {
          const end = binary(p, Prec.Range + 1, operandR);
          lhs = { kind: 'range', start: lhs, end, inclusive, span: [start, end.span[1]] };
        }
        if (infixAt(p)?.kind === 'range') report(p, p.pos, 'range operators cannot be chained');
        break;
      }
      case 'binary': {
        const rhs = binary(p, op.prec + 1, operandR);
        lhs = { kind: 'binary', op: op.op as BinaryOp, lhs, rhs, span: [start, rhs.span[1]] };
        if (op.prec === Prec.Compare && infixAt(p)?.prec === Prec.Compare) {
          report(p, p.pos, 'comparison operators cannot be chained');
        }
        break;
      }
    }
  }
  p.depth--;
  return lhs;
}

/** `..b`, `..=b`, `..`. */
function prefixRange(p: Cursor, r: number): Expr {
  const first = p.pos;
  const inclusive = p.kinds[p.pos++] === TK['..='];
  if (!canBeginExpr(p, r)) {
    if (inclusive) fail(p, 'expression');
    return { kind: 'range', inclusive, span: spanFrom(p, first) };
  }
  const end = binary(p, Prec.Range + 1, r);
  return { kind: 'range', end, inclusive, span: spanFrom(p, first) };
}

function unary(p: Cursor, r: number): Expr {
  const first = p.pos;
  const k = kindAt(p, first);
  if (k === TK['-'] || k === TK['!'] || k === TK['*'] || k === TK['&'] || k === TK.box) {
    enterDepth(p);
    p.pos++;
    let e: Expr;
    if (k === TK['&']) {
      const raw = at(p, TK.raw) && (kindAt(p, p.pos + 1) === TK.const || kindAt(p, p.pos + 1) === TK.mut);
      if (raw) p.pos++;
      const mutable = eat(p, TK.mut) || (raw && !eat(p, TK.const));
      const inner = unary(p, r & ~STMT);
      e = { kind: 'ref', mutable, raw, expr: inner, span: spanFrom(p, first) };
    } else if (k === TK.box) {
      e = { kind: 'box', expr: unary(p, r & ~STMT), span: spanFrom(p, first) };
    } else {
      const op = k === TK['-'] ? '-' : k === TK['!'] ? '!' : '*';
      e = { kind: 'unary', op, expr: unary(p, r & ~STMT), span: spanFrom(p, first) };
    }
    p.depth--;
    return e;
  }
  return postfix(p, primary(p, r), r);
}

function postfix(p: Cursor, e: Expr, r: number): Expr {
  const start = e.span[0];
  for (;;) {
    // A block-like statement takes only `.` and `?`: `match x {} (a)` is two statements.
    const blockStmt = (r & STMT) !== 0 && isBlockLike(e);
    const k = kindAt(p, p.pos);
    if (k === TK['?']) {
      p.pos++;
      e = { kind: 'try', expr: e, span: [start, p.ends[p.pos - 1]] };
    } else if (k === TK['.']) {
      e = member(p, e);
    } else if (k === TK['('] && !blockStmt) {
      const args = exprList(p);
      e = { kind: 'call', callee: e, args, span: [start, p.ends[p.pos - 1]] };
    } else if (k === TK['['] && !blockStmt) {
      const index = inGroup(p, () => expr(p));
      e = { kind: 'index', expr: e, index, span: [start, p.ends[p.pos - 1]] };
    } else {
      return e;
    }
  }
}

/** `.await`, `.0`, `.field`, `.method(…)`, `.method::<T>(…)` after `e`. */
function member(p: Cursor, e: Expr): Expr {
  const start = e.span[0];
  p.pos++;
  const k = kindAt(p, p.pos);
  if (k === TK.await) {
    p.pos++;
    return { kind: 'await', expr: e, span: [start, p.ends[p.pos - 1]] };
  }
  if (k === TK.Int) {
    const name = nameAt(p, p.pos++);
    return { kind: 'field', expr: e, name, span: [start, name.span[1]] };
  }
  if (!isNameKind(k) && k !== TK.self && k !== TK.Self && k !== TK.super && k !== TK.crate) fail(p, 'identifier');
  const name = nameAt(p, p.pos++);
  let generics;
  if (at(p, TK['::']) && kindAt(p, p.pos + 1) === TK['<']) {
    p.pos++;
    generics = turbofish(p);
  }
  if (at(p, TK['('])) {
    const args = exprList(p);
    const call: Expr = { kind: 'method', receiver: e, name, args, span: [start, p.ends[p.pos - 1]] };
    if (generics) call.generics = generics;
    return call;
  }
  if (generics) fail(p, "'('");
  return { kind: 'field', expr: e, name, span: [start, name.span[1]] };
}

function primary(p: Cursor, r: number): Expr {
  const first = p.pos;
  if (first >= p.limit) fail(p, 'expression');
  const k = p.kinds[first];
  switch (k) {
    case TK.Int: case TK.Float: case TK.Str: case TK.Char: case TK.true: case TK.false:
      p.pos++;
      return { kind: 'lit', lit: litKind(k), span: [p.starts[first], p.ends[first]] };
    case TK['(']: return parenOrTuple(p);
    case TK['[']: return array(p);
    case TK['#']:
      if (kindAt(p, first + 1) !== TK['[']) fail(p, 'expression');
      skipOuterAttrs(p);
      return unary(p, r);
    case TK['<']: case TK['::']: case TK.self: case TK.Self: case TK.super: case TK.crate: case TK.$:
      return pathExpr(p, r);
    default:
      // `try!(…)`: the edition-2015 macro, named by what is a keyword since 2018.
      if (isNameKind(k) || (k === TK.try && kindAt(p, first + 1) === TK['!'])) {
        if (isUnderscore(p, first) && kindAt(p, first + 1) !== TK['::']) {
          p.pos++;
          return { kind: 'underscore', span: [p.starts[first], p.ends[first]] };
        }
        return pathExpr(p, r);
      }
      return controlExpr(p, r) ?? fail(p, 'expression');
  }
}

/** Skips `#[…]` attributes on an expression (`#[cfg(x)] arg`, `#[rustfmt::skip] expr`). */
export function skipOuterAttrs(p: Cursor): void {
  while (at(p, TK['#']) && kindAt(p, p.pos + 1) === TK['[']) {
    const close = closeOf(p, p.pos + 1);
    p.pos = close < p.limit ? close + 1 : p.limit;
  }
}

function pathExpr(p: Cursor, r: number): Expr {
  const first = p.pos;
  const path = exprPath(p);
  const plain = !path.qself && path.segments.every((s) => !s.generics);
  if (plain && at(p, TK['!'])) {
    const open = p.pos + 1;
    const k = kindAt(p, open);
    if (k === TK['('] || k === TK['['] || k === TK['{']) {
      const close = closeOf(p, open);
      p.pos = close < p.limit ? close + 1 : p.limit;
      const delimiter = k === TK['('] ? '(' : k === TK['['] ? '[' : '{';
      return { kind: 'macro', path, delimiter, args: [open, p.pos], span: spanFrom(p, first) };
    }
  }
  if (at(p, TK['{']) && (r & NO_STRUCT) === 0) return structLiteral(p, path, first);
  return { kind: 'path', path, span: path.span };
}

function isPathWord(kind: number): boolean {
  return isNameKind(kind) || kind === TK.self || kind === TK.Self || kind === TK.super || kind === TK.crate;
}

/** A path in expression form: `a::b`, `::a`, `Vec::<u8>::new`, `<T as Trait>::f`, `$crate::x`. */
function exprPath(p: Cursor): Path {
  const first = p.pos;
  const path: Path = { global: false, segments: [], span: [0, 0] };
  if (at(p, TK['<'])) {
    path.qself = qualifiedSelf(p);
    if (!at(p, TK['::'])) fail(p, "'::'");
  }
  if (at(p, TK['::'])) {
    if (!path.qself) path.global = true;
    p.pos++;
  }
  for (;;) {
    const k = kindAt(p, p.pos);
    let seg: PathSegment;
    if (isPathWord(k) || (k === TK.try && p.pos === first)) {
      seg = { name: nameAt(p, p.pos++) };
    } else if (k === TK.$ && kindAt(p, p.pos + 1) === TK.crate) {
      seg = { name: { text: '$crate', span: [p.starts[p.pos], p.ends[p.pos + 1]] } };
      p.pos += 2;
    } else {
      fail(p, 'identifier');
    }
    path.segments.push(seg);
    if (!at(p, TK['::'])) break;
    const next = kindAt(p, p.pos + 1);
    if (next === TK['<']) {
      p.pos++;
      seg.generics = turbofish(p);
      if (!at(p, TK['::'])) break;
    }
    p.pos++;
  }
  path.span = spanFrom(p, first);
  return path;
}

function structLiteral(p: Cursor, path: Path, first: number): Expr {
  const fields: FieldInit[] = [];
  let base: Expr | undefined;
  let rest = false;
  inGroup(p, () => {
    while (p.pos < p.limit) {
      skipOuterAttrs(p);
      if (eat(p, TK['..'])) {
        rest = true;
        if (p.pos < p.limit) base = expr(p);
        break;
      }
      const k = kindAt(p, p.pos);
      if (!isNameKind(k) && k !== TK.Int && k !== TK.self) fail(p, 'field name');
      const fieldFirst = p.pos;
      const name = nameAt(p, p.pos++);
      const field: FieldInit = { name, span: [0, 0] };
      if (eat(p, TK[':'])) field.value = expr(p);
      field.span = spanFrom(p, fieldFirst);
      fields.push(field);
      if (!eat(p, TK[','])) break;
    }
    if (p.pos < p.limit) fail(p, "',' or '}'");
  });
  const e: Expr = { kind: 'struct', path, fields, rest, span: spanFrom(p, first) };
  if (base) e.base = base;
  return e;
}

function parenOrTuple(p: Cursor): Expr {
  const first = p.pos;
  let trailingComma = false;
  const elems = inGroup(p, () => {
    const out: Expr[] = [];
    while (p.pos < p.limit) {
      skipOuterAttrs(p);
      out.push(expr(p));
      trailingComma = eat(p, TK[',']);
      if (!trailingComma) break;
    }
    if (p.pos < p.limit) fail(p, "',' or ')'");
    return out;
  });
  const span = spanFrom(p, first);
  if (elems.length === 1 && !trailingComma) return { kind: 'paren', expr: elems[0], span };
  return { kind: 'tuple', elems, span };
}

function array(p: Cursor): Expr {
  const first = p.pos;
  let repeat: [Expr, Expr] | undefined;
  const elems = inGroup(p, () => {
    const out: Expr[] = [];
    while (p.pos < p.limit) {
      skipOuterAttrs(p);
      out.push(expr(p));
      if (out.length === 1 && eat(p, TK[';'])) {
        repeat = [out[0], expr(p)];
        break;
      }
      if (!eat(p, TK[','])) break;
    }
    if (p.pos < p.limit) fail(p, repeat ? "']'" : "',' or ']'");
    return out;
  });
  const span = spanFrom(p, first);
  return repeat ? { kind: 'repeat', value: repeat[0], len: repeat[1], span } : { kind: 'array', elems, span };
}

/** `(a, b, …)` call arguments. */
function exprList(p: Cursor): Expr[] {
  return inGroup(p, () => {
    const out: Expr[] = [];
    while (p.pos < p.limit) {
      skipOuterAttrs(p);
      out.push(expr(p));
      if (!eat(p, TK[','])) break;
    }
    if (p.pos < p.limit) fail(p, "',' or ')'");
    return out;
  });
}

/**
 * Runs `parse` over the contents of the group opened at `p.pos`, then moves past its closer.
 * An unclosed group runs to the current limit.
 */
function inGroup<T>(p: Cursor, parse: () => T): T {
  const open = p.pos;
  const close = closeOf(p, open);
  const saved = p.limit;
  p.limit = close;
  p.pos = open + 1;
  const out = parse();
  p.limit = saved;
  p.pos = close < saved ? close + 1 : saved;
  return out;
}

/**
 * Expressions that end a statement without `;` and take no binary operator after them there.
 * As in rustc, `async` and `gen` blocks are not among them.
 */
export function isBlockLike(e: Expr): boolean {
  switch (e.kind) {
    case 'block': return e.modifier === undefined || !/^(async|gen)/.test(e.modifier);
    case 'if': case 'match': case 'loop': case 'while': case 'for': return true;
    case 'macro': return e.delimiter === '{';
    default: return false;
  }
}

const CAN_BEGIN = new Uint8Array(256);
for (const k of [
  TK.Ident, TK.Int, TK.Float, TK.Str, TK.Char, TK.Lifetime, TK['('], TK['['], TK['|'], TK['&'], TK['*'],
  TK['!'], TK['-'], TK['..'], TK['..='], TK['<'], TK['::'], TK['#'], TK.$, TK.true, TK.false, TK.self,
  TK.Self, TK.super, TK.crate, TK.if, TK.match, TK.loop, TK.while, TK.for, TK.unsafe, TK.async, TK.move,
  TK.const, TK.return, TK.break, TK.continue, TK.yield, TK.become, TK.let, TK.box, TK.static, TK.try,
  TK.gen, TK.union, TK.auto, TK.macro_rules, TK.default, TK.safe, TK.raw, TK['{'],
]) CAN_BEGIN[k] = 1;

/** Whether the token at `p.pos` can start an expression (a `{` not where it opens a body). */
export function canBeginExpr(p: Cursor, r: number): boolean {
  const k = kindAt(p, p.pos);
  if (k < 0) return false;
  if (k === TK['{']) return (r & NO_STRUCT) === 0;
  if (k === TK['#']) return kindAt(p, p.pos + 1) === TK['['];
  return CAN_BEGIN[k] === 1;
}
