// First pass over a crate: one item record per item, the defs each item declares, and the
// names each module's scope binds before imports are resolved.
import type { DefKind, Def, ItemKind } from '../../../schema/src/index.js';
import { descriptor, type DescriptorSuffix } from '../../../schema/src/index.js';
import type { Item, Name, Range, FieldsShape } from '../syntax/ast.js';
import { tokenText } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import type { ModuleNode, SourceFile } from '../crate/modules.js';
import { cfgActive } from '../crate/cfg.js';
import { expandCall, expandItemMacros } from '../expand/driver.js';
import {
  addMember, newDefInfo, normalizeVisibility,
  type CrateCtx, type DefInfo, type ItemRecordDraft, type Namespace, type Place, type Scope,
} from './model.js';


export function moduleIdPrefix(crate: CrateCtx, mod: ModuleNode): string {
  return `${crate.idPrefix} ${mod.path.map((n) => descriptor(n, 'mod')).join('')}`;
}

export function moduleQualname(crate: CrateCtx, mod: ModuleNode): string {
  return [crate.name, ...mod.path].join('::');
}

/** Per crate and taken id: the least `n` that `id~n` may be free at (every smaller one is taken). */
const freeFrom = new WeakMap<CrateCtx, Map<string, number>>();

/** `id`, or `id~n` for the least n ≥ 2 that no def of the crate has yet. */
export function uniqueId(crate: CrateCtx, id: string): string {
  if (!crate.usedIds.has(id)) {
    crate.usedIds.add(id);
    return id;
  }
  let hints = freeFrom.get(crate);
  if (hints === undefined) freeFrom.set(crate, (hints = new Map()));
  // Macro expansions can make thousands of same-named items: searching from 2 each time was quadratic.
  let n = hints.get(id) ?? 2;
  while (crate.usedIds.has(`${id}~${n}`)) n++;
  hints.set(id, n + 1);
  const unique = `${id}~${n}`;
  crate.usedIds.add(unique);
  return unique;
}

/** Gives `id` back, for `uniqueId` to hand out again. */
export function releaseId(crate: CrateCtx, id: string): void {
  crate.usedIds.delete(id);
  const m = /^(.*)~(\d+)$/.exec(id);
  const hints = freeFrom.get(crate);
  if (!m || !hints) return;
  const from = hints.get(m[1]);
  if (from !== undefined && Number(m[2]) < from) hints.set(m[1], Number(m[2]));
}

export function newRecord(place: { crate: CrateCtx; file: SourceFile }, id: string, kind: ItemKind, span: [number, number], inactive: boolean): ItemRecordDraft {
  const record: ItemRecordDraft = {
    id: uniqueId(place.crate, id), kind, file: place.file, span, inactive,
    defs: [], refs: [], impls: [], relations: [], diagnostics: [], surface: [],
  };
  place.crate.records.push(record);
  return record;
}

export interface DefSpec {
  id: string;
  kind: DefKind;
  name: string;
  qualname: string;
  span: Range;
  nameSpan: Range;
  parent?: DefInfo;
  vis: string;
  ns: Namespace;
  signature?: string;
  type?: string;
  docs?: string;
  attributes?: string[];
}

export function addDef(place: { crate: CrateCtx; file: SourceFile; module: ModuleNode }, record: ItemRecordDraft, spec: DefSpec): DefInfo {
  const id = spec.id === record.id ? spec.id : uniqueId(place.crate, spec.id);
  const def: Def = {
    id, kind: spec.kind, name: spec.name, qualname: spec.qualname, span: spec.span, nameSpan: spec.nameSpan,
    visibility: normalizeVisibility(spec.vis),
  };
  if (spec.parent) def.parent = spec.parent.def.id;
  if (spec.signature) def.signature = spec.signature;
  if (spec.type) def.type = spec.type;
  if (spec.docs) def.docs = spec.docs;
  if (spec.attributes && spec.attributes.length > 0) def.attributes = spec.attributes;
  record.defs.push(def);
  const info = newDefInfo({
    def, ns: spec.ns, crate: place.crate, file: place.file, record, module: place.module, inactive: record.inactive,
  });
  place.crate.defs.push(info);
  return info;
}

export function bind(scope: Scope, ns: Namespace, name: string, d: DefInfo): void {
  const map = scope.names[ns];
  const existing = map.get(name);
  if (existing && !existing.glob) existing.defs.push(d);
  else map.set(name, { defs: [d], vis: d.def.visibility, module: scope.module, glob: false });
}

export function newScope(crate: CrateCtx, module: ModuleNode, def: DefInfo): Scope {
  const scope: Scope = { module, crate, def, names: { type: new Map(), value: new Map(), macro: new Map() } };
  def.scope = scope;
  crate.scopes.set(module, scope);
  return scope;
}

const ITEM_DEF: Partial<Record<Item['kind'], { kind: DefKind; suffix: DescriptorSuffix; ns: Namespace }>> = {
  struct: { kind: 'struct', suffix: 'type', ns: 'type' },
  union: { kind: 'union', suffix: 'type', ns: 'type' },
  enum: { kind: 'enum', suffix: 'type', ns: 'type' },
  trait: { kind: 'trait', suffix: 'type', ns: 'type' },
  type: { kind: 'type_alias', suffix: 'type', ns: 'type' },
  fn: { kind: 'fn', suffix: 'method', ns: 'value' },
  const: { kind: 'const', suffix: 'term', ns: 'value' },
  static: { kind: 'static', suffix: 'term', ns: 'value' },
  extern_crate: { kind: 'extern_crate', suffix: 'mod', ns: 'type' },
};

/** Builds the crate root's scope and walks every module, recording items and binding names. */
export function collectCrate(crate: CrateCtx): void {
  const rootMod = crate.loaded.root;
  crate.root = collectModuleDef(crate, rootMod);
  const walk = (mod: ModuleNode) => {
    const scope = crate.scopes.get(mod)!;
    const place: Place = { crate, module: mod, scope, file: mod.file, inactive: mod.inactive };
    for (const item of mod.items) collectItem(place, item);
    for (const child of mod.children) walk(child);
  };
  walk(rootMod);
  expandItemMacros(crate, collectExpanded);
}

/** The items of a macro expansion at `place` (whose file is the expansion), collected as if written there. */
function collectExpanded(place: Place, items: Item[]): void {
  for (const item of items) {
    if (item.kind !== 'mod') {
      collectItem(place, item);
      continue;
    }
    // `mod x;` in an expansion: rustc reads x.rs next to the file of the call; not followed here.
    if (item.items === undefined) continue;
    const child: ModuleNode = {
      name: item.name.text, path: [...place.module.path, item.name.text], file: place.file, decl: item, declFile: place.file,
      items: item.items, parent: place.module, children: [], inactive: place.inactive || !cfgActive(item.attrs, place.file.ts, place.crate.cfg),
    };
    place.module.children.push(child);
    collectItem(place, item);
    collectExpanded({ ...place, module: child, scope: place.crate.scopes.get(child)!, inactive: child.inactive }, item.items);
  }
}

/** A module's def: for a file module it lives in a record spanning the file's inner attributes. */
function collectModuleDef(crate: CrateCtx, mod: ModuleNode, parentScope?: Scope): DefInfo {
  const id = mod.parent ? moduleIdPrefix(crate, mod).trimEnd() : `${crate.idPrefix} crate/`;
  const qualname = moduleQualname(crate, mod);
  const inline = mod.decl?.items !== undefined;
  const file = inline ? mod.declFile! : mod.file;
  const span: [number, number] = inline ? mod.decl!.span : [0, innerEnd(mod.file)];
  const record = newRecord({ crate, file }, id, 'mod', span, mod.inactive);
  const nameSpan: Range = inline ? mod.decl!.name.span : [0, 0];
  const docs = inline ? joinDocs(mod.decl!.docs, mod.decl!.innerDocs) : joinDocs(mod.decl?.docs, mod.file.parsed.innerDocs);
  const d = addDef({ crate, file, module: mod.parent ?? mod }, record, {
    id, kind: mod.parent ? 'mod' : 'crate', name: mod.parent ? mod.name : crate.name, qualname,
    span, nameSpan, vis: mod.decl?.vis ?? 'pub', ns: 'type', docs,
    parent: parentScope?.def,
  });
  newScope(crate, mod, d);
  if (parentScope) bind(parentScope, 'type', mod.name, d);
  return d;
}

function joinDocs(a?: string, b?: string): string | undefined {
  return a && b ? `${a}\n${b}` : a ?? b;
}

function innerEnd(file: SourceFile): number {
  let end = 0;
  for (const a of file.parsed.innerAttrs) end = Math.max(end, a.span[1]);
  const ts = file.ts;
  for (let t = 0; t < ts.count && ts.kinds[t] === TK.InnerDoc; t++) end = Math.max(end, ts.ends[t]);
  return end;
}

function collectItem(place: Place, item: Item): void {
  const { crate, module, scope } = place;
  const inactive = place.inactive || !cfgActive(item.attrs, place.file.ts, crate.cfg);
  const prefix = moduleIdPrefix(crate, module);
  const qprefix = moduleQualname(crate, module);
  const attributes = item.attrs.filter((a) => a.path !== 'doc').map((a) => a.text);

  switch (item.kind) {
    case 'mod': {
      const child = module.children.find((c) => c.decl === item)!;
      const d = collectModuleDef(crate, child, scope);
      if (item.items === undefined) {
        // `mod x;`: the declaration is its own item, a reference to the module's file item.
        const decl = newRecord(place, `${d.def.id}~decl`, 'mod', item.span, inactive);
        decl.refs.push({ span: item.name.span, role: 'path', target: d.def.id });
        decl.surface.push(`mod ${item.name.text}`);
      }
      return;
    }
    case 'use':
    case 'impl':
    case 'macro_call':
    case 'extern_block':
    case 'error':
      // Named later: uses and impls once paths resolve; macro calls and blocks by position in module.
      crate.deferred.push({ place: { ...place, inactive }, item });
      return;
    case 'macro_rules': {
      const exported = item.attrs.some((a) => a.path === 'macro_export');
      const id = exported ? `${crate.idPrefix} ${descriptor(item.name.text, 'macro')}` : prefix + descriptor(item.name.text, 'macro');
      const record = newRecord(place, id, 'macro_rules', item.span, inactive);
      const d = addDef(place, record, {
        id: record.id, kind: 'macro', name: item.name.text, qualname: `${exported ? crate.name : qprefix}::${item.name.text}`,
        span: item.span, nameSpan: item.name.span, vis: exported ? 'pub' : item.vis, ns: 'macro',
        docs: item.docs, attributes, signature: `macro_rules! ${item.name.text}`,
      });
      d.item = item;
      if (!inactive) {
        addMember(crate.macros, item.name.text, d);
        bind(scope, 'macro', item.name.text, d);
        // `#[macro_export]` puts the macro at the crate root: `geometry::square!`.
        if (exported && scope !== crate.root?.scope) bind(crate.root!.scope!, 'macro', item.name.text, d);
      }
      return;
    }
  }

  const spec = ITEM_DEF[item.kind]!;
  const name = (item as { name: Name }).name;
  const id = prefix + descriptor(name.text, spec.suffix);
  const record = newRecord(place, id, item.kind, item.span, inactive);
  const d = addDef(place, record, {
    id: record.id, kind: spec.kind, name: name.text, qualname: `${qprefix}::${name.text}`, span: item.span,
    nameSpan: name.span, vis: item.vis, ns: spec.ns, docs: item.docs, attributes,
    signature: signatureOf(place.file, item), parent: scope.def,
  });
  d.item = item;
  record.surface.push(`${item.kind} ${item.vis} ${signatureOf(place.file, item)}`);
  if (inactive) return;
  bind(scope, spec.ns, item.kind === 'extern_crate' ? (item.rename?.text ?? name.text) : name.text, d);

  switch (item.kind) {
    case 'struct':
    case 'union':
      collectFields(place, record, d, item.fields);
      // Tuple and unit structs are also values: their constructors.
      if (item.fields.kind !== 'named') bind(scope, 'value', name.text, d);
      return;
    case 'enum':
      for (const v of item.variants) {
        if (!cfgActive(v.attrs, place.file.ts, crate.cfg)) continue;
        const vd = addDef(place, record, {
          id: d.def.id + descriptor(v.name.text, 'term'), kind: 'variant', name: v.name.text,
          qualname: `${d.def.qualname}::${v.name.text}`, span: v.span, nameSpan: v.name.span, vis: 'pub',
          ns: 'value', docs: v.docs, parent: d,
        });
        addMember(d.members, v.name.text, vd);
        collectFields(place, record, vd, v.fields);
      }
      return;
    case 'trait':
      collectMembers(place, item.items, d, d.def.id, d.def.qualname, 'trait');
      return;
  }
}

function collectFields(place: Place, record: ItemRecordDraft, owner: DefInfo, shape: FieldsShape): void {
  for (const f of shape.fields) {
    if (!cfgActive(f.attrs, place.file.ts, place.crate.cfg)) continue;
    const name = f.name?.text ?? String(f.index);
    const fd = addDef(place, record, {
      id: owner.def.id + descriptor(name, 'term'), kind: 'field', name, qualname: `${owner.def.qualname}::${name}`,
      span: f.span, nameSpan: f.name?.span ?? [f.span[0], f.span[0]], vis: f.vis, ns: 'value', docs: f.docs,
      parent: owner, type: typeText(place.file, f.type.span),
    });
    owner.fields.set(name, fd);
  }
}

/**
 * Records the associated items of a trait or impl, one record each, so an edit in one method
 * body rewrites only that method's record.
 */
export function collectMembers(
  place: Place, items: Item[], owner: DefInfo | undefined, idPrefix: string, qualPrefix: string,
  context: 'trait' | 'impl',
): DefInfo[] {
  const out: DefInfo[] = [];
  for (const member of items) {
    if (member.kind === 'macro_call') {
      // A macro among assoc items expands to assoc items of the same trait or impl.
      const inactive = place.inactive || !cfgActive(member.attrs, place.file.ts, place.crate.cfg);
      const file = expandCall(place.crate, { ...place, inactive }, member);
      if (file) out.push(...collectMembers({ ...place, file }, file.parsed.items, owner, idPrefix, qualPrefix, context));
      continue;
    }
    if (member.kind !== 'fn' && member.kind !== 'const' && member.kind !== 'type') continue;
    const inactive = place.inactive || !cfgActive(member.attrs, place.file.ts, place.crate.cfg);
    const kind: DefKind = member.kind === 'fn' ? (hasSelf(member) ? 'method' : 'fn') : member.kind === 'const' ? 'assoc_const' : 'assoc_type';
    const suffix: DescriptorSuffix = member.kind === 'fn' ? 'method' : member.kind === 'const' ? 'term' : 'type';
    const id = idPrefix + descriptor(member.name.text, suffix);
    const record = newRecord(place, id, member.kind, member.span, inactive);
    const md = addDef(place, record, {
      id: record.id, kind, name: member.name.text, qualname: `${qualPrefix}::${member.name.text}`, span: member.span,
      nameSpan: member.name.span, vis: context === 'trait' ? 'pub' : member.vis, ns: member.kind === 'type' ? 'type' : 'value',
      docs: member.docs, attributes: member.attrs.filter((a) => a.path !== 'doc').map((a) => a.text),
      signature: signatureOf(place.file, member), parent: owner,
    });
    md.item = member;
    record.surface.push(`${member.kind} ${member.vis} ${signatureOf(place.file, member)}`);
    if (owner && !inactive) addMember(owner.members, member.name.text, md);
    out.push(md);
  }
  return out;
}

function hasSelf(item: Extract<Item, { kind: 'fn' }>): boolean {
  return item.params.length > 0 && item.params[0].self !== undefined;
}

export function typeText(file: SourceFile, span: Range): string {
  return textOf(file, span).replace(/\s+/g, ' ').replace(/ ?([<>(),\[\]&*;:]) ?/g, (m, p) => (p === ',' || p === ';' || p === ':' ? `${p} ` : p)).replace(/ +$/, '').trim();
}

export function textOf(file: SourceFile, span: Range): string {
  return new TextDecoder().decode(file.ts.src.subarray(span[0], span[1]));
}

/** One-line declaration text: up to the body or the end of the header. */
export function signatureOf(file: SourceFile, item: Item): string {
  if (item.kind === 'fn') return item.signature;
  const ts = file.ts;
  let [t, end] = item.tokens;
  // Skip attributes and docs: the signature starts at the visibility or the keyword.
  while (t < end && (ts.kinds[t] === TK.OuterDoc || ts.kinds[t] === TK.InnerDoc || ts.kinds[t] === TK['#'])) t = skipAttr(ts, t);
  const parts: string[] = [];
  let depth = 0;
  for (let k = t; k < end; k++) {
    const kind = tokenText(ts, k);
    if (depth === 0 && (kind === '{' || kind === ';' || kind === '=' && item.kind !== 'type')) break;
    if (kind === '(' || kind === '[') depth++;
    if (kind === ')' || kind === ']') depth--;
    parts.push(kind);
    if (parts.length > 64) { parts.push('…'); break; }
  }
  return parts.join(' ').replace(/ ?([<>(),\[\]&:]) ?/g, (m, p) => (p === ',' || p === ':' ? `${p} ` : p)).replace(/\s+/g, ' ').trim();
}

function skipAttr(ts: SourceFile['ts'], t: number): number {
  if (ts.kinds[t] !== TK['#']) return t + 1;
  let k = t + 1;
  if (ts.kinds[k] === TK['!']) k++;
  let depth = 0;
  for (; k < ts.count; k++) {
    if (ts.kinds[k] === TK['[']) depth++;
    else if (ts.kinds[k] === TK[']'] && --depth === 0) return k + 1;
  }
  return k;
}

