// How many token trees a `$x:fragment` takes from a macro's input. rustc runs its parser and
// takes what the parser takes; these scanners find the same extent without building anything.
// What may follow a fragment is restricted (`expr` only by `=>`, `,` or `;`; `ty` and `path` by
// `{ [ => , > = : ; | as where`), which is what lets a scanner stop where the parser would.
import { TK, isKeywordKind } from '../syntax/tokens.js';
import { isGroup, isTok, type TT } from './tokens.js';
import type { Fragment } from './rules.js';

/** Trees that `fragment` takes at `input[i]`, or -1 when it does not match there. */
export function fragmentLength(fragment: Fragment, input: readonly TT[], i: number, edition2021: boolean): number {
  const tt = input[i];
  switch (fragment) {
    case 'tt': return tt === undefined ? -1 : 1;
    case 'ident': return tt !== undefined && !isGroup(tt) && (tt.kind === TK.Ident && tt.text !== '_' || isKeywordKind(tt.kind)) ? 1 : -1;
    case 'lifetime': return isTok(tt, TK.Lifetime) || isTok(tt, TK["'static"]) ? 1 : -1;
    case 'literal': {
      const j = isTok(tt, TK['-']) ? i + 1 : i;
      return isLiteral(input[j]) ? j - i + 1 : -1;
    }
    case 'block': return isGroup(tt) && tt.open.kind === TK['{'] ? 1 : -1;
    case 'vis': return visLength(input, i);
    case 'path': return nonEmpty(pathEnd(input, i, true), i);
    case 'ty': return nonEmpty(typeEnd(input, i), i);
    case 'meta': return nonEmpty(metaEnd(input, i), i);
    case 'expr': case 'expr_2021': case 'stmt': return nonEmpty(exprEnd(input, i), i);
    case 'pat': return nonEmpty(patEnd(input, i, edition2021), i);
    case 'pat_param': return nonEmpty(patEnd(input, i, false), i);
    case 'item': return nonEmpty(itemEnd(input, i), i);
  }
}

function nonEmpty(end: number, i: number): number {
  return end > i ? end - i : -1;
}

function isLiteral(tt: TT | undefined): boolean {
  if (tt === undefined || isGroup(tt)) return false;
  const k = tt.kind;
  return k === TK.Int || k === TK.Float || k === TK.Str || k === TK.Char || k === TK.true || k === TK.false;
}

function isPathSegmentStart(tt: TT | undefined): boolean {
  if (tt === undefined || isGroup(tt)) return false;
  const k = tt.kind;
  return k === TK.Ident || k === TK.self || k === TK.Self || k === TK.super || k === TK.crate || k === TK['$']
    || k === TK.union || k === TK.auto || k === TK.default || k === TK.safe || k === TK.raw || k === TK.macro_rules;
}

/** `pub`, `pub(crate)`, `pub(in a::b)`, or nothing. */
function visLength(input: readonly TT[], i: number): number {
  if (!isTok(input[i], TK.pub)) return 0;
  const g = input[i + 1];
  if (isGroup(g) && g.open.kind === TK['('] && g.trees.length > 0) {
    const k = isGroup(g.trees[0]) ? -1 : g.trees[0].kind;
    if (k === TK.crate || k === TK.self || k === TK.super || k === TK.in) return 2;
  }
  return 1;
}

/** Just past the `>` closing the `<` at `i`, or -1 when it does not close. */
function anglesEnd(input: readonly TT[], i: number): number {
  let depth = 0;
  for (let j = i; j < input.length; j++) {
    const tt = input[j];
    if (isTok(tt, TK['<'])) depth++;
    else if (isTok(tt, TK['>']) && --depth === 0) return j + 1;
    else if (isTok(tt, TK[';'])) return -1;
  }
  return -1;
}

/**
 * End of a path at `i`: `::a::b<T>::c`, `$crate::x`, `<T as Tr>::x`; `types` allows generic
 * args without `::` and `Fn(A) -> B` sugar.
 */
function pathEnd(input: readonly TT[], i: number, types: boolean): number {
  let j = i;
  if (isTok(input[j], TK['<'])) {
    j = anglesEnd(input, j);
    if (j < 0 || !isTok(input[j], TK['::'])) return i;
    j++;
  } else if (isTok(input[j], TK['::'])) j++;
  for (;;) {
    if (!isPathSegmentStart(input[j])) return j > i && !isTok(input[j - 1], TK['::']) ? j : i;
    j += isTok(input[j], TK['$']) ? 2 : 1;
    for (;;) {
      const tt = input[j];
      if (isTok(tt, TK['::']) && isTok(input[j + 1], TK['<'])) {
        const e = anglesEnd(input, j + 1);
        if (e < 0) return j;
        j = e;
      } else if (types && isTok(tt, TK['<'])) {
        const e = anglesEnd(input, j);
        if (e < 0) return j;
        j = e;
      } else if (types && isGroup(tt) && tt.open.kind === TK['(']) {
        j++;
        if (isTok(input[j], TK['->'])) {
          const e = typeEnd(input, j + 1);
          if (e === j + 1) return j;
          j = e;
        }
      } else break;
    }
    if (!isTok(input[j], TK['::']) || !isPathSegmentStart(input[j + 1])) return j;
    j++;
  }
}

/** End of a type at `i` (i itself when there is none). */
export function typeEnd(input: readonly TT[], i: number): number {
  const tt = input[i];
  if (tt === undefined) return i;
  if (isGroup(tt)) return tt.open.kind === TK['{'] ? i : i + 1;
  switch (tt.kind) {
    case TK['!']: return i + 1;
    case TK['&']: {
      let j = i + 1;
      if (isTok(input[j], TK.Lifetime) || isTok(input[j], TK["'static"])) j++;
      if (isTok(input[j], TK.mut)) j++;
      const e = typeEnd(input, j);
      return e === j ? i : e;
    }
    case TK['*']: {
      const j = isTok(input[i + 1], TK.const) || isTok(input[i + 1], TK.mut) ? i + 2 : i + 1;
      const e = typeEnd(input, j);
      return e === j ? i : e;
    }
    case TK.impl: case TK.dyn: return boundsEnd(input, i + 1);
    case TK.fn: case TK.unsafe: case TK.extern: return fnTypeEnd(input, i);
    case TK.for: {
      const j = anglesEnd(input, i + 1);
      if (j < 0) return i;
      return isTok(input[j], TK.fn) || isTok(input[j], TK.unsafe) || isTok(input[j], TK.extern) ? fnTypeEnd(input, j) : boundsEnd(input, j);
    }
    case TK['?']: return boundsEnd(input, i);
  }
  if (tt.kind === TK.Ident && tt.text === '_') return i + 1;
  let j = pathEnd(input, i, true);
  if (j === i) return i;
  // A macro in type position, `m!(…)`.
  if (isTok(input[j], TK['!']) && isGroup(input[j + 1])) return j + 2;
  if (isTok(input[j], TK['+'])) j = boundsEnd(input, j + 1, j);
  return j;
}

/** `A + 'a + ?Sized + (B)`, from `i`; `fallback` when there is no bound at all. */
function boundsEnd(input: readonly TT[], i: number, fallback = i): number {
  let j = i;
  let last = fallback;
  for (;;) {
    const tt = input[j];
    if (isTok(tt, TK.Lifetime) || isTok(tt, TK["'static"])) j++;
    else if (isGroup(tt) && tt.open.kind === TK['(']) j++;
    else {
      if (isTok(tt, TK['?'])) j++;
      if (isTok(input[j], TK.for)) {
        const e = anglesEnd(input, j + 1);
        if (e < 0) return last;
        j = e;
      }
      const e = pathEnd(input, j, true);
      if (e === j) return last;
      j = e;
    }
    last = j;
    if (!isTok(input[j], TK['+'])) return j;
    j++;
  }
}

/** `unsafe extern "C" fn(A) -> B`. */
function fnTypeEnd(input: readonly TT[], i: number): number {
  let j = i;
  if (isTok(input[j], TK.unsafe)) j++;
  if (isTok(input[j], TK.extern)) j += isTok(input[j + 1], TK.Str) ? 2 : 1;
  if (!isTok(input[j], TK.fn)) return i;
  const g = input[j + 1];
  if (!isGroup(g) || g.open.kind !== TK['(']) return i;
  j += 2;
  if (isTok(input[j], TK['->'])) {
    const e = typeEnd(input, j + 1);
    return e === j + 1 ? i : e;
  }
  return j;
}

/** `path`, `path(…)`, `path = expr`: an attribute's contents. */
function metaEnd(input: readonly TT[], i: number): number {
  const j = pathEnd(input, i, false);
  if (j === i) return i;
  if (isGroup(input[j])) return j + 1;
  if (isTok(input[j], TK['='])) {
    const e = exprEnd(input, j + 1);
    return e === j + 1 ? j : e;
  }
  return j;
}

function isOperandEnd(tt: TT): boolean {
  if (isGroup(tt)) return true;
  const k = tt.kind;
  return k === TK.Ident || k === TK.Int || k === TK.Float || k === TK.Str || k === TK.Char || k === TK.self || k === TK.Self
    || k === TK.true || k === TK.false || k === TK['?'] || k === TK.Lifetime || k === TK.super || k === TK.crate;
}

/**
 * End of an expression (or statement) at `i`: it can only be followed by `=>`, `,` or `;`, so
 * it runs to the first of those outside groups, closure params and generic args.
 */
function exprEnd(input: readonly TT[], i: number): number {
  let j = i;
  let operand = false;
  while (j < input.length) {
    const tt = input[j];
    if (isGroup(tt)) { operand = true; j++; continue; }
    const k = tt.kind;
    if (k === TK[','] || k === TK[';'] || k === TK['=>']) break;
    if (k === TK['|'] && !operand) {
      // Closure params: to the closing `|`.
      let e = j + 1;
      while (e < input.length && !isTok(input[e], TK['|'])) e++;
      j = e + 1;
      operand = false;
      continue;
    }
    if (k === TK['::'] && isTok(input[j + 1], TK['<'])) {
      const e = anglesEnd(input, j + 1);
      j = e < 0 ? j + 1 : e;
      operand = true;
      continue;
    }
    if (k === TK['<'] && !operand) {
      // A qualified path, `<T as Trait>::f`.
      const e = anglesEnd(input, j);
      j = e < 0 ? j + 1 : e;
      operand = true;
      continue;
    }
    if (k === TK.as) {
      const e = typeEnd(input, j + 1);
      j = e === j + 1 ? j + 1 : e;
      operand = true;
      continue;
    }
    operand = isOperandEnd(tt);
    j++;
  }
  return Math.min(j, input.length);
}

/** End of a pattern: before `=>`, `,`, `=`, `if`, `in` (and a top-level `|` for `pat_param`). */
function patEnd(input: readonly TT[], i: number, orPatterns: boolean): number {
  let j = i;
  while (j < input.length) {
    const tt = input[j];
    if (isGroup(tt)) { j++; continue; }
    const k = tt.kind;
    if (k === TK['=>'] || k === TK[','] || k === TK['='] || k === TK.if || k === TK.in) break;
    if (k === TK['|'] && !orPatterns) break;
    if (k === TK['<'] || k === TK['::'] && isTok(input[j + 1], TK['<'])) {
      const e = anglesEnd(input, k === TK['<'] ? j : j + 1);
      j = e < 0 ? j + 1 : e;
      continue;
    }
    j++;
  }
  return j;
}

/** Kinds of items that end at a `;` even when a `{ … }` comes first (`const X: T = { … };`). */
const SEMI_ITEMS = new Set<number>([TK.const, TK.static, TK.type, TK.use, TK.let]);

/** `const fn`, `const unsafe fn`, `const extern "C" fn`: a fn, not a constant. */
function isConstFn(input: readonly TT[], j: number): boolean {
  if (!isTok(input[j], TK.const)) return false;
  const next = input[j + 1];
  return !isTok(next, TK.Ident) && !isTok(next, TK['{']);
}

/** End of an item: attributes, visibility, then to its `;` or its closing `}`. */
function itemEnd(input: readonly TT[], i: number): number {
  let j = i;
  while (isTok(input[j], TK['#']) || isTok(input[j], TK.OuterDoc)) {
    if (isTok(input[j], TK.OuterDoc)) { j++; continue; }
    j += isTok(input[j + 1], TK['!']) ? 1 : 0;
    if (!isGroup(input[j + 1])) return i;
    j += 2;
  }
  j += visLength(input, j);
  const head = input[j];
  const untilSemi = head !== undefined && !isGroup(head) && (SEMI_ITEMS.has(head.kind) && !isConstFn(input, j)
    || head.kind === TK.extern && isTok(input[j + 1], TK.crate));
  for (; j < input.length; j++) {
    const tt = input[j];
    if (isTok(tt, TK[';'])) return j + 1;
    if (!untilSemi && isGroup(tt) && tt.open.kind === TK['{']) return isTok(input[j + 1], TK[';']) ? j + 2 : j + 1;
  }
  return j;
}
