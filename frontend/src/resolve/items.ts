// The ref pass: signatures, then bodies, of every item once all names are bound.
import type { Item } from '../syntax/ast.js';
import type { CrateCtx, DefInfo, ItemRecordDraft, LexicalScope, Place } from './model.js';
import { BodyResolver, type MemberIndex } from './body.js';
import { isPathStart, readPath } from './body-tokens.js';
import { cratesInView, resolvePath, resolvingFrom } from './paths.js';
import { emitPathRefs } from './refs.js';
import { boundsRefs, genericsRefs, genericsScope, pathRefs, typeDef, typeRefs } from './types.js';
import type { ImplInfo, MacroCallInfo } from './impls.js';
import { addMember } from './model.js';
import { relocateExpansions } from '../expand/relocate.js';
import { releaseId } from './collect.js';

type FnItem = Extract<Item, { kind: 'fn' }>;

interface Pending {
  crate: CrateCtx;
  record: ItemRecordDraft;
  run: () => void;
}

/**
 * Which bodies an analysis leaves out: a crate's whose dump comes from the crate cache
 * (crate-cache/registry.ts), an item's whose record an earlier analysis holds
 * (incremental/resume.ts). A body changes nothing any other body or signature sees.
 */
export type SkipBody = (crate: CrateCtx, record: ItemRecordDraft) => boolean;

/**
 * Resolves signatures of all crates first (bodies need field and return types), then bodies,
 * but those `skipBody` leaves out. Every signature is resolved, since other crates' bodies infer
 * types from them.
 */
export function resolveItems(
  crates: CrateCtx[], impls: ImplInfo[], macroCalls: MacroCallInfo[], external: CrateCtx[] = [], skipBody: SkipBody = () => false,
  beforeBodies?: (members: MemberIndex) => void,
): void {
  const bodies: Pending[] = [];
  const visibleOf = visibleCrates(external);
  const members = memberIndexes(crates, external, visibleOf);
  const indexOf = members.of;
  for (const crate of crates) for (const r of crate.records) collected.set(r, { defs: r.defs.length, refs: r.refs.length });
  for (const crate of crates) {
    const index = indexOf(crate);
    resolvingFrom(visibleOf(crate), () => {
      for (const d of [...crate.defs]) {
        if (!d.item || d.def.parent !== crate.scopes.get(d.module)?.def.def.id || d.inactive) continue;
        signature(crate, d, bodies, index, (record) => skipBody(crate, record));
      }
    });
  }
  for (const impl of impls) {
    const { crate } = impl.place;
    resolvingFrom(visibleOf(crate), () => implRefs(impl, bodies, indexOf(crate), (record) => skipBody(crate, record)));
  }
  for (const call of macroCalls) {
    if (skipBody(call.place.crate, call.record)) continue;
    const lex: LexicalScope = { module: call.place.scope, generics: new Map() };
    resolvingFrom(visibleOf(call.place.crate), () => pathRefs(call.item.path, lex, call.record, 'macro'));
  }
  // Every signature is resolved now, and no body: the model as each body starts from (surface/).
  beforeBodies?.(members.all);
  for (const b of bodies) if (!skipBody(b.crate, b.record)) resolvingFrom(visibleOf(b.crate), b.run);
  relocateExpansions(crates);
}

function placeOf(d: DefInfo): Place {
  const scope = d.crate.scopes.get(d.module)!;
  return { crate: d.crate, module: d.module, scope, file: d.file, inactive: d.inactive };
}

/** Whether a record is not written: an earlier analysis holds it, or the crate cache (`SkipBody`). */
type Quiet = (record: ItemRecordDraft) => boolean;

/**
 * A def's signature: its refs, and what bodies elsewhere infer types from (declared and return
 * types, generic params and their bounds, supertraits, what an alias stands for). For a quiet
 * record only the latter is worked out: most of a resumed analysis's signatures
 * (incremental/resume.ts).
 */
function signature(crate: CrateCtx, d: DefInfo, bodies: Pending[], index: MemberIndex, isQuiet: Quiet): void {
  const item = d.item!;
  const place = placeOf(d);
  const moduleLex: LexicalScope = { module: place.scope, generics: new Map() };
  const record = d.record;
  const quiet = isQuiet(record);
  if (!quiet) deriveRefs(item, place, moduleLex, record);
  switch (item.kind) {
    case 'fn':
      fnRefs(place, d, item, moduleLex, bodies, index, quiet);
      return;
    case 'struct':
    case 'union': {
      const lex = genericsScope(place, record, item.generics, moduleLex, d);
      lex.selfType = d;
      genericsRefs(item.generics, lex, record);
      for (const f of item.fields.fields) {
        if (!quiet) typeRefs(f.type, lex, record);
        const fd = d.fields.get(f.name?.text ?? String(f.index));
        if (fd) fd.declaredType = { type: f.type, scope: lex };
      }
      return;
    }
    case 'enum': {
      const lex = genericsScope(place, record, item.generics, moduleLex, d);
      lex.selfType = d;
      genericsRefs(item.generics, lex, record);
      for (const v of item.variants) {
        const vd = d.members.get(v.name.text)?.find((m) => m.def.kind === 'variant');
        for (const f of v.fields.fields) {
          if (!quiet) typeRefs(f.type, lex, record);
          const fd = vd?.fields.get(f.name?.text ?? String(f.index));
          if (fd) fd.declaredType = { type: f.type, scope: lex };
        }
        if (v.discriminant && !quiet) {
          const range = v.discriminant;
          bodies.push({ crate: place.crate, record, run: () => new BodyResolver(place, record, lex, index).resolve(range[0], range[1]) });
        }
      }
      return;
    }
    case 'trait': {
      const lex = genericsScope(place, record, item.generics, moduleLex, d);
      lex.selfType = d;
      lex.selfTrait = d;
      genericsRefs(item.generics, lex, record);
      boundsRefs(item.supertraits, lex, record);
      for (const b of item.supertraits) {
        if (b.kind !== 'trait') continue;
        const sup = typeDef({ kind: 'path', path: b.path, span: b.span }, lex);
        if (sup) {
          d.traits.push(sup);
          record.relations.push({ kind: 'supertrait', from: d.def.id, to: sup.def.id });
        }
      }
      for (const [, members] of d.members) for (const m of members) memberRefs(m, lex, bodies, index, isQuiet(m.record));
      return;
    }
    case 'type': {
      const lex = genericsScope(place, record, item.generics, moduleLex, d);
      genericsRefs(item.generics, lex, record);
      if (!quiet) boundsRefs(item.bounds, lex, record);
      if (item.value) {
        if (!quiet) typeRefs(item.value, lex, record);
        d.declaredType = { type: item.value, scope: lex };
        const target = typeDef(item.value, lex);
        if (target && target !== d) d.aliasOf = target;
      }
      return;
    }
    case 'const':
    case 'static': {
      if (item.type) {
        if (!quiet) typeRefs(item.type, moduleLex, record);
        d.declaredType = { type: item.type, scope: moduleLex };
      }
      const value = item.value;
      if (value && !quiet) bodies.push({ crate: place.crate, record, run: () => new BodyResolver(place, record, moduleLex, index).resolve(value[0], value[1]) });
      return;
    }
  }
}

/** `#[derive(Debug, serde::Serialize)]`: each name is a ref to a derive macro. */
function deriveRefs(item: Item, place: Place, lex: LexicalScope, record: ItemRecordDraft): void {
  const ts = place.file.ts;
  for (const a of item.attrs) {
    if (a.path !== 'derive') continue;
    for (let t = a.args[0]; t < a.args[1]; t++) {
      if (!isPathStart(ts.kinds[t])) continue;
      const path = readPath(ts, t, a.args[1]);
      emitPathRefs(record, path.path, resolvePath(path.path, lex, 'macro'), 'macro');
      t = path.end - 1;
    }
  }
}

/** A trait's or impl's associated item, a record of its own: signature now, body later (`quiet`: see `signature`). */
function memberRefs(m: DefInfo, outer: LexicalScope, bodies: Pending[], index: MemberIndex, quiet: boolean): void {
  const item = m.item;
  if (!item || m.inactive) return;
  const place = placeOf(m);
  if (item.kind === 'fn') fnRefs(place, m, item, outer, bodies, index, quiet);
  else if (item.kind === 'const') {
    if (item.type) {
      if (!quiet) typeRefs(item.type, outer, m.record);
      m.declaredType = { type: item.type, scope: outer };
    }
    const value = item.value;
    if (value && !quiet) bodies.push({ crate: place.crate, record: m.record, run: () => new BodyResolver(place, m.record, outer, index).resolve(value[0], value[1]) });
  } else if (item.kind === 'type') {
    if (!quiet) boundsRefs(item.bounds, outer, m.record);
    if (item.value) {
      if (!quiet) typeRefs(item.value, outer, m.record);
      m.declaredType = { type: item.value, scope: outer };
    }
  }
}

function fnRefs(place: Place, d: DefInfo, item: FnItem, outer: LexicalScope, bodies: Pending[], index: MemberIndex, quiet: boolean): void {
  const record: ItemRecordDraft = d.record;
  // A module-level fn is resolved in its module's bare scope; members in their trait's or impl's.
  if (!fnContexts.has(d)) fnContexts.set(d, { place, outer, index, derives: outer.parent === undefined, visible: cratesInView() });
  const lex = genericsScope(place, record, item.generics, outer, d);
  genericsRefs(item.generics, lex, record);
  // Params are declared for the body alone: a quiet fn's is not resolved.
  const resolver = quiet ? undefined : new BodyResolver(place, record, lex, index);
  if (resolver) {
    for (const p of item.params) {
      if (p.type) typeRefs(p.type, lex, record);
      if (p.self) resolver.declareSelf(p.self.span, p.self.type ? typeDef(p.self.type, lex) : lex.selfType);
      else resolver.declareParam(p.pattern, typeDef(p.type, lex));
    }
  }
  if (item.ret) {
    if (!quiet) typeRefs(item.ret, lex, record);
    d.returnType = { type: item.ret, scope: lex };
  }
  const body = item.body;
  if (body && resolver) bodies.push({ crate: place.crate, record, run: () => resolver.resolve(body[0], body[1]) });
}

function implRefs(impl: ImplInfo, bodies: Pending[], index: MemberIndex, isQuiet: Quiet): void {
  if (impl.place.inactive) return;
  const { record, item, lex } = impl;
  genericsRefs(item.generics, lex, record);
  if (!isQuiet(record)) {
    typeRefs(item.selfType, lex, record);
    if (item.trait) pathRefs(item.trait, lex, record, 'impl', true);
  }
  for (const m of impl.members) memberRefs(m, lex, bodies, index, isQuiet(m.record));
}

/**
 * The crates each crate's items can see: itself, its dependencies, directly or not, and std
 * (`external`). A dependency's code cannot name a dependent's types or traits, so its dump does
 * not depend on them either: a registry crate's dump is cached for any workspace that uses it,
 * and a crate is analyzed again without its dependents (incremental/resume.ts).
 */
function visibleCrates(external: CrateCtx[]): (crate: CrateCtx) => ReadonlySet<CrateCtx> {
  const sets = new Map<CrateCtx, Set<CrateCtx>>();
  return (crate) => {
    let visible = sets.get(crate);
    if (visible === undefined) {
      const found = new Set<CrateCtx>(external);
      const visit = (c: CrateCtx) => {
        if (found.has(c)) return;
        found.add(c);
        for (const dep of c.deps.values()) visit(dep);
      };
      visit(crate);
      sets.set(crate, (visible = found));
    }
    return visible;
  };
}

/** The member index each crate's bodies take untyped `.name` candidates from: the members of the crates it can see, in id order. */
function memberIndexes(crates: CrateCtx[], external: CrateCtx[], visibleOf: (crate: CrateCtx) => ReadonlySet<CrateCtx>): { all: MemberIndex; of: (crate: CrateCtx) => MemberIndex } {
  const all = memberIndex([...crates, ...external]);
  const indexes = new Map<CrateCtx, MemberIndex>();
  return {
    all,
    of: (crate) => {
      let index = indexes.get(crate);
      if (index === undefined) indexes.set(crate, (index = visibleMemberIndex(all, visibleOf(crate))));
      return index;
    },
  };
}

/** The members of `all` a crate that sees the crates `visible` takes untyped `.name` candidates from. */
export function visibleMemberIndex(all: MemberIndex, visible: ReadonlySet<CrateCtx>): MemberIndex {
  return { methods: new VisibleMembers(all.methods, visible), fields: new VisibleMembers(all.fields, visible) };
}

/** The members of `all` that belong to `visible` crates, filtered as each name is first looked up. */
class VisibleMembers extends Map<string, DefInfo[]> {
  constructor(private readonly all: ReadonlyMap<string, DefInfo[]>, private readonly visible: ReadonlySet<CrateCtx>) {
    super();
  }

  override get(name: string): DefInfo[] {
    let found = super.get(name);
    if (found === undefined) {
      found = (this.all.get(name) ?? []).filter((d) => this.visible.has(d.crate)).sort((a, b) => (a.def.id < b.def.id ? -1 : a.def.id > b.def.id ? 1 : 0));
      this.set(name, found);
    }
    return found;
  }
}

/** Every method and field of `crates` by name, as bodies look untyped members up (before any body declares more). */
function memberIndex(crates: readonly CrateCtx[]): MemberIndex {
  const index: MemberIndex = { methods: new Map(), fields: new Map() };
  for (const crate of crates) {
    for (const d of crate.defs) {
      if (d.inactive) continue;
      if (d.def.kind === 'method') addMember(index.methods, d.def.name, d);
      else if (d.def.kind === 'field') addMember(index.fields, d.def.name, d);
    }
  }
  return index;
}

// What an incremental analysis needs to resolve one fn again after an edit inside its body
// (incremental/session.ts): where the fn was resolved, and what its record held before.
export interface FnContext {
  place: Place;
  outer: LexicalScope;
  index: MemberIndex;
  /** A module-level fn: its derive attributes are refs of its record too. */
  derives: boolean;
  visible: ReadonlySet<CrateCtx> | undefined;
}

const fnContexts = new WeakMap<DefInfo, FnContext>();
/** What each record held before any signature or body was resolved: what `resolveFnAgain` keeps. */
export interface Collected {
  defs: number;
  refs: number;
}
const collected = new WeakMap<ItemRecordDraft, Collected>();

/** Where fn `d` was resolved and what its record held before, when it was resolved as a fn. */
export function fnContextOf(d: DefInfo): { context: FnContext; collected: Collected } | undefined {
  const context = fnContexts.get(d);
  const before = context && collected.get(d.record);
  return before && { context, collected: before };
}

/**
 * Makes fn `d`, of a model read back from a surface image (surface/read.ts), resolvable by
 * `resolveFnAgain` into `record`, which holds what collection gave it.
 */
export function restoreFnContext(d: DefInfo, context: FnContext, record: ItemRecordDraft, before: Collected): void {
  d.record = record;
  fnContexts.set(d, context);
  collected.set(record, before);
}

/**
 * Resolves fn `d` again from `item`, its new AST (the same signature, another body), into its
 * record: what resolution added to the record is dropped first, with the ids it took. Returns
 * false when `d` was not resolved as a fn with a body, and leaves it as it was.
 */
export function resolveFnAgain(d: DefInfo, item: FnItem): boolean {
  const ctx = fnContexts.get(d);
  const before = collected.get(d.record);
  if (ctx === undefined || before === undefined) return false;
  const { record, crate } = d;
  const dropped = new Set(record.defs.splice(before.defs));
  record.refs.length = before.refs;
  if (dropped.size > 0) {
    for (const def of dropped) releaseId(crate, def.id);
    crate.defs = crate.defs.filter((x) => !dropped.has(x.def));
  }
  d.item = item;
  resolvingFrom(ctx.visible, () => {
    const bodies: Pending[] = [];
    if (ctx.derives) deriveRefs(item, ctx.place, ctx.outer, record);
    fnRefs(ctx.place, d, item, ctx.outer, bodies, ctx.index, false);
    for (const b of bodies) b.run();
  });
  return true;
}
