// Patterns have one definition, the `pat_*` rules at the end of items.ohm. The body parser finds
// where a pattern ends (the token that must follow it: `=`, `=>`, `in`, `|`…), matches that
// sub-range of the token string, and builds `Pat` from the tree here. Trivial patterns (`x`,
// `mut x`, `ref x`, `_`), most of those in real code, are built without the grammar.
import type { Name, Path, PathSegment } from '../ast.js';
import { child, children, has, only, type CstNode } from '../cst.js';
import { genericArgs, nameOf, nodeSpan, simplePath, type, typePath } from '../build-types.js';
import { TK } from '../tokens.js';
import type { FieldPat, LitKind, Pat } from './ast.js';
import { ABORT, isNameKind, isUnderscore, nameAt, type Cursor } from './cursor.js';
import { matchRule } from './grammar-match.js';
import { blockAt } from './block.js';

/**
 * The pattern that is exactly `[first, end)`. `top` allows `|` alternatives at its top level
 * (let, match arms, for, if-let), which closure and fn params do not. A malformed pattern
 * aborts its statement: what follows it was found by where the pattern should end.
 */
export function patternRange(p: Cursor, first: number, end: number, top: boolean): Pat {
  if (p.fastPaths) {
    const trivial = trivialPattern(p, first, end);
    if (trivial) return trivial;
  }
  const node = matchRule(p, top ? 'pat_top' : 'pat', first, end);
  if (!node) throw ABORT;
  return pattern(p, node);
}

function tokenSpan(p: Cursor, first: number, end: number): [number, number] {
  return [p.starts[first], p.ends[end - 1]];
}

/** `x`, `mut x`, `ref x`, `ref mut x`, `_`: built exactly as the grammar path would build them. */
function trivialPattern(p: Cursor, first: number, end: number): Pat | undefined {
  let t = first;
  const byRef = t < end && p.kinds[t] === TK.ref;
  if (byRef) t++;
  const mutable = t < end && p.kinds[t] === TK.mut;
  if (mutable) t++;
  if (t !== end - 1 || !isNameKind(p.kinds[t])) return undefined;
  const span = tokenSpan(p, first, end);
  if (!byRef && !mutable && isUnderscore(p, t)) return { kind: 'wild', span };
  return { kind: 'ident', name: nameAt(p, t), byRef, mutable, span };
}

// ---- CST → Pat ----

function pattern(p: Cursor, node: CstNode): Pat {
  const { ts } = p;
  const span = nodeSpan(ts, node);
  switch (node.rule) {
    case 'pat_top': {
      const alts = children(node, 'pat').map((a) => pattern(p, a));
      return alts.length === 1 ? alts[0] : { kind: 'or', alts, span };
    }
    case 'pat': case 'pat_range': case 'pat_path': return pattern(p, only(node));
    case 'pat_range_closed': case 'pat_range_half_open': case 'pat_range_from': case 'pat_range_to': {
      const ends = children(node, 'pat_range_end').map((e) => rangeEnd(p, e));
      const inclusive = has(node, 'dotdoteq') || has(node, 'dotdotdot');
      if (node.rule === 'pat_range_to') return { kind: 'range', end: ends[0], inclusive, span };
      if (node.rule === 'pat_range_from') return { kind: 'range', start: ends[0], inclusive, span };
      return { kind: 'range', start: ends[0], end: ends[1], inclusive, span };
    }
    case 'pat_ref': return { kind: 'ref', mutable: has(node, 'kw_mut'), inner: pattern(p, child(node, 'pat')!), span };
    case 'pat_box': return { kind: 'box', inner: pattern(p, child(node, 'pat')!), span };
    case 'pat_paren': return pattern(p, child(node, 'pat_top')!);
    case 'pat_tuple': return { kind: 'tuple', elems: patList(p, child(node, 'pat_list')!), span };
    case 'pat_slice': return { kind: 'slice', elems: patList(p, child(node, 'pat_list')!), span };
    case 'pat_const_block': {
      const group = child(node, 'brace_group')!;
      return { kind: 'const_block', block: blockAt(p, group.first, group.end), span };
    }
    case 'pat_macro': {
      const args = child(node, 'delimited')!;
      return { kind: 'macro', path: simplePath(ts, child(node, 'simple_path')!), args: [args.first, args.end], span };
    }
    case 'pat_tuple_struct':
      return { kind: 'tuple_struct', path: patPath(p, child(node, 'pat_path')!), elems: patList(p, child(node, 'pat_list')!), span };
    case 'pat_struct': {
      const fields: FieldPat[] = [];
      let rest = false;
      for (const f of children(node, 'pat_field')) {
        const field = f.kids[f.kids.length - 1];
        if (field.rule === 'pat_field_rest') rest = true;
        else fields.push(fieldPattern(p, field));
      }
      return { kind: 'struct', path: patPath(p, child(node, 'pat_path')!), fields, rest, span };
    }
    case 'pat_ident': {
      const name = nameOf(ts, child(node, 'name')!);
      const byRef = has(node, 'kw_ref');
      const mutable = has(node, 'kw_mut');
      const sub = child(node, 'pat');
      if (!sub && !byRef && !mutable && name.text === '_') return { kind: 'wild', span };
      const ident: Pat = { kind: 'ident', name, byRef, mutable, span };
      if (sub) ident.sub = pattern(p, sub);
      return ident;
    }
    case 'pat_qpath': case 'pat_path_expr': return { kind: 'path', path: patPath(p, node), span };
    case 'pat_lit': return literal(p, only(node));
    case 'pat_rest': return { kind: 'rest', span };
    default: return { kind: 'error', span };
  }
}

function patList(p: Cursor, node: CstNode): Pat[] {
  return children(node, 'pat_top').map((e) => pattern(p, e));
}

function rangeEnd(p: Cursor, node: CstNode): Pat {
  const end = only(node);
  if (end.rule === 'signed_literal') return literal(p, end);
  if (end.rule === 'pat_const_block') return pattern(p, end);
  return { kind: 'path', path: patPath(p, end), span: nodeSpan(p.ts, end) };
}

function fieldPattern(p: Cursor, node: CstNode): FieldPat {
  const span = nodeSpan(p.ts, node);
  if (node.rule === 'pat_field_named') {
    const nameNode = child(node, 'name') ?? child(node, 'int_tok')!;
    return { name: nameOf(p.ts, nameNode), pat: pattern(p, child(node, 'pat_top')!), shorthand: false, span };
  }
  const name: Name = nameOf(p.ts, child(node, 'name')!);
  const first = has(node, 'kw_box') ? node.first + 1 : node.first;
  const binding: Pat = {
    kind: 'ident', name, byRef: has(node, 'kw_ref'), mutable: has(node, 'kw_mut'), span: tokenSpan(p, first, node.end),
  };
  const pat: Pat = has(node, 'kw_box') ? { kind: 'box', inner: binding, span } : binding;
  return { name, pat, shorthand: true, span };
}

/** `-1`, `'a'`, `true`: the tokens of a `signed_literal` node. */
function literal(p: Cursor, node: CstNode): Pat {
  const negative = p.kinds[node.first] === TK['-'];
  return { kind: 'lit', lit: litKind(p.kinds[node.end - 1]), negative, span: nodeSpan(p.ts, node) };
}

export function litKind(kind: number): LitKind {
  switch (kind) {
    case TK.Int: return 'int';
    case TK.Float: return 'float';
    case TK.Str: return 'str';
    case TK.Char: return 'char';
    default: return 'bool';
  }
}

/** A `pat_path`, `pat_qpath` or `pat_path_expr` node: paths in expression form, generic args after `::`. */
function patPath(p: Cursor, pathNode: CstNode): Path {
  const { ts } = p;
  const node = pathNode.rule === 'pat_path' ? only(pathNode) : pathNode;
  const segments: PathSegment[] = children(node, 'pat_path_seg').map((s) => {
    const seg: PathSegment = { name: nameOf(ts, child(s, 'path_ident')!) };
    const args = child(s, 'generic_args');
    if (args) seg.generics = genericArgs(ts, args);
    return seg;
  });
  const path: Path = { global: node.kids[0]?.rule === 'path_sep', segments, span: nodeSpan(ts, node) };
  const qself = child(node, 'qself');
  if (qself) {
    path.qself = { type: type(ts, child(qself, 'type')!) };
    const trait = child(qself, 'type_path');
    if (trait) path.qself.trait = typePath(ts, trait);
  }
  return path;
}
