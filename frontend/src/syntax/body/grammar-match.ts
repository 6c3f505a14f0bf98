// Runs one rule of the item grammar over a sub-range of the token string, through the shape
// memo: patterns and types repeat a lot (`Some(x)` and `Ok(e)` are both `i(i)`); on
// /work/crates (59 MB of real crates) memoizing took pattern matching from 6.0 s to 1.6 s.
import { matchShape, shiftTree } from '../shape-memo.js';
import type { CstNode } from '../cst.js';
import { matchError } from '../errors.js';
import { report, type Cursor } from './cursor.js';

/**
 * The tree of rule `rule` matching exactly `[first, end)`, with absolute token indices; on
 * failure records the grammar's error and returns undefined.
 */
export function matchRule(p: Cursor, rule: string, first: number, end: number): CstNode | undefined {
  const found = matchShape(rule, p.ts.text.slice(first, end));
  if (found.ok) return shiftTree(found.tree, first);
  if ('tooDeep' in found) {
    report(p, first, 'syntax nested too deeply');
    return undefined;
  }
  const map = new Int32Array(end - first + 1);
  for (let i = 0; i < map.length; i++) map[i] = first + i;
  p.errors.push(matchError(p.ts, found.failure, map));
  p.failedAt = first + (found.failure as unknown as { getRightmostFailurePosition(): number }).getRightmostFailurePosition();
  return undefined;
}
