// CST → AST for items, fields, variants, params and use trees. Bodies of mods, traits, impls and
// extern blocks come back through `parseBody`, which splits and parses their items one by one.
import type { TokenStream } from './lexer.js';
import { tokenText } from './lexer.js';
import type {
  Attribute, Field, FieldsShape, Item, Param, Path, TokenRange, UseTree, Variant,
} from './ast.js';
import type { CstNode } from './cst.js';
import { child, children, has, only } from './cst.js';
import { attrsAndDocs } from './docs.js';
import { generics, isMutRef, nameOf, nodeSpan, optionalBounds, simplePath, spanOf, type, typePath } from './build-types.js';
import { columnOf } from './split.js';
import { TK } from './tokens.js';

export interface BodyItems {
  items: Item[];
  innerAttrs: Attribute[];
  innerDocs?: string;
}

export interface ItemContext {
  ts: TokenStream;
  partner: Int32Array;
  /** Splits and parses the items of `[first, end)`, the inside of a body. */
  parseBody(first: number, end: number): BodyItems;
}

type Common = { attrs: Attribute[]; docs?: string; vis: string; span: [number, number]; tokens: TokenRange };

/** The item matched by the grammar's `item` rule over tokens `[first, end)`. */
export function buildItem(ctx: ItemContext, root: CstNode, first: number, end: number): Item {
  const { ts } = ctx;
  const [attrsNode, kindNode] = root.kids;
  const node = only(kindNode);
  const visNode = child(node, 'vis');
  const common: Common = {
    ...attrsAndDocs(ts, ctx.partner, attrsNode.first, attrsNode.end),
    vis: visNode ? visibility(ts, visNode) : 'private',
    span: spanOf(ts, first, end),
    tokens: [first, end],
  };
  const name = () => nameOf(ts, child(node, 'name')!);
  switch (node.rule) {
    case 'fn_item': return fnItem(ctx, node, common);
    case 'mod_item': {
      const body = child(node, 'brace_group');
      if (!body) return { ...common, kind: 'mod', name: name(), innerAttrs: [] };
      const inside = parseInside(ctx, body, first);
      const mod: Item = { ...common, kind: 'mod', name: name(), items: inside.items, innerAttrs: inside.innerAttrs };
      if (inside.innerDocs !== undefined) mod.innerDocs = inside.innerDocs;
      return mod;
    }
    case 'use_item': return { ...common, kind: 'use', tree: useTree(ts, child(node, 'use_tree')!) };
    case 'extern_crate_item': {
      const names = children(node, 'name');
      const item: Item = { ...common, kind: 'extern_crate', name: nameOf(ts, child(node, 'kw_self') ?? names[0]) };
      if (has(node, 'kw_as')) item.rename = nameOf(ts, names[names.length - 1]);
      return item;
    }
    case 'struct_item': {
      const body = node.kids[node.kids.length - 1];
      return { ...common, kind: 'struct', name: name(), generics: generics(ts, node, [body]), fields: structFields(ctx, body) };
    }
    case 'union_item':
      return { ...common, kind: 'union', name: name(), generics: generics(ts, node), fields: fieldsShape(ctx, child(node, 'named_fields')) };
    case 'enum_item':
      return { ...common, kind: 'enum', name: name(), generics: generics(ts, node), variants: children(node, 'variant').map((v) => variant(ctx, v)) };
    case 'trait_item': case 'trait_alias_item': {
      const body = child(node, 'brace_group');
      return {
        ...common, kind: 'trait', name: name(), generics: generics(ts, node), supertraits: optionalBounds(ts, node),
        items: body ? parseInside(ctx, body, first).items : [], unsafe: has(node, 'kw_unsafe'), auto: has(node, 'kw_auto'),
      };
    }
    case 'impl_item': return implItem(ctx, node, common, first);
    case 'const_item': case 'static_item': {
      const value = child(node, 'const_value');
      const item: Item = {
        ...common, kind: node.rule === 'const_item' ? 'const' : 'static', name: name(),
        type: type(ts, child(node, 'type')!), mutable: has(node, 'kw_mut'),
      };
      if (value) item.value = [value.first + 1, value.end];
      return item;
    }
    case 'const_block_item': {
      // Named `_` like `const _: () = { … };`, which it means.
      const kw = child(node, 'kw_const')!;
      const block = child(node, 'brace_group')!;
      return { ...common, kind: 'const', name: { text: '_', span: nodeSpan(ts, kw) }, value: [block.first, block.end], mutable: false };
    }
    case 'type_item': {
      const value = child(node, 'type');
      const item: Item = { ...common, kind: 'type', name: name(), generics: generics(ts, node), bounds: optionalBounds(ts, node) };
      if (value) item.value = type(ts, value);
      return item;
    }
    case 'macro_rules_item': {
      const body = child(node, 'delimited')!;
      return { ...common, kind: 'macro_rules', name: name(), body: [body.first, body.end] };
    }
    case 'macro_item': {
      const from = child(node, 'paren_group') ?? child(node, 'brace_group')!;
      return { ...common, kind: 'macro_rules', name: name(), body: [from.first, node.end] };
    }
    case 'macro_call_item': {
      const args = child(node, 'delimited')!;
      return { ...common, kind: 'macro_call', path: simplePath(ts, child(node, 'simple_path')!), args: [args.first, args.end] };
    }
    case 'extern_block_item': {
      const abi = child(node, 'str_tok');
      const item: Item = { ...common, kind: 'extern_block', items: parseInside(ctx, child(node, 'brace_group')!, first).items };
      if (abi) item.abi = abiName(ts, abi);
      return item;
    }
    default: throw new Error(`item rule without a builder: ${node.rule}`);
  }
}

function fnItem(ctx: ItemContext, node: CstNode, common: Common): Item {
  const { ts } = ctx;
  const qualifiers: string[] = [];
  let abi: string | undefined;
  for (const q of children(node, 'fn_qual')) {
    const k = only(q);
    if (k.rule === 'extern_abi') {
      qualifiers.push('extern');
      const s = child(k, 'str_tok');
      if (s) abi = abiName(ts, s);
    } else qualifiers.push(tokenText(ts, k.first));
  }
  const params = children(child(node, 'fn_params')!, 'fn_param').map((p) => param(ts, p));
  const ret = child(node, 'fn_ret');
  const body = child(node, 'brace_group');
  const sigEnd = (child(node, 'where_clause') ?? body ?? child(node, 'semi')!).first;
  const fn: Item = {
    ...common, kind: 'fn', name: nameOf(ts, child(node, 'name')!), generics: generics(ts, node), params, qualifiers,
    signature: signatureText(ts, node.first, sigEnd),
  };
  if (ret) fn.ret = type(ts, child(ret, 'type')!);
  if (abi !== undefined) fn.abi = abi;
  if (body) fn.body = [body.first, body.end];
  return fn;
}

function implItem(ctx: ItemContext, node: CstNode, common: Common, itemFirst: number): Item {
  const { ts } = ctx;
  const head = child(node, 'impl_trait_head');
  const selfType = type(ts, head ? child(head, 'type')! : child(node, 'type')!);
  const impl: Item = {
    ...common, kind: 'impl', generics: generics(ts, node), negative: head ? has(head, 'bang') : false, selfType,
    items: parseInside(ctx, child(node, 'brace_group')!, itemFirst).items, unsafe: has(node, 'kw_unsafe'),
  };
  if (head) impl.trait = typePath(ts, child(head, 'type_path')!);
  return impl;
}

function param(ts: TokenStream, node: CstNode): Param {
  const p = node.kids[node.kids.length - 1];
  const span = nodeSpan(ts, p);
  switch (p.rule) {
    case 'ref_self_param': case 'value_self_param': {
      const self = child(p, 'kw_self')!;
      const selfParam: NonNullable<Param['self']> = { ref: p.rule === 'ref_self_param', mutable: isMutRef(p), span };
      const ty = child(p, 'type');
      if (ty) selfParam.type = type(ts, ty);
      return { pattern: [self.first, self.end], self: selfParam, span };
    }
    case 'variadic_param': {
      const pat = child(p, 'pattern');
      return { pattern: pat ? [pat.first, pat.end] : [p.first, p.first], span };
    }
    case 'anon_param': return { pattern: [p.first, p.first], type: type(ts, child(p, 'type')!), span };
    default: {
      const pat = child(p, 'pattern')!;
      return { pattern: [pat.first, pat.end], type: type(ts, child(p, 'type')!), span };
    }
  }
}

function structFields(ctx: ItemContext, body: CstNode): FieldsShape {
  if (body.rule === 'named_struct_body') return fieldsShape(ctx, child(body, 'named_fields'));
  if (body.rule === 'tuple_struct_body') return fieldsShape(ctx, child(body, 'tuple_fields'));
  return { kind: 'unit', fields: [] };
}

function fieldsShape(ctx: ItemContext, node: CstNode | undefined): FieldsShape {
  if (!node) return { kind: 'unit', fields: [] };
  const named = node.rule === 'named_fields';
  const fields = children(node, named ? 'named_field' : 'tuple_field').map((f, index) => {
    const field: Field = {
      index,
      vis: visibilityOf(ctx.ts, f),
      type: type(ctx.ts, child(f, 'type')!),
      ...attrsAndDocs(ctx.ts, ctx.partner, f.kids[0].first, f.kids[0].end),
      span: nodeSpan(ctx.ts, f),
    };
    if (named) field.name = nameOf(ctx.ts, child(f, 'name')!);
    return field;
  });
  return { kind: named ? 'named' : 'tuple', fields };
}

function variant(ctx: ItemContext, node: CstNode): Variant {
  const shapeNode = child(node, 'named_fields') ?? child(node, 'tuple_fields');
  const v: Variant = {
    name: nameOf(ctx.ts, child(node, 'name')!),
    fields: fieldsShape(ctx, shapeNode),
    ...attrsAndDocs(ctx.ts, ctx.partner, node.kids[0].first, node.kids[0].end),
    span: nodeSpan(ctx.ts, node),
  };
  const disc = child(node, 'discriminant');
  if (disc) v.discriminant = [disc.first + 1, disc.end];
  return v;
}

// ---- use trees ----

function useTree(ts: TokenStream, node: CstNode): UseTree {
  const t = only(node);
  const span = nodeSpan(ts, t);
  if (t.rule === 'use_path') {
    const names = children(t, 'name');
    const tree: UseTree = { kind: 'path', path: simplePath(ts, child(t, 'simple_path')!), span };
    if (names.length > 0) tree.rename = tokenText(ts, names[0].first) === '_' ? '_' : nameOf(ts, names[0]);
    return tree;
  }
  const prefix = usePrefix(ts, child(t, 'use_prefix'), t.first);
  if (t.rule === 'use_glob') return { kind: 'glob', prefix, span };
  return { kind: 'group', prefix, children: children(t, 'use_tree').map((c) => useTree(ts, c)), span };
}

/** `a::b::` before `*` or `{…}`; a lone `::` is the global root, no prefix is the empty path. */
function usePrefix(ts: TokenStream, node: CstNode | undefined, at: number): Path {
  if (!node) return { global: false, segments: [], span: spanOf(ts, at, at) };
  const path = child(node, 'simple_path');
  if (path) return simplePath(ts, path);
  return { global: true, segments: [], span: nodeSpan(ts, node) };
}

// ---- small pieces ----

function visibilityOf(ts: TokenStream, node: CstNode): string {
  const vis = child(node, 'vis');
  return vis ? visibility(ts, vis) : 'private';
}

function visibility(ts: TokenStream, node: CstNode): string {
  const scope = child(node, 'vis_scope');
  if (!scope) return 'pub';
  const inner = only(scope);
  if (inner.rule === 'vis_scope_in') {
    const path = child(inner, 'simple_path')!;
    let text = '';
    for (let t = path.first; t < path.end; t++) text += tokenText(ts, t);
    return `pub(in ${text})`;
  }
  return `pub(${tokenText(ts, inner.first + 1)})`;
}

function abiName(ts: TokenStream, node: CstNode): string {
  return tokenText(ts, node.first).replace(/^r?#*"|"#*$/g, '');
}

/** Token texts with one space wherever the source had whitespace or a comment between them. */
function signatureText(ts: TokenStream, first: number, end: number): string {
  let s = '';
  for (let t = first; t < end; t++) {
    if (t > first && ts.starts[t] > ts.ends[t - 1]) s += ' ';
    s += tokenText(ts, t);
  }
  return s;
}

/**
 * The items inside a `{ … }` body. When the splitter cut the item at an unclosed `{`, the body
 * runs to the item's end; its last `}` is taken as the body's own closer when it is lined up
 * with the item (see split.ts).
 */
function parseInside(ctx: ItemContext, body: CstNode, itemFirst: number): BodyItems {
  const { ts, partner } = ctx;
  const last = body.end - 1;
  const closed = partner[body.first] === last
    || (ts.kinds[last] === TK['}'] && last > body.first && columnOf(ts, last) <= columnOf(ts, itemFirst));
  return ctx.parseBody(body.first + 1, closed ? last : body.end);
}
