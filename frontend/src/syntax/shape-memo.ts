// Matches a rule of the item grammar over a piece of the token string, memoized by shape. A
// match depends only on the token string (one character per token kind: every identifier is the
// same character), and real code repeats shapes a lot: `pub fn new() -> Self {}` and
// `use a::b::c;` each stand for thousands of items, `Some(x)` and `Ok(e)` are both `i(i)`. So a
// successful match is kept as a tree over string positions and placed onto each token range that
// has the same string. On the std corpus 80% of the item grammar's input is a repeat.
import type { MatchResult } from 'ohm-js';
import { itemGrammar } from './grammar.js';
import { cstOf, NO_KIDS, type CstNode } from './cst.js';

/** Distinct strings memoized before the memo is dropped and refilled: a bound on its memory. */
const MEMO_LIMIT = 50000;
const memo = new Map<string, CstNode>();

export type ShapeMatch =
  | { ok: true; tree: CstNode }
  | { ok: false; failure: MatchResult }
  /** ohm recurses per nesting level: absurdly deep input overflows its stack. */
  | { ok: false; tooDeep: true };

/**
 * Rule `rule` over `text`. A tree's positions are string positions; `placeTree` takes them to
 * token indices.
 */
export function matchShape(rule: string, text: string): ShapeMatch {
  const key = `${rule} ${text}`;
  const known = memo.get(key);
  if (known) return { ok: true, tree: known };
  let match: MatchResult;
  try {
    match = matchOnce(rule, text);
  } catch {
    return { ok: false, tooDeep: true };
  }
  if (match.failed()) return { ok: false, failure: match };
  const tree = cstOf(match, identity(text.length + 1));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, tree);
  return { ok: true, tree };
}

interface OhmMatcher {
  setInput(text: string): OhmMatcher;
  _getStartExpr(rule: string): unknown;
  _match(startExpr: unknown, options: { incremental: boolean }): MatchResult;
}

const startExprs = new Map<string, unknown>();

/**
 * `grammar.match(text, rule)` without parsing the start rule's name each time: ohm 17.5 (the
 * pinned version) runs a match of its own meta-grammar for that, a third of the cost of matching
 * a short item. Uses the Matcher's internal `_getStartExpr` and `_match`, as cst.ts uses `_cst`.
 */
function matchOnce(rule: string, text: string): MatchResult {
  const matcher = itemGrammar().matcher() as unknown as OhmMatcher;
  let start = startExprs.get(rule);
  if (start === undefined) {
    start = matcher._getStartExpr(rule);
    startExprs.set(rule, start);
  }
  return matcher.setInput(text)._match(start, { incremental: false });
}

/** Forgets every memoized shape (benchmarks use it to measure cold runs in one process). */
export function clearShapeMemo(): void {
  memo.clear();
}

/** A copy of `node` with string positions taken through `map` (string position → token index). */
export function placeTree(node: CstNode, map: Int32Array): CstNode {
  const n = node.kids.length;
  let kids = NO_KIDS;
  if (n > 0) {
    // Sized up front: pushing into [] over-allocates, and `map` would need a closure per node.
    kids = new Array<CstNode>(n);
    for (let i = 0; i < n; i++) kids[i] = placeTree(node.kids[i], map);
  }
  const first = map[node.first];
  const end = node.end > node.first ? map[node.end - 1] + 1 : first;
  return { rule: node.rule, first, end, kids };
}

/** A copy of `node` shifted by `by` token indices: the tree of a string read straight off the stream. */
export function shiftTree(node: CstNode, by: number): CstNode {
  const n = node.kids.length;
  let kids = NO_KIDS;
  if (n > 0) {
    kids = new Array<CstNode>(n);
    for (let i = 0; i < n; i++) kids[i] = shiftTree(node.kids[i], by);
  }
  return { rule: node.rule, first: node.first + by, end: node.end + by, kids };
}

let identityMap = new Int32Array(0);

function identity(length: number): Int32Array {
  if (identityMap.length < length) {
    identityMap = new Int32Array(Math.max(length, identityMap.length * 2));
    for (let i = 0; i < identityMap.length; i++) identityMap[i] = i;
  }
  return identityMap;
}
