// Goto-definition and symbol lookups (find-references is references.ts). Each query reads only
// the keys it needs: the file tables of the files it reports on, the items around a position,
// and the def/qual keys of the symbols asked about.
import { resolve } from 'node:path';
import { isSymbolId } from '../../schema/src/symbol.js';
import type { Def } from '../../schema/src/types.js';
import { InconsistentIndexError, PositionError, UnknownFileError } from './errors.js';
import { FileViews, type FileView } from './files.js';
import { readEncoded, readLists } from './items.js';
import { compareStrings, keys, nameEntryOf, ranges, segmentsOf, type StoredNameEntry } from './keys.js';
import type { SetMembers } from './set-keys.js';
import { defsById, defTextsById } from './def-entries.js';
import { defLocation, findDefs, locateAll, type FoundDef, type Location } from './locate.js';
import { hitInRecord } from './records.js';
import { defOfEntry, parseDef } from './def-values.js';
import { readHead, withSourceDocs, type SourceDocsDef } from './source-docs.js';
import type { StoreReader } from './store.js';

/**
 * What is at a position. An unknown file or a position outside the file is thrown instead
 * (UnknownFileError, PositionError), since those are mistakes in the request.
 * - found: the position is a def's name (locations is that def) or a ref. A ref to an impl
 *   method that overrides a trait method gives the impl method, then the trait's declaration
 *   (when its crate is indexed), since a call site may mean either. `notIndexed` lists
 *   targets the store has no def for (a dependency that was not indexed), so locations may be
 *   empty; `ambiguous` is set when the ref had several candidates.
 * - unresolved: a ref the front end could not resolve; `path` is the path as written.
 * - none: no identifier at the position.
 */
export type DefinitionResult =
  | { status: 'found'; locations: Location[]; notIndexed: string[]; ambiguous: boolean }
  | { status: 'unresolved'; path: string }
  | { status: 'none' };

export interface DefDetails {
  location: Location;
  def: Def;
  crate: string;
  itemId: string;
}

type Hit =
  | { kind: 'def'; def: FoundDef }
  | { kind: 'ref'; targets: string[]; ambiguous: boolean }
  | { kind: 'unresolved'; path: string };

export async function definitionsAt(store: StoreReader, file: string, line: number, col: number): Promise<DefinitionResult> {
  const views = new FileViews(store);
  const result = await symbolsAt(store, file, line, col, views);
  if (result.status !== 'found') return result;
  const locations = await locateAll(views, result.symbols);
  return { status: 'found', locations, notIndexed: result.notIndexed, ambiguous: result.ambiguous };
}

/** `definitionsAt` before the defs are located: their def keys, in the same order. */
export type SymbolsResult =
  | { status: 'found'; symbols: FoundDef[]; notIndexed: string[]; ambiguous: boolean }
  | { status: 'unresolved'; path: string }
  | { status: 'none' };

/**
 * The defs at a position, as `definitionsAt` gives them but found by their def keys and not
 * located: what hover needs, without the file tables of every candidate's file.
 */
export async function symbolsAt(store: StoreReader, file: string, line: number, col: number, views = new FileViews(store)): Promise<SymbolsResult> {
  const fileViews = await views.allCratesOf(file);
  if (fileViews.length === 0) throw new UnknownFileError(file);
  const found = new Map<string, FoundDef>();
  const targets = new Set<string>();
  let ambiguous = false;
  let unresolved: string | undefined;
  // A file compiled into several crates is answered from each; the answers are united.
  for (const view of fileViews) {
    const offset = view.lineIndex.offset(line, col);
    if (offset === undefined) throw new PositionError(file, line, col);
    const hit = await hitAt(store, view, offset);
    if (hit?.kind === 'def') found.set(hit.def.id, hit.def);
    else if (hit?.kind === 'ref') {
      for (const t of hit.targets) targets.add(t);
      ambiguous ||= hit.ambiguous;
    } else if (hit?.kind === 'unresolved') unresolved = hit.path;
  }
  const notIndexed: string[] = [];
  const ids = [...targets.keys()];
  const entries = await findDefs(store, ids);
  // A call resolved to an impl method also answers the trait method it overrides, and so do a
  // few candidates. Not hundreds (`.len()` on an unknown receiver): those are every method of
  // that name in scope already.
  const follow = targets.size <= FOLLOWED_CANDIDATES;
  const declarationsOf = new Map<string, string[]>();
  if (follow) for (const id of ids) declarationsOf.set(id, [...new Set(entries.get(id)!.flatMap((e) => e.overrides ?? []))].sort(compareStrings));
  const declarations = await findDefs(store, [...new Set([...declarationsOf.values()].flat())]);
  const wanted = new Set(ids.filter((id) => !found.has(id)));
  for (const id of ids) {
    const list = entries.get(id)!;
    if (wanted.has(id)) {
      if (list.length === 0) notIndexed.push(id);
      for (const entry of list) found.set(entry.id, entry);
    }
    for (const declaration of declarationsOf.get(id) ?? []) {
      if (found.has(declaration)) continue;
      for (const entry of declarations.get(declaration)!) found.set(entry.id, entry);
    }
  }
  if (found.size > 0 || notIndexed.length > 0) return { status: 'found', symbols: [...found.values()], notIndexed, ambiguous };
  if (unresolved !== undefined) return { status: 'unresolved', path: unresolved };
  return { status: 'none' };
}

/**
 * The def name or ref at `offset`, from the innermost item that has one there. Records are read
 * innermost first in batches of growing size: the innermost usually has the hit, but a position
 * can be within the hit spans of many items (a macro call's expansions whose names are written
 * in it), and a remote store answers a batch in one round trip.
 */
async function hitAt(store: StoreReader, view: FileView, offset: number): Promise<Hit | undefined> {
  const containing = view.itemsWithHitsAt(offset);
  for (let next = 0, size = 1; next < containing.length; next += size, size *= 4) {
    const batch = containing.slice(next, next + size);
    const records = await readEncoded(store, view.crate, batch.map(([itemId]) => itemId));
    for (const [i, [itemId, itemStart]] of batch.entries()) {
      const record = records[i];
      if (record === undefined) throw new InconsistentIndexError(`no record for ${itemId}`);
      const hit = hitInRecord(itemId, record, offset - itemStart);
      if (hit === undefined) continue;
      if ('def' in hit) {
        const [def] = (await findDefs(store, [hit.def])).get(hit.def)!;
        if (def === undefined) throw new InconsistentIndexError(`no def key for ${hit.def} of ${itemId}`);
        return { kind: 'def', def };
      }
      const { ref, list } = hit;
      if (ref.target !== undefined) return { kind: 'ref', targets: [ref.target], ambiguous: false };
      // The record names a candidate list by its hash; only the hit's list is read.
      if (list !== undefined) return { kind: 'ref', targets: (await readLists(store, [list])).get(list)!, ambiguous: true };
      return { kind: 'unresolved', path: ref.unresolved ?? '' };
    }
  }
  return undefined;
}

/** Most candidates of an ambiguous call whose overridden trait methods `definitionsAt` adds. */
const FOLLOWED_CANDIDATES = 16;

/**
 * The def ids `text` names: a symbol id the store knows; else defs whose qualname, or a path a
 * `pub use` re-exports them under, is `text`; else defs whose qualname or re-export path ends
 * with `::text` (so `Circle::area` finds `geometry::shapes::Circle::area`).
 */
export async function resolveTarget(store: StoreReader, text: string): Promise<string[]> {
  const query = text.trim();
  if (isSymbolId(query)) return (await defTextsById(store, [query]))[0] !== undefined ? [query] : [];
  const path = query.replace(/^::/, '');
  if (path === '') return [];
  const want = segmentsOf(path);
  // The exact path by two point reads, the defs of its last segment's name and those re-exported
  // under it; the suffix, by a range read, only when no def has the exact path.
  const [named = [], reexported = []] = (await store.getManyJson<unknown>([
    keys.names(want[want.length - 1].toLowerCase()),
    keys.reexports(path),
  ])) as [SetMembers<StoredNameEntry>?, SetMembers?];
  const exact = defsWithPath(want, 'exact', reexported, named);
  if (exact.length > 0) return exact;
  const suffixPaths: SetMembers = [];
  for await (const [, members] of store.entries<SetMembers>(ranges.qualnameSuffix(path))) suffixPaths.push(...members);
  return defsWithPath(want, 'suffix', suffixPaths, named);
}

/**
 * The ids of the defs whose qualname is the path `want` (or ends with its segments, `suffix`):
 * among the defs named as the path's last segment (keys.ts), whose name entries say their
 * qualnames, and those a re-export gives such a path (`reexported`). Segments split at `::`
 * outside angle brackets, so `Iterator>::next` is no suffix of `<I as Iterator>::next`.
 */
function defsWithPath(want: string[], match: 'exact' | 'suffix', reexported: SetMembers, named: SetMembers<StoredNameEntry>): string[] {
  const ids = new Set(reexported.map(([def]) => def));
  for (const [def, , ...stored] of named) {
    const segments = segmentsOf(nameEntryOf(def, stored)[2]);
    const extra = segments.length - want.length;
    if (match === 'exact' ? extra !== 0 : extra <= 0) continue;
    if (want.every((segment, i) => segments[extra + i] === segment)) ids.add(def);
  }
  return [...ids].sort();
}

export async function defById(store: StoreReader, id: string): Promise<DefDetails | undefined> {
  for (const { crate, item: itemId, entry } of await defsById(store, id)) {
    const def = defOfEntry(id, entry);
    const view = await new FileViews(store).get(entry.file, crate);
    return { location: defLocation(view, view.itemStart(itemId), def), def, crate, itemId };
  }
  return undefined;
}

/** A def with its docs; `docsStale` when they are to be read from a source file that no longer has them. */
export type FullDef = Def & { docsStale?: true };

/**
 * The whole def of each symbol (docs, type), from its def key, of which finding it read the
 * brief alone; undefined where the store no longer has it. Docs the store left in the source
 * (source-docs.ts) are read from the files under `sourceRoot`.
 */
export async function fullDefs(store: StoreReader, symbols: readonly FoundDef[], sourceRoot?: string): Promise<Array<FullDef | undefined>> {
  const texts = (await defTextsById(store, symbols.map((s) => s.id))).map((found) => found?.text);
  const views = new FileViews(store);
  return Promise.all(symbols.map(async (s, i) => {
    if (texts[i] === undefined) return undefined;
    const def: SourceDocsDef = parseDef(s.id, texts[i]!);
    if (def.docsInSource === undefined) return def;
    const view = await views.get(s.file, s.item.crate);
    const head = sourceRoot === undefined ? undefined : readHead(resolve(sourceRoot, s.file), view.itemStart(s.item.itemId), def);
    return withSourceDocs(def, head);
  }));
}
