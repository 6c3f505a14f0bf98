// Runs one rule of the item grammar over a sub-range of the token string. A match depends on
// the token string only, and patterns and types repeat it a lot (`Some(x)` and `Ok(e)` are both
// `i(i)`), so successful matches are memoized by rule and string and re-based onto each range:
// on /work/crates (59 MB of real crates) this took pattern matching from 6.0 s to 1.6 s.
import { itemGrammar } from '../grammar.js';
import { cstOf, type CstNode } from '../cst.js';
import { matchError } from '../errors.js';
import { report, type Cursor } from './cursor.js';

/** Distinct strings memoized before the memo is dropped and refilled: a bound on its memory. */
const MEMO_LIMIT = 20000;
const memo = new Map<string, CstNode>();

/**
 * The tree of rule `rule` matching exactly `[first, end)`, with absolute token indices; on
 * failure records the grammar's error and returns undefined.
 */
export function matchRule(p: Cursor, rule: string, first: number, end: number): CstNode | undefined {
  const text = p.ts.text.slice(first, end);
  const key = `${rule} ${text}`;
  const known = memo.get(key);
  if (known) return rebased(known, first);
  let match;
  try {
    match = itemGrammar().match(text, rule);
  } catch {
    // ohm recurses per nesting level: absurdly deep input overflows its stack.
    report(p, first, 'syntax nested too deeply');
    return undefined;
  }
  const map = new Int32Array(end - first + 1);
  if (match.failed()) {
    for (let i = 0; i < map.length; i++) map[i] = first + i;
    p.errors.push(matchError(p.ts, match, map));
    p.failedAt = first + (match as unknown as { getRightmostFailurePosition(): number }).getRightmostFailurePosition();
    return undefined;
  }
  for (let i = 0; i < map.length; i++) map[i] = i;
  const tree = cstOf(match, map);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, tree);
  return rebased(tree, first);
}

function rebased(node: CstNode, by: number): CstNode {
  const kids: CstNode[] = [];
  for (const k of node.kids) kids.push(rebased(k, by));
  return { rule: node.rule, first: node.first + by, end: node.end + by, kids };
}
