// CST → AST for the type layer: paths, types, bounds, generics and where clauses.
import type { TokenStream } from './lexer.js';
import { tokenText } from './lexer.js';
import type {
  Bound, GenericArgs, GenericParam, Generics, Name, Path, PathSegment, Range, TypeNode, WherePredicate,
} from './ast.js';
import type { CstNode } from './cst.js';
import { child, children, has, only } from './cst.js';

/** Byte range of tokens `[first, end)`; an empty range sits where its first token would start. */
export function spanOf(ts: TokenStream, first: number, end: number): Range {
  if (end > first) return [ts.starts[first], ts.ends[end - 1]];
  const at = first < ts.count ? ts.starts[first] : ts.count > 0 ? ts.ends[ts.count - 1] : 0;
  return [at, at];
}

export function nodeSpan(ts: TokenStream, node: CstNode): Range {
  return spanOf(ts, node.first, node.end);
}

/** A name token (or `$crate`); raw identifiers lose their `r#`. */
export function nameOf(ts: TokenStream, node: CstNode): Name {
  let text = '';
  for (let t = node.first; t < node.end; t++) text += tokenText(ts, t);
  if (text.startsWith('r#')) text = text.slice(2);
  return { text, span: nodeSpan(ts, node) };
}

// ---- paths ----

export function typePath(ts: TokenStream, node: CstNode): Path {
  return {
    global: node.kids[0]?.rule === 'path_sep',
    segments: children(node, 'path_seg').map((s) => pathSegment(ts, s)),
    span: nodeSpan(ts, node),
  };
}

export function simplePath(ts: TokenStream, node: CstNode): Path {
  return {
    global: node.kids[0]?.rule === 'path_sep',
    segments: children(node, 'path_ident').map((p) => ({ name: nameOf(ts, p) })),
    span: nodeSpan(ts, node),
  };
}

function pathSegment(ts: TokenStream, node: CstNode): PathSegment {
  const seg: PathSegment = { name: nameOf(ts, child(node, 'path_ident')!) };
  const args = child(node, 'generic_args_seg');
  if (args) seg.generics = genericArgs(ts, child(args, 'generic_args')!);
  const sugar = child(node, 'fn_sugar');
  if (sugar) {
    const list = child(sugar, 'type_list');
    const ret = child(sugar, 'fn_ret_nb');
    seg.fnArgs = { inputs: list ? typeList(ts, list) : [] };
    if (ret) seg.fnArgs.output = type(ts, child(ret, 'type_nb')!);
  }
  return seg;
}

export function genericArgs(ts: TokenStream, node: CstNode): GenericArgs {
  const out: GenericArgs = { args: [], bindings: [], other: [] };
  for (const arg of children(node, 'generic_arg')) {
    const a = only(arg);
    if (a.rule === 'type') out.args.push(type(ts, a));
    else if (a.rule === 'assoc_binding') {
      const binding: GenericArgs['bindings'][number] = { name: nameOf(ts, child(a, 'name')!) };
      const ty = child(a, 'type');
      const bounds = child(a, 'bounds');
      if (ty) binding.type = type(ts, ty);
      if (bounds) binding.bounds = boundList(ts, bounds);
      out.bindings.push(binding);
    } else out.other.push([a.first, a.end]);
  }
  return out;
}

// ---- types ----

function typeList(ts: TokenStream, node: CstNode): TypeNode[] {
  return children(node, 'type').map((t) => type(ts, t));
}

/** A `type` node or any of its alternatives. */
export function type(ts: TokenStream, node: CstNode): TypeNode {
  const span = nodeSpan(ts, node);
  switch (node.rule) {
    case 'type': {
      const more = child(node, 'more_bounds');
      return more ? boundedType(ts, node, more, span) : type(ts, only(node));
    }
    case 'type_nb': return type(ts, only(node));
    case 'paren_type': return type(ts, child(node, 'type')!);
    case 'path_type': return pathType(ts, child(node, 'type_path')!, span);
    case 'ref_type': {
      const lifetime = child(node, 'lifetime');
      const ref: TypeNode = { kind: 'ref', mutable: isMutRef(node), inner: type(ts, child(node, 'type_nb')!), span };
      if (lifetime) ref.lifetime = nameOf(ts, lifetime);
      return ref;
    }
    case 'ptr_type': return { kind: 'ptr', mutable: has(node, 'kw_mut'), inner: type(ts, child(node, 'type_nb')!), span };
    case 'tuple_type': return { kind: 'tuple', elems: typeList(ts, child(node, 'type_list')!), span };
    case 'slice_type': return { kind: 'slice', inner: type(ts, child(node, 'type')!), span };
    case 'array_type': {
      const len = child(node, 'array_len')!;
      return { kind: 'array', inner: type(ts, child(node, 'type')!), len: [len.first, len.end], span };
    }
    case 'never_type': return { kind: 'never', span };
    case 'fn_ptr_type': {
      const inputs = children(child(node, 'fn_ptr_params')!, 'fn_ptr_param')
        .map((p) => child(p, 'fn_ptr_arg'))
        .filter((a): a is CstNode => a !== undefined)
        .map((a) => type(ts, child(a, 'type')!));
      const ret = child(node, 'fn_ret_nb');
      const fn: TypeNode = { kind: 'fn', inputs, span };
      if (ret) fn.output = type(ts, child(ret, 'type_nb')!);
      return fn;
    }
    case 'impl_nb_type': return { kind: 'impl', bounds: [bound(ts, child(node, 'bound')!)], span };
    case 'dyn_nb_type': return { kind: 'dyn', bounds: [bound(ts, child(node, 'bound')!)], span };
    case 'for_bound_type': return { kind: 'dyn', bounds: [traitBound(ts, child(node, 'trait_bound')!, span)], span };
    case 'lifetime_led_type': {
      const lifetime = child(node, 'lifetime')!;
      const first: Bound = { kind: 'lifetime', name: nameOf(ts, lifetime), span: nodeSpan(ts, lifetime) };
      return { kind: 'dyn', bounds: [first, ...boundList(ts, child(node, 'more_bounds')!)], span };
    }
    case 'unsafe_binder_type': return type(ts, child(node, 'type_nb')!);
    case 'qpath_type': return { kind: 'path', path: qualifiedPath(ts, node), span };
    case 'macro_type': return { kind: 'macro', path: simplePath(ts, child(node, 'simple_path')!), span };
    default: return { kind: 'other', tokens: [node.first, node.end], span };
  }
}

/** `&mut T`, and the unstable `&pin mut T` (a `ref_type` or a `ref_self_param`). */
export function isMutRef(node: CstNode): boolean {
  const pin = child(node, 'pin_ref');
  return has(node, 'kw_mut') || (pin !== undefined && has(pin, 'kw_mut'));
}

/** `_` is an ordinary identifier token; as a lone path it is the inferred type. */
function pathType(ts: TokenStream, pathNode: CstNode, span: Range): TypeNode {
  const path = typePath(ts, pathNode);
  const [seg] = path.segments;
  if (path.segments.length === 1 && !path.global && seg.name.text === '_' && !seg.generics && !seg.fnArgs) {
    return { kind: 'infer', span };
  }
  return { kind: 'path', path, span };
}

/** `<T as Trait>::Assoc` and `<T>::Assoc`. */
function qualifiedPath(ts: TokenStream, node: CstNode): Path {
  const qselfNode = child(node, 'qself')!;
  const qself: NonNullable<Path['qself']> = { type: type(ts, child(qselfNode, 'type')!) };
  const trait = child(qselfNode, 'type_path');
  if (trait) qself.trait = typePath(ts, trait);
  return {
    global: false,
    qself,
    segments: children(node, 'path_seg').map((s) => pathSegment(ts, s)),
    span: nodeSpan(ts, node),
  };
}

/** `impl A + B`, `dyn A + B`, and edition-2015 `Box<Error + Send>`, a trait object without `dyn`. */
function boundedType(ts: TokenStream, node: CstNode, more: CstNode, span: Range): TypeNode {
  const head = type(ts, only(node));
  const rest = boundList(ts, more);
  if (head.kind === 'impl' || head.kind === 'dyn') return { kind: head.kind, bounds: [...head.bounds, ...rest], span };
  if (head.kind !== 'path') return { kind: 'other', tokens: [node.first, node.end], span };
  const first: Bound = { kind: 'trait', path: head.path, maybe: false, forLifetimes: [], span: head.span };
  return { kind: 'dyn', bounds: [first, ...rest], span };
}

// ---- bounds and generics ----

function boundList(ts: TokenStream, node: CstNode): Bound[] {
  return children(node, 'bound').map((b) => bound(ts, b));
}

function bound(ts: TokenStream, node: CstNode): Bound {
  const b = only(node);
  const span = nodeSpan(ts, node);
  switch (b.rule) {
    case 'lifetime': return { kind: 'lifetime', name: nameOf(ts, b), span };
    case 'use_bound': return { kind: 'use', span };
    case 'paren_bound': return traitBound(ts, child(b, 'trait_bound')!, span);
    default: return traitBound(ts, b, span);
  }
}

function traitBound(ts: TokenStream, node: CstNode, span: Range): Bound {
  return {
    kind: 'trait',
    path: typePath(ts, child(node, 'type_path')!),
    maybe: children(node, 'bound_modifier').some((m) => only(m).rule === 'question'),
    forLifetimes: children(node, 'for_lifetimes').flatMap((f) => forLifetimes(ts, f)),
    span,
  };
}

function forLifetimes(ts: TokenStream, node: CstNode): Name[] {
  return genericParams(ts, child(node, 'generic_params')!).map((p) => p.name);
}

function lifetimeBounds(ts: TokenStream, node: CstNode | undefined): Bound[] {
  if (!node) return [];
  return children(node, 'lifetime').map((l) => ({ kind: 'lifetime', name: nameOf(ts, l), span: nodeSpan(ts, l) }));
}

function genericParams(ts: TokenStream, node: CstNode | undefined): GenericParam[] {
  if (!node) return [];
  return children(node, 'generic_param').map((gp) => {
    const p = gp.kids[gp.kids.length - 1];
    const span = nodeSpan(ts, p);
    if (p.rule === 'lifetime_param') {
      return { kind: 'lifetime', name: nameOf(ts, child(p, 'lifetime')!), bounds: lifetimeBounds(ts, child(p, 'lifetime_bounds')), span };
    }
    const param: GenericParam = {
      kind: p.rule === 'const_param' ? 'const' : 'type',
      name: nameOf(ts, child(p, 'name')!),
      bounds: p.rule === 'type_param' ? optionalBounds(ts, p) : [],
      span,
    };
    const ty = child(p, 'type');
    if (ty) param.type = type(ts, ty);
    return param;
  });
}

/** The bounds after a `:` that may be empty or absent. */
export function optionalBounds(ts: TokenStream, node: CstNode): Bound[] {
  const b = child(node, 'bounds');
  return b ? boundList(ts, b) : [];
}

function wherePredicates(ts: TokenStream, clauses: CstNode[]): WherePredicate[] {
  const preds: WherePredicate[] = [];
  for (const clause of clauses) {
    for (const wp of children(clause, 'where_pred')) {
      const p = wp.kids[wp.kids.length - 1];
      if (p.rule === 'where_lifetime_pred') {
        preds.push({ forLifetimes: [], lifetime: nameOf(ts, child(p, 'lifetime')!), bounds: lifetimeBounds(ts, child(p, 'lifetime_bounds')) });
      } else {
        const fl = child(p, 'for_lifetimes');
        preds.push({ forLifetimes: fl ? forLifetimes(ts, fl) : [], type: type(ts, child(p, 'type')!), bounds: optionalBounds(ts, p) });
      }
    }
  }
  return preds;
}

/** Generic params of `node` plus every where clause among `whereHolders`' children. */
export function generics(ts: TokenStream, node: CstNode, whereHolders: CstNode[] = [node]): Generics {
  return {
    params: genericParams(ts, child(node, 'generic_params')),
    where: wherePredicates(ts, whereHolders.flatMap((h) => children(h, 'where_clause'))),
  };
}
