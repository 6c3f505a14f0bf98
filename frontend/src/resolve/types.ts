// Refs inside types, bounds and generics: the signature-level references of an item.
import type { RefRole } from '../../../schema/src/index.js';
import { descriptor } from '../../../schema/src/index.js';
import type { Bound, Generics, GenericArgs, Path, TokenRange, TypeNode } from '../syntax/ast.js';
import { tokenText } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import type { DefInfo, ItemRecordDraft, LexicalScope, Place } from './model.js';
import { addDef } from './collect.js';
import { resolvePath, unalias } from './paths.js';
import { emitPathRefs } from './refs.js';
import { builtinType } from './builtins.js';

/** Declares an item's generic params as defs of its record and returns the scope they open. */
export function genericsScope(place: Place, record: ItemRecordDraft, generics: Generics | undefined, parent: LexicalScope, owner?: DefInfo): LexicalScope {
  const lex: LexicalScope = { module: parent.module, generics: new Map(), selfType: parent.selfType, selfTrait: parent.selfTrait, parent };
  if (!generics) return lex;
  const ownerId = owner?.def.id ?? record.id;
  for (const p of generics.params) {
    const d = addDef(place, record, {
      id: ownerId + descriptor(p.kind === 'lifetime' ? p.name.text.replace(/^'/, '') : p.name.text, 'type_param'),
      kind: p.kind === 'lifetime' ? 'lifetime' : 'generic_param', name: p.name.text,
      qualname: `${owner?.def.qualname ?? record.id}::${p.name.text}`, span: p.span, nameSpan: p.name.span,
      vis: 'private', ns: 'type', parent: owner,
    });
    lex.generics.set(p.name.text, d);
  }
  return lex;
}

/**
 * Refs of the bounds, param types and where clauses of generics, once `genericsScope` declared
 * them. A bound `T: Trait` (a where clause may bound a param of an enclosing impl) lets
 * `x.method()` and `T::item` on a `T` reach the trait's items.
 */
export function genericsRefs(generics: Generics | undefined, lex: LexicalScope, record: ItemRecordDraft): void {
  if (!generics) return;
  for (const p of generics.params) {
    addTraits(lex.generics.get(p.name.text), boundsRefs(p.bounds, lex, record));
    if (p.type) typeRefs(p.type, lex, record);
  }
  for (const w of generics.where) {
    if (w.type) typeRefs(w.type, lex, record);
    const traits = boundsRefs(w.bounds, lex, record);
    const bounded = w.type?.kind === 'path' && !w.type.path.qself && w.type.path.segments.length === 1 ? w.type.path.segments[0].name.text : undefined;
    if (bounded !== undefined) addTraits(genericNamed(bounded, lex), traits);
  }
}

/** Refs of trait bounds; returns the traits they name. */
export function boundsRefs(bounds: Bound[], lex: LexicalScope, record: ItemRecordDraft): DefInfo[] {
  const traits: DefInfo[] = [];
  for (const b of bounds) {
    if (b.kind !== 'trait') continue;
    const t = pathRefs(b.path, lex, record, 'type', true)[0];
    if (t) traits.push(unalias(t));
  }
  return traits;
}

function genericNamed(name: string, lex: LexicalScope): DefInfo | undefined {
  for (let l: LexicalScope | undefined = lex; l; l = l.parent) {
    const g = l.generics.get(name);
    if (g) return g;
  }
  return undefined;
}

function addTraits(param: DefInfo | undefined, traits: DefInfo[]): void {
  if (!param) return;
  for (const t of traits) if (!param.traits.includes(t)) param.traits.push(t);
}

/** `whole`: the path is linked as a whole (a trait in a bound or impl header), see `emitPathRefs`. */
export function pathRefs(path: Path, lex: LexicalScope, record: ItemRecordDraft, role: RefRole, whole = false): DefInfo[] {
  if (path.qself) {
    typeRefs(path.qself.type, lex, record);
    if (path.qself.trait) pathRefs(path.qself.trait, lex, record, 'type');
  }
  const segs = resolvePath(path, lex, role === 'call' || role === 'read' ? 'value' : role === 'macro' ? 'macro' : 'type');
  emitPathRefs(record, path, segs, role, whole ? 0 : undefined);
  for (const seg of path.segments) {
    if (seg.generics) genericArgsRefs(seg.generics, lex, record);
    if (seg.fnArgs) {
      for (const t of seg.fnArgs.inputs) typeRefs(t, lex, record);
      if (seg.fnArgs.output) typeRefs(seg.fnArgs.output, lex, record);
    }
  }
  return segs.length === path.segments.length ? segs.at(-1) ?? [] : [];
}

function genericArgsRefs(g: GenericArgs, lex: LexicalScope, record: ItemRecordDraft): void {
  for (const a of g.args) typeRefs(a, lex, record);
  for (const b of g.bindings) {
    if (b.type) typeRefs(b.type, lex, record);
    if (b.bounds) boundsRefs(b.bounds, lex, record);
  }
}

export function typeRefs(t: TypeNode, lex: LexicalScope, record: ItemRecordDraft): void {
  switch (t.kind) {
    case 'path':
      pathRefs(t.path, lex, record, 'type');
      return;
    case 'array':
      typeRefs(t.inner, lex, record);
      lengthRefs(t.len, lex, record);
      return;
    case 'ref':
    case 'ptr':
    case 'slice':
      typeRefs(t.inner, lex, record);
      return;
    case 'tuple':
      for (const e of t.elems) typeRefs(e, lex, record);
      return;
    case 'fn':
      for (const e of t.inputs) typeRefs(e, lex, record);
      if (t.output) typeRefs(t.output, lex, record);
      return;
    case 'impl':
    case 'dyn':
      boundsRefs(t.bounds, lex, record);
      return;
    case 'macro':
      pathRefs(t.path, lex, record, 'macro');
      return;
  }
}

/**
 * The length of `[T; LEN]` when it is a path (`N`, `Self::CAP`, `u8::MAX`): a value ref. Other
 * expressions there are rare enough to leave unresolved.
 */
function lengthRefs([first, end]: TokenRange, lex: LexicalScope, record: ItemRecordDraft): void {
  const ts = record.file.ts;
  const segments: Path['segments'] = [];
  for (let t = first; t < end; t += 2) {
    const k = ts.kinds[t];
    if (k !== TK.Ident && k !== TK.Self) return;
    if (t + 1 < end && ts.kinds[t + 1] !== TK['::']) return;
    segments.push({ name: { text: tokenText(ts, t), span: [ts.starts[t], ts.ends[t]] } });
  }
  if (segments.length === 0) return;
  const path: Path = { global: false, segments, span: [segments[0].name.span[0], segments.at(-1)!.name.span[1]] };
  emitPathRefs(record, path, resolvePath(path, lex, 'value'), 'read');
}

/**
 * The def a type names, looking through references and smart pointers to the pointee's def
 * (method calls auto-deref them); raw pointers, slices and arrays are the std table's builtin
 * types, whose methods are their own.
 */
export function typeDef(t: TypeNode | undefined, lex: LexicalScope): DefInfo | undefined {
  if (!t) return undefined;
  if (t.kind === 'ref') return typeDef(t.inner, lex);
  if (t.kind === 'ptr') return builtinType(lex.module.crate, t.mutable ? 'mut_ptr' : 'const_ptr');
  if (t.kind === 'slice' || t.kind === 'array') return builtinType(lex.module.crate, t.kind);
  if (t.kind !== 'path') return undefined;
  const last = t.path.segments.at(-1);
  if (last && DEREF_WRAPPERS.has(last.name.text) && last.generics?.args.length) return typeDef(last.generics.args[0], lex);
  if (last?.name.text === 'Self' && t.path.segments.length === 1) return lex.selfType;
  const segs = resolvePath(t.path, lex, 'type');
  const defs = segs.length === t.path.segments.length ? segs.at(-1) : undefined;
  if (!defs || defs.length === 0) return undefined;
  const d = unalias(defs[0]);
  if (d.def.kind === 'type_alias' && d.declaredType) return typeDef(d.declaredType.type, d.declaredType.scope);
  return d;
}

/** Types whose methods and fields are reached through Deref: look at what they hold. */
const DEREF_WRAPPERS = new Set(['Box', 'Rc', 'Arc', 'Cow', 'Pin', 'ManuallyDrop']);
