// Entry points of the body parser: one block, one expression, or every body of a parsed file
// (fn bodies and params, const and static values, enum discriminants, in nested items too).
// Trees of a parsed file are attached to its items through weak maps, so the item AST stays
// as the item parser built it.
import type { TokenStream } from '../lexer.js';
import type { Item, ParsedFile, Param, SyntaxError, TokenRange, Variant } from '../ast.js';
import { matchDelimiters } from '../split.js';
import { delimiterPairsOf, parseItems } from '../parse.js';
import type { Block, Expr, FnBody, Pat } from './ast.js';
import { ABORT, found, report, spanFrom, type Cursor } from './cursor.js';
import { block } from './block.js';
import { expr } from './expr.js';
import { patternRange } from './patterns.js';

export interface BodyOptions {
  /** Build trivial patterns and plain-path types without the grammar (default true). */
  fastPaths?: boolean;
  /**
   * Keep the trees for `fnBodyOf`/`valueOf` (default true). A syntax check turns it off: a tree
   * kept lives as long as its file's AST, and on std the copying of those survivors was most of
   * the young-generation GC time.
   */
  keepTrees?: boolean;
}

const fnBodies = new WeakMap<Item, FnBody>();
const values = new WeakMap<Item | Variant, Expr>();

/** The params and body of a fn item, once `parseBodies` has run on its file. */
export function fnBodyOf(item: Item): FnBody | undefined {
  return fnBodies.get(item);
}

/** The value of a const or static item, or an enum variant's discriminant, once parsed. */
export function valueOf(node: Item | Variant): Expr | undefined {
  return values.get(node);
}

/** Parses the `{ … }` block `range`. Errors include unbalanced delimiters inside it. */
export function parseBlock(ts: TokenStream, range: TokenRange, options: BodyOptions = {}): { block: Block; errors: SyntaxError[] } {
  const delimiters = matchDelimiters(ts, range[0], range[1]);
  const p = cursor(ts, delimiters.partner, options);
  const b = blockIn(p, range);
  return { block: b, errors: sorted([...delimiters.errors, ...p.errors]) };
}

/** Parses `range` as one expression (a const initializer, a discriminant). */
export function parseExpr(ts: TokenStream, range: TokenRange, options: BodyOptions = {}): { expr: Expr; errors: SyntaxError[] } {
  const delimiters = matchDelimiters(ts, range[0], range[1]);
  const p = cursor(ts, delimiters.partner, options);
  const e = exprIn(p, range);
  return { expr: e, errors: sorted([...delimiters.errors, ...p.errors]) };
}

/**
 * Parses every body of `parsed` (the result of `parseFile(ts)`) and returns their syntax errors;
 * unbalanced delimiters are left to the item parser, which reported them already. Trees are
 * available from `fnBodyOf`/`valueOf`.
 */
export function parseBodies(ts: TokenStream, parsed: ParsedFile, options: BodyOptions = {}): SyntaxError[] {
  const p = cursor(ts, delimiterPairsOf(parsed) ?? matchDelimiters(ts, 0, ts.count).partner, options);
  walkItems(p, parsed.items, options.keepTrees ?? true);
  return sorted(p.errors);
}

function cursor(ts: TokenStream, partner: Int32Array, options: BodyOptions): Cursor {
  const p: Cursor = {
    ts, kinds: ts.kinds, starts: ts.starts, ends: ts.ends, partner,
    pos: 0, limit: 0, depth: 0, failedAt: 0, errors: [], fastPaths: options.fastPaths ?? true,
    items: (first, end) => {
      const nested = parseItems(ts, [first, end], { partner });
      p.errors.push(...nested.errors);
      walkItems(p, nested.items, true);
      return nested.items;
    },
  };
  return p;
}

function walkItems(p: Cursor, items: Item[], keep: boolean): void {
  for (const item of items) {
    switch (item.kind) {
      case 'fn':
        if (item.body) {
          const body = { params: item.params.map((param) => paramPattern(p, param)), block: blockIn(p, item.body) };
          if (keep) fnBodies.set(item, body);
        }
        break;
      case 'const': case 'static':
        if (item.value) {
          const value = exprIn(p, item.value);
          if (keep) values.set(item, value);
        }
        break;
      case 'enum':
        for (const v of item.variants) {
          if (!v.discriminant) continue;
          const value = exprIn(p, v.discriminant);
          if (keep) values.set(v, value);
        }
        break;
      case 'mod': case 'trait': case 'impl': case 'extern_block':
        if (item.items) walkItems(p, item.items, keep);
        break;
    }
  }
}

function paramPattern(p: Cursor, param: Param): Pat {
  const [first, end] = param.pattern;
  if (param.self) {
    const name = { text: 'self', span: [p.starts[first], p.ends[first]] as [number, number] };
    return { kind: 'ident', name, byRef: false, mutable: !param.self.ref && param.self.mutable, span: name.span };
  }
  if (end === first) return { kind: 'wild', span: param.span };
  return inRange(p, param.pattern, () => patternRange(p, first, end, false), () => ({ kind: 'error', span: param.span }));
}

function blockIn(p: Cursor, range: TokenRange): Block {
  const fallback = (): Block => ({ stmts: [], span: spanOfRange(p, range) });
  return inRange(p, range, () => {
    const b = block(p);
    if (p.pos < range[1]) report(p, p.pos, `expected end of block but found ${found(p, p.pos)}`);
    return b;
  }, fallback);
}

function exprIn(p: Cursor, range: TokenRange): Expr {
  return inRange(p, range, () => {
    const e = expr(p);
    if (p.pos < range[1]) report(p, p.pos, `expected end of expression but found ${found(p, p.pos)}`);
    return e;
  }, () => ({ kind: 'error', span: spanOfRange(p, range) }));
}

/**
 * Runs `parse` with the cursor on `range` and puts the cursor back afterwards: nested items are
 * parsed in the middle of their enclosing body. A syntax error that no statement caught, or
 * input nested deeper than the stack allows, yields `fallback()`.
 */
function inRange<T>(p: Cursor, range: TokenRange, parse: () => T, fallback: () => T): T {
  const { pos, limit, depth } = p;
  p.pos = range[0];
  p.limit = range[1];
  try {
    return parse();
  } catch (e) {
    if (e instanceof RangeError) report(p, range[0], 'syntax nested too deeply');
    else if (e !== ABORT) throw e;
    return fallback();
  } finally {
    p.pos = pos;
    p.limit = limit;
    p.depth = depth;
  }
}

function spanOfRange(p: Cursor, [first, end]: TokenRange): [number, number] {
  const { pos } = p;
  p.pos = end;
  const span = spanFrom(p, first);
  p.pos = pos;
  return span;
}

function sorted(errors: SyntaxError[]): SyntaxError[] {
  return errors.sort((a, b) => a.offset - b.offset);
}
