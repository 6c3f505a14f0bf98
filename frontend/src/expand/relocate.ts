// After resolution, the records of expanded items move from their expansion's file to the
// invocation they belong to. A ref goes where its token is written: a token of the invocation
// stays in the item's record, a token of a macro's body joins the refs of that macro_rules
// record (once per position, whatever the number of expansions). Locals and generic params
// declared by a macro's body move there too, one per position; every other def is the
// expansion's, at its name when the invocation wrote the name, else at the invocation.
import type { Def, Ref, Span } from '../../../schema/src/index.js';
import type { CrateCtx, ItemRecordDraft } from '../resolve/model.js';
import type { SourceFile } from '../crate/modules.js';
import { expansionOrigin, type ExpansionOrigin } from './tokens.js';

interface Written {
  file: SourceFile;
  start: number;
  end: number;
}

/** Defs that belong to the position of their name rather than to an item. */
const POSITIONAL = new Set<Def['kind']>(['local', 'param', 'generic_param', 'lifetime']);

export function relocateExpansions(crates: CrateCtx[]): void {
  for (const crate of crates) relocateCrate(crate);
}

function relocateCrate(crate: CrateCtx): void {
  const moved = crate.records.filter((r) => expansionOrigin(r.file) !== undefined);
  if (moved.length === 0) return;
  const hosts = new Hosts(crate.records.filter((r) => r.kind === 'macro_rules' && expansionOrigin(r.file) === undefined));
  /** A positional def of a later expansion → the def of the first one at that position. */
  const alias = new Map<string, string>();
  const firstAt = new Map<string, Def>();
  for (const r of moved) r.defs = placeDefs(r, hosts, alias, firstAt);
  for (const r of moved) {
    const { anchor } = expansionOrigin(r.file)!;
    r.refs = placeRefs(r, hosts, alias);
    r.diagnostics = r.diagnostics.map((d) => ({ ...d, span: [anchor.span[0], anchor.span[0]] as Span }));
    r.file = anchor.file;
    r.span = [anchor.span[0], anchor.span[1]];
  }
}

/** The defs that stay in expanded record `r`, placed; positional defs of a macro body go to it. */
function placeDefs(r: ItemRecordDraft, hosts: Hosts, alias: Map<string, string>, firstAt: Map<string, Def>): Def[] {
  const o = expansionOrigin(r.file)!;
  const { anchor } = o;
  const defs: Def[] = [];
  for (const def of r.defs) {
    const name = writtenAt(r.file, o, def.nameSpan);
    const host = name && !inside(anchor, name) && POSITIONAL.has(def.kind) ? hosts.at(name) : undefined;
    if (host && name) {
      const key = `${host.id} ${name.start} ${def.kind} ${def.name}`;
      const first = firstAt.get(key);
      if (first) alias.set(def.id, first.id);
      else {
        def.span = [name.start, name.end];
        def.nameSpan = [name.start, name.end];
        host.defs.push(def);
        firstAt.set(key, def);
      }
      continue;
    }
    def.span = [anchor.span[0], anchor.span[1]];
    def.nameSpan = name && inside(anchor, name) ? [name.start, name.end] : [anchor.span[0], anchor.span[0]];
    defs.push(def);
  }
  return defs;
}

/** The refs that stay in expanded record `r`, placed; refs on a macro's body go to its record. */
function placeRefs(r: ItemRecordDraft, hosts: Hosts, alias: Map<string, string>): Ref[] {
  const o = expansionOrigin(r.file)!;
  const refs: Ref[] = [];
  // A fragment used twice in the expansion is one token: one ref per position and target.
  const seen = new Set<string>();
  for (const ref of r.refs) {
    const at = writtenAt(r.file, o, ref.span);
    if (at === undefined) continue;
    const placed = renamed({ ...ref, span: [at.start, at.end] }, alias);
    if (inside(o.anchor, at)) {
      const key = `${refKey(placed)} ${targetsOf(placed).join(' ')} ${placed.unresolved ?? ''}`;
      if (!seen.has(key)) refs.push(placed);
      seen.add(key);
    } else {
      const host = hosts.at(at);
      if (host) hosts.addRef(host, placed);
    }
  }
  return refs;
}

function inside(anchor: ExpansionOrigin['anchor'], w: Written): boolean {
  return w.file === anchor.file && w.start >= anchor.span[0] && w.end <= anchor.span[1];
}

function renamed(ref: Ref, alias: Map<string, string>): Ref {
  if (ref.target !== undefined) {
    const to = alias.get(ref.target);
    return to === undefined ? ref : { ...ref, target: to };
  }
  if (ref.candidates !== undefined && ref.candidates.some((c) => alias.has(c))) {
    return { ...ref, candidates: [...new Set(ref.candidates.map((c) => alias.get(c) ?? c))] };
  }
  return ref;
}

/** Index of the last token of `starts` that starts at or before `offset`. */
function tokenAt(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || starts[0] > offset) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where the bytes `span` of an expansion's file are written. A span over several tokens keeps
 * its extent when they are written in that order in one file, else shrinks to its first token.
 */
function writtenAt(file: SourceFile, o: ExpansionOrigin, span: Span): Written | undefined {
  const { starts, ends } = file.ts;
  const [a, b] = span;
  const ti = tokenAt(starts, a);
  if (ti < 0 || a > ends[ti]) return undefined;
  const from = o.files[ti];
  if (from === undefined) return undefined;
  const start = o.starts[ti] + (a - starts[ti]);
  if (b <= ends[ti]) return { file: from, start, end: o.starts[ti] + (Math.max(a, b) - starts[ti]) };
  const tj = tokenAt(starts, b - 1);
  if (o.files[tj] === from && o.starts[tj] >= o.ends[ti]) return { file: from, start, end: o.starts[tj] + Math.min(b - starts[tj], o.ends[tj] - o.starts[tj]) };
  return { file: from, start, end: o.ends[ti] };
}

/** The macro_rules records that tokens of expansions are written in, and what they receive. */
class Hosts {
  private readonly byFile = new Map<SourceFile, ItemRecordDraft[]>();
  private last?: ItemRecordDraft;
  /** Per host, its refs by position and role, to merge the refs of every expansion into one. */
  private readonly refIndex = new Map<ItemRecordDraft, Map<string, number>>();

  constructor(records: ItemRecordDraft[]) {
    for (const r of records) {
      const list = this.byFile.get(r.file);
      if (list) list.push(r);
      else this.byFile.set(r.file, [r]);
    }
  }

  at(w: Written): ItemRecordDraft | undefined {
    const contains = (r: ItemRecordDraft) => r.file === w.file && r.span[0] <= w.start && w.end <= r.span[1];
    if (this.last && contains(this.last)) return this.last;
    const found = this.byFile.get(w.file)?.find(contains);
    if (found) this.last = found;
    return found;
  }

  /** Adds `ref` to `host`; at a position it already has, the targets are united. */
  addRef(host: ItemRecordDraft, ref: Ref): void {
    let index = this.refIndex.get(host);
    if (index === undefined) {
      index = new Map(host.refs.map((r, i) => [refKey(r), i]));
      this.refIndex.set(host, index);
    }
    const key = refKey(ref);
    const i = index.get(key);
    if (i === undefined) {
      index.set(key, host.refs.length);
      host.refs.push(ref);
      return;
    }
    host.refs[i] = merged(host.refs[i], ref);
  }
}

function refKey(r: Ref): string {
  return `${r.span[0]},${r.span[1]},${r.role}`;
}

function targetsOf(r: Ref): string[] {
  return r.target !== undefined ? [r.target] : r.candidates ?? [];
}

function merged(a: Ref, b: Ref): Ref {
  const ta = targetsOf(a);
  const tb = targetsOf(b);
  if (tb.length === 0) return a;
  if (ta.length === 0) return b;
  const all = [...new Set([...ta, ...tb])];
  if (all.length === ta.length) return a;
  const { target: _t, unresolved: _u, candidates: _c, ...rest } = a;
  return { ...rest, candidates: all };
}
