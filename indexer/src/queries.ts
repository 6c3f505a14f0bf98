// Goto-definition, find-references and symbol lookups. Each query reads only the keys it
// needs: the file tables of the files it reports on, the items around a position, and the
// def/ref/qual keys of the symbols asked about.
import { resolve } from 'node:path';
import { isSymbolId } from '../../schema/src/symbol.js';
import type { Def, RefRole } from '../../schema/src/types.js';
import { InconsistentIndexError, PositionError, UnknownFileError } from './errors.js';
import { FileViews, type FileView, type LineRange } from './files.js';
import { readEncoded, readLists } from './items.js';
import { compareStrings, crateOfItem, keyParts, keys, nameEntryOf, ranges, segmentsOf, type FileItem, type Range, type StoredNameEntry } from './keys.js';
import { defsById, defTextsById } from './def-entries.js';
import { crateIds } from './crates.js';
import { defLocation, findDefs, locateAll, type FoundDef, type Location } from './locate.js';
import { hitInRecord, localEntryIn, recordOwnerOf, relativeId, roleAt, roleOfShort } from './records.js';
import { nameLengthInId } from './id-names.js';
import { defOfEntry, parseDef } from './def-values.js';
import { itemInCrate, itemOfRow, type ItemRefRow, type TargetRefsValue } from './target-refs.js';
import { overridersOf } from './relations.js';
import { readHead, withSourceDocs, type SourceDocsDef } from './source-docs.js';
import type { StoreReader } from './store.js';

/** One use of a symbol; role `decl` marks the def's own name (references with includeDecl). */
export interface RefLocation extends LineRange {
  file: string;
  role: RefRole | 'decl';
  /** The ref may resolve to the symbol: resolution found several candidates. */
  candidate: boolean;
  /** The symbol asked about. */
  target: string;
  /** The item whose code holds the ref: the fn that calls, the impl that names a type. */
  item: string;
  /**
   * Set when the ref is not to the symbol itself but to this method overriding it: a call the
   * front end resolved to one impl of the trait method asked about.
   */
  via?: string;
}

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

export interface ReferenceOptions {
  includeDecl?: boolean;
  /** Only refs with one of these roles; every role when absent. */
  kinds?: RefRole[];
  /**
   * Only refs to the symbol itself. By default a trait method's references also include refs
   * to the methods overriding it, marked with `via`.
   */
  exact?: boolean;
  /** Only refs in the items of these crates (ids); every crate when absent. */
  crates?: string[];
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
 * Every ref to `targetId`, sorted by file then position; a ref seen from two crates is listed
 * once, and a ref both to the symbol and via an overriding method is listed as the former.
 * Unless `exact`, refs to the methods overriding a trait method count as its refs (`via`).
 */
export async function references(store: StoreReader, targetId: string, options: ReferenceOptions = {}): Promise<RefLocation[]> {
  const views = new FileViews(store);
  const roles = options.kinds ? new Set<RefRole>(options.kinds) : undefined;
  const wanted = options.crates ? new Set(options.crates) : undefined;
  // Only a method is overridden; the scan for overriders runs while the refs are read.
  const overriders = options.exact || !targetId.endsWith(').')
    ? Promise.resolve([])
    : overridersOf(store, targetId);
  const [direct, via] = await Promise.all([
    Promise.all([refRowsTo(store, targetId), recordRefRowsTo(store, targetId)]).then(([keyed, local]) => {
      if (local !== undefined) keyed.found.push(local);
      return keyed;
    }),
    overriders.then((ids) => Promise.all(ids.map(async (overrider) => ({ overrider, rows: await refRowsTo(store, overrider) })))),
  ]);
  // An unknown receiver's `.next_back()` lists every `next_back`: one list holds the trait method
  // and its hundreds of overrides. Each list is read once, for the first of them it holds.
  const groups = [{ via: undefined as string | undefined, rows: direct }, ...via.map(({ overrider, rows }) => ({ via: overrider, rows }))];
  const owners = new Map<string, number>();
  groups.forEach(({ rows }, i) => {
    for (const list of rows.lists) if (!owners.has(list)) owners.set(list, i);
  });
  const listed = await Promise.all([...owners.keys()].map((list) => candidateRefsIn(store, list)));
  const candidates = groups.map((): FoundRefs[] => []);
  [...owners.values()].forEach((group, i) => candidates[group].push(...listed[i]));
  const byFile = await collectRefs(views, targetId, groups.map(({ via: overrider, rows }, i) => ({
    via: overrider,
    found: [...rows.found, ...candidates[i]].filter(({ crate }) => wanted === undefined || wanted.has(crate)),
  })), roles);
  if (options.includeDecl) {
    for (const { crate, item, entry } of await defsById(store, targetId)) {
      if (wanted !== undefined && !wanted.has(crate)) continue;
      const view = await views.get(entry.file, crate);
      const { line, col, endLine, endCol } = view.range(view.itemStart(item), entry.nameSpan);
      refsIn(byFile, entry.file).push({ file: entry.file, line, col, endLine, endCol, role: 'decl', candidate: false, target: targetId, item });
    }
  }
  // Sorted a file at a time, by numbers: one sort of them all, comparing paths, was most of the
  // time of `Option`'s 2,000 refs. The sort is stable, so at one place the ref collected first (a
  // direct one) is the one kept.
  const out: RefLocation[] = [];
  for (const file of [...byFile.keys()].sort(compareStrings)) {
    const refs = inOrder(byFile.get(file)!);
    refs.forEach((r, i) => {
      if (i === 0 || !samePlace(refs[i - 1], r)) out.push(r);
    });
  }
  return out;
}

function refsIn(byFile: Map<string, RefLocation[]>, file: string): RefLocation[] {
  let refs = byFile.get(file);
  if (refs === undefined) byFile.set(file, (refs = []));
  return refs;
}

/** The refs of some groups of found entries, by file, in the order of the groups. */
async function collectRefs(
  views: FileViews,
  target: string,
  groups: Array<{ found: FoundRefs[]; via: string | undefined }>,
  roles: Set<RefRole> | undefined,
): Promise<Map<string, RefLocation[]>> {
  const viewsOf = await views.getAll(groups.flatMap(({ found }) => found));
  const byFile = new Map<string, RefLocation[]>();
  let n = 0;
  for (const { found, via } of groups) {
    // A target key leaves out the length of a ref that spans its target's name (records.ts).
    const nameLength = nameLengthInId(via ?? target) ?? -1;
    for (const { row, candidate } of found) {
      const view = viewsOf[n++];
      const lines = view.lineIndex;
      const file = row[0];
      const refs = refsIn(byFile, file);
      // Items by where they start, so that their refs come in order and each line is found from
      // the one before (LineIndex.lineAt), mostly without a search.
      const count = sortItemsByStart(view, row);
      let line = 0;
      for (let k = 0; k < count; k++) {
        const [item, start] = byStart.items[k];
        const entry = byStart.entries[k];
        // Built field by field, rows read in place: `Option` has 2,000 refs, and each copy showed.
        for (let r = 1; r < entry.length;) {
          const second = entry[r + 1] as number;
          const short = second < 0;
          if (short && nameLength < 0) throw new InconsistentIndexError(`a ref key of ${via ?? target} leaves out a length its id does not give`);
          const role = roleAt(short ? roleOfShort(second) : (entry[r + 2] as number));
          const at = start + (entry[r] as number);
          const end = at + (short ? nameLength : second);
          r += short ? 2 : 3;
          if (roles && !roles.has(role)) continue;
          lines.check(end);
          line = lines.lineAt(at, line);
          const endLine = lines.lineAt(end, line);
          const ref: RefLocation = {
            file, line: line + 1, col: lines.columnAt(at, line), endLine: endLine + 1, endCol: lines.columnAt(end, endLine), role, candidate, target, item,
          };
          if (via !== undefined) ref.via = via;
          refs.push(ref);
        }
      }
    }
  }
  return byFile;
}

/**
 * Puts a file entry's items and their rows in byStart, by where the items start, and gives how
 * many there are. An insertion sort into arrays kept from one file to the next: a file has a few
 * items that refer to one target, and Array.sort and fresh arrays allocated more than the refs.
 */
function sortItemsByStart(view: FileView, row: TargetRefsValue[number]): number {
  const { items, entries } = byStart;
  let n = 0;
  let previous = '';
  for (let k = 1; k < row.length; k++, n++) {
    const entry = row[k] as ItemRefRow;
    previous = itemOfRow(entry[0], previous);
    const item = view.itemInCrate(previous);
    let at = n;
    while (at > 0 && items[at - 1][1] > item[1]) {
      items[at] = items[at - 1];
      entries[at] = entries[at - 1];
      at--;
    }
    items[at] = item;
    entries[at] = entry;
  }
  return n;
}

/** sortItemsByStart's output, read before the next file's. */
const byStart: { items: FileItem[]; entries: ItemRefRow[] } = { items: [], entries: [] };

/** The refs to a target in one file of a crate, by item (relative to the crate, itemInCrate). */
interface FoundRefs {
  crate: string;
  file: string;
  /** One file's entry of a TargetRefsValue, as parsed: its path, then its items' rows. */
  row: TargetRefsValue[number];
  candidate: boolean;
}

/**
 * The refs resolved to `target`, by crate and file (keys.ts), and the candidate lists that hold
 * it: point reads, one per crate.
 */
async function refRowsTo(store: StoreReader, target: string): Promise<{ found: FoundRefs[]; lists: string[] }> {
  const crates = await crateIds(store);
  const [listText, ...texts] = await store.getManyText([keys.listsHolding(target), ...crates.map((crate) => keys.targetRefs(target, crate))]);
  return { found: foundIn(crates, texts, false), lists: listText === undefined ? [] : (JSON.parse(listText) as string[]) };
}

/**
 * The refs of a record-local def's item to it, which its record alone holds (records.ts,
 * isRecordLocal), as the one file entry of a target key would give them.
 */
async function recordRefRowsTo(store: StoreReader, target: string): Promise<FoundRefs | undefined> {
  const item = recordOwnerOf(target);
  if (item === undefined) return undefined;
  const crate = crateOfItem(item);
  const [record] = await readEncoded(store, crate, [item]);
  if (record === undefined || localEntryIn(record, item, target) === undefined) return undefined;
  const relative = relativeId(item, target);
  const refs: number[] = [];
  let start = 0;
  for (const row of record.refs) {
    start += row[0];
    if (row.length === 4 && row[3] === relative) refs.push(start, row[1], row[2]);
  }
  if (refs.length === 0) return undefined;
  return { crate, file: record.file, row: [record.file, [itemInCrate(crate, item), ...refs]], candidate: false };
}

/** The refs whose candidates are `list`. */
async function candidateRefsIn(store: StoreReader, list: string): Promise<FoundRefs[]> {
  const crates = await crateIds(store);
  return foundIn(crates, await store.getManyText(crates.map((crate) => keys.candidateRefs(list, crate))), true);
}

/** The entries of each crate's TargetRefsValue (texts[i] is crates[i]'s). */
function foundIn(crates: string[], texts: Array<string | undefined>, candidate: boolean): FoundRefs[] {
  const found: FoundRefs[] = [];
  texts.forEach((text, i) => {
    if (text === undefined) return;
    for (const row of JSON.parse(text) as TargetRefsValue) found.push({ crate: crates[i], file: row[0], row, candidate });
  });
  return found;
}

/**
 * Refs of one file by position. They mostly come in order already (collectRefs), and the sort,
 * which copies the array, is then skipped.
 */
function inOrder(refs: RefLocation[]): RefLocation[] {
  for (let i = 1; i < refs.length; i++) if (byPosition(refs[i - 1], refs[i]) > 0) return refs.sort(byPosition);
  return refs;
}

/** Order within one file. */
function byPosition(a: RefLocation, b: RefLocation): number {
  return a.line - b.line || a.col - b.col || a.endLine - b.endLine || a.endCol - b.endCol;
}

function samePlace(a: RefLocation, b: RefLocation): boolean {
  return byPosition(a, b) === 0 && a.role === b.role && a.candidate === b.candidate;
}

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
  const exact = await defsWithPath(store, path, 'exact');
  return exact.length > 0 ? exact : defsWithPath(store, path, 'suffix');
}

/**
 * The ids of the defs whose qualname is `path` (or ends with its segments, `suffix`): among the
 * defs named as the path's last segment (keys.ts), whose name entries say their qualnames, and
 * those a re-export gives such a path (`reexports`). Segments split at `::` outside angle
 * brackets, so `Iterator>::next` is no suffix of `<I as Iterator>::next`.
 */
async function defsWithPath(store: StoreReader, path: string, match: 'exact' | 'suffix'): Promise<string[]> {
  const want = segmentsOf(path);
  const ids = new Set(await defIdsIn(store, match === 'exact' ? ranges.exactQualname(path) : ranges.qualnameSuffix(path)));
  for await (const [k, stored] of store.entries<StoredNameEntry>(ranges.exactName(want[want.length - 1].toLowerCase()))) {
    const segments = segmentsOf(nameEntryOf(k, stored)[2]);
    const extra = segments.length - want.length;
    if (match === 'exact' ? extra !== 0 : extra <= 0) continue;
    if (want.every((segment, i) => segments[extra + i] === segment)) ids.add(keyParts(k)[1]);
  }
  return [...ids].sort();
}

async function defIdsIn(store: StoreReader, range: Range): Promise<string[]> {
  const ids = new Set<string>();
  for await (const k of store.keys(range)) ids.add(keyParts(k)[1]);
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
