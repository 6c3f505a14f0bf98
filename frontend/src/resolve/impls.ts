// Impl blocks, item-level macro calls and the other items named only after imports resolve.
// Impls attach their items to the self type so `Type::item` and `x.method()` can find them.
import { descriptor, implDescriptor } from '../../../schema/src/index.js';
import type { Item, TypeNode } from '../syntax/ast.js';
import type { CrateCtx, DefInfo, ItemRecordDraft, LexicalScope, Place } from './model.js';
import { addMember } from './model.js';
import { bind, collectMembers, moduleIdPrefix, moduleQualname, newRecord, typeText } from './collect.js';
import { resolvePath, unalias } from './paths.js';
import { genericsScope } from './types.js';
import { builtinType } from './builtins.js';

export interface ImplInfo {
  record: ItemRecordDraft;
  place: Place;
  item: Extract<Item, { kind: 'impl' }>;
  selfDef?: DefInfo;
  traitDef?: DefInfo;
  members: DefInfo[];
  lex: LexicalScope;
}

export interface MacroCallInfo {
  record: ItemRecordDraft;
  place: Place;
  item: Extract<Item, { kind: 'macro_call' }>;
}

/** Registers every impl of every crate and records the other deferred items, for the ref pass. */
export function resolveImpls(crates: CrateCtx[]): { impls: ImplInfo[]; macroCalls: MacroCallInfo[] } {
  const impls: ImplInfo[] = [];
  const macroCalls: MacroCallInfo[] = [];
  for (const crate of crates) {
    for (const { place, item } of crate.deferred) {
      if (item.kind === 'impl') impls.push(registerImpl(place, item));
      else if (item.kind !== 'use') recordOther(place, item, macroCalls);
    }
  }
  return { impls, macroCalls };
}

/** The def whose members an impl's items become: a named type, or a builtin one (`impl Ext for [T]`). */
function typeDefOf(type: TypeNode, lex: LexicalScope): DefInfo | undefined {
  if (type.kind === 'ptr') return builtinType(lex.module.crate, type.mutable ? 'mut_ptr' : 'const_ptr');
  if (type.kind === 'slice' || type.kind === 'array') return builtinType(lex.module.crate, type.kind);
  if (type.kind !== 'path') return undefined;
  const segs = resolvePath(type.path, lex, 'type');
  const last = segs.length === type.path.segments.length ? segs.at(-1) : undefined;
  return last && last.length > 0 ? unalias(last[0]) : undefined;
}

function registerImpl(place: Place, item: Extract<Item, { kind: 'impl' }>): ImplInfo {
  const { crate } = place;
  const outer: LexicalScope = { module: place.scope, generics: new Map() };
  const selfText = typeText(place.file, item.selfType.span);
  const traitText = item.trait ? typeText(place.file, item.trait.span) : undefined;
  const prefix = moduleIdPrefix(crate, place.module);
  const record = newRecord(place, prefix + implDescriptor(selfText, traitText === undefined ? undefined : (item.negative ? '!' : '') + traitText), 'impl', item.span, place.inactive);
  record.surface.push(`impl ${traitText ?? ''} for ${selfText}`);
  const lex = genericsScope(place, record, item.generics, outer);
  const selfDef = typeDefOf(item.selfType, lex);
  const traitSegs = item.trait ? resolvePath(item.trait, lex, 'type') : undefined;
  const traitDef = traitSegs && traitSegs.length === item.trait!.segments.length ? traitSegs.at(-1)?.[0] : undefined;
  lex.selfType = selfDef;
  lex.selfTrait = traitDef;

  const qualSelf = selfDef?.def.qualname ?? `${moduleQualname(crate, place.module)}::${selfText}`;
  const qualPrefix = traitText ? `<${qualSelf} as ${traitDef?.def.qualname ?? traitText}>` : qualSelf;
  // Inherent items of a type of this crate are named under the type, as `Circle#area().`.
  const idPrefix = !traitText && selfDef && selfDef.crate === crate ? selfDef.def.id : record.id;
  const members = collectMembers(place, item.items, undefined, idPrefix, qualPrefix, 'impl');
  if (!place.inactive && selfDef) {
    for (const m of members) {
      if (m.inactive) continue;
      addMember(traitText ? selfDef.traitMembers : selfDef.members, m.def.name, m);
      m.def.parent = selfDef.def.id;
    }
    if (traitDef && !item.negative) selfDef.traits.push(traitDef);
  }
  record.impls.push({
    id: record.id,
    ...(traitText !== undefined ? { trait: traitDef?.def.id ?? traitText } : {}),
    selfType: selfText,
    ...(selfDef ? { selfTarget: selfDef.def.id } : {}),
    items: members.map((m) => m.def.id),
  });
  if (traitDef && !item.negative) {
    record.relations.push({ kind: 'implements', from: selfDef?.def.id ?? record.id, to: traitDef.def.id });
    for (const m of members) {
      const overridden = traitDef.members.get(m.def.name)?.[0];
      if (overridden) m.record.relations.push({ kind: 'overrides', from: m.def.id, to: overridden.def.id });
    }
  }
  return { record, place, item, selfDef, traitDef, members, lex };
}

/** Macro calls are named by macro and ordinal in their module; extern blocks and broken items by position. */
function recordOther(place: Place, item: Item, macroCalls: MacroCallInfo[]): void {
  const prefix = moduleIdPrefix(place.crate, place.module);
  switch (item.kind) {
    case 'macro_call': {
      const name = item.path.segments.at(-1)?.name.text ?? 'macro';
      // Named by macro and ordinal in the module: `uniqueId` appends `~2`, `~3` to later calls.
      const record = newRecord(place, `${prefix}${descriptor(name, 'macro')}call`, 'macro_call', item.span, place.inactive);
      macroCalls.push({ record, place, item });
      return;
    }
    case 'extern_block': {
      const record = newRecord(place, `${prefix}extern#[${item.abi ?? 'C'}]`, 'extern_block', item.span, place.inactive);
      record.surface.push(`extern ${item.abi ?? ''}`);
      // Foreign fns and statics are items of the enclosing module.
      for (const d of collectMembers(place, item.items, place.scope.def, prefix, moduleQualname(place.crate, place.module), 'impl')) {
        if (!d.inactive) bind(place.scope, d.ns, d.def.name, d);
      }
      return;
    }
    case 'error': {
      const record = newRecord(place, `${prefix}error@${item.name?.text ?? 'item'}`, 'error', item.span, place.inactive);
      record.surface.push('error');
      return;
    }
  }
}
