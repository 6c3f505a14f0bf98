// Find-references: every ref to a symbol, read from its target keys (target-refs.ts), the keys of
// the candidate lists that hold it and, for a trait method, the keys of the methods overriding
// it. The refs are gathered as numbers and only then turned into RefLocations (ref-locations.ts):
// `Option` has 2,000 refs in 250 files, and per ref costs add up.
import type { RefRole } from '../../schema/src/types.js';
import { defsById } from './def-entries.js';
import { InconsistentIndexError } from './errors.js';
import { FileViews, type FileView } from './files.js';
import { BY_HASH, findHash } from './items-arena.js';
import { GatheredRefs, type RefLocation } from './ref-locations.js';
import { listCratesOf } from './list-crates.js';
import { nameLengthInId } from './id-names.js';
import { readEncoded, readStampedItems } from './items.js';
import { crateOfItem, deriveItemKeys, keys } from './keys.js';
import { localEntryIn, recordOwnerOf, relativeId, roleAt } from './records.js';
import { decodeRef, itemPlaces, type DecodedRef } from './item-places.js';
import { directoryOf, isCrateMember } from './own-ref-keys.js';
import { PackedReader } from './packed-text.js';
import { overridersOf } from './relations.js';
import type { StoreReader } from './store.js';
import { contributionOf, fileEntriesOf, type FileEntry, type TargetRefsValue } from './target-refs.js';

export type { RefLocation };

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

/**
 * Every ref to `targetId`, sorted by file then position, a place once per role (a ref seen from
 * two crates, from each item a macro expands to, or both as the symbol's own and through a
 * candidate list or an overriding method: GatheredRefs.locations says which is kept). Unless
 * `exact`, refs to the methods overriding a trait method count as its refs (`via`).
 */
export async function references(store: StoreReader, targetId: string, options: ReferenceOptions = {}): Promise<RefLocation[]> {
  const views = new FileViews(store);
  const wanted = options.crates ? new Set(options.crates) : undefined;
  // Only a method is overridden.
  const overriders = options.exact || !targetId.endsWith(').') ? [] : await overridersOf(store, targetId);
  const [direct, ...via] = await refRowsOf(store, [targetId, ...overriders], wanted);
  // An unknown receiver's `.next_back()` lists every `next_back`: one list holds the trait method
  // and its hundreds of overrides. Each list is read once, for the first of them it holds.
  const groups = [{ via: undefined as string | undefined, rows: direct }, ...via.map((rows, i) => ({ via: overriders[i], rows }))];
  const owners = new Map<string, number>();
  groups.forEach(({ rows }, i) => {
    for (const list of rows.lists) if (!owners.has(list)) owners.set(list, i);
  });
  const listed = await candidateRefsIn(store, [...owners.keys()], wanted);
  const candidates = groups.map((): FoundRefs[] => []);
  [...owners.values()].forEach((group, i) => candidates[group].push(...listed[i]));
  const found = groups.map(({ via: overrider, rows }, i) => ({
    via: overrider,
    found: [...rows.found, ...candidates[i]],
  }));
  const roles = options.kinds ? new Set<RefRole>(options.kinds) : undefined;
  return GatheredRefs.with(async (gathered) => {
    await gatherRefs(store, views, gathered, targetId, found, roles);
    await gatherRecordRefs(store, views, gathered, targetId, wanted, roles);
    if (options.includeDecl) {
      for (const { crate, item, entry } of await defsById(store, targetId)) {
        if (wanted !== undefined && !wanted.has(crate)) continue;
        const view = await views.get(entry.file, crate);
        gathered.add(gathered.file(view.path), view.range(view.itemStart(item), entry.nameSpan), 'decl', item, false, undefined, 0);
      }
    }
    return gathered.locations(targetId);
  });
}

/** Gathers the refs of some groups of found entries. */
async function gatherRefs(
  store: StoreReader,
  views: FileViews,
  gathered: GatheredRefs,
  target: string,
  groups: Array<{ found: FoundRefs[]; via: string | undefined }>,
  roles: Set<RefRole> | undefined,
): Promise<void> {
  const viewsOf = await views.getAll(groups.flatMap(({ found }) => found));
  const shared: SharedHashRow[] = [];
  const ref: DecodedRef = { line: 0, col: 0, endLine: 0, endCol: 0, role: 0 };
  const reader = new PackedReader('');
  let n = 0;
  for (const [group, { found: entries, via }] of groups.entries()) {
    // A target key leaves out the length of a ref that spans its target's name (item-places.ts).
    const nameLength = nameLengthInId(via ?? target) ?? -1;
    // The refs of the row of `text` whose refs run from `at` to `end` (target-refs.ts), of item
    // `id`, which starts on 0-based line `line` at column `col`.
    const add = (file: number, text: string, at: number, end: number, id: string, line: number, col: number, candidate: boolean) => {
      reader.text = text;
      for (reader.pos = at; reader.pos < end;) {
        decodeRef(reader, line, col, nameLength, ref);
        const role = roleAt(ref.role);
        if (roles === undefined || roles.has(role)) gathered.add(file, ref, role, id, candidate, via, group);
      }
      if (reader.pos !== end) throw new InconsistentIndexError(`a row of ${JSON.stringify(text.slice(0, 60))} runs past its end`);
    };
    for (const found of entries) {
      const view = viewsOf[n++];
      const file = gathered.file(view.path);
      const { text, candidate } = found;
      const { table, ids } = view.byHash();
      const base = view.hashBase;
      const count = view.hashCount;
      const { stride, hash: HASH, start: START, line: LINE, col: COL } = BY_HASH;
      // Rows come by hash: each is searched for from where the one before was found.
      let p = 0;
      reader.text = text;
      for (let next = found.start; next < found.end;) {
        reader.pos = next;
        const row = next;
        const hash = reader.int();
        const length = reader.int();
        const at = reader.pos;
        const end = at + length;
        next = end;
        p = findHash(table, base, count, hash, p);
        if (p < 0) throw new InconsistentIndexError(`no item of ${found.crate} with the hash ${hash} in the table of ${found.file}`);
        const record = (base + p) * stride;
        if (p + 1 >= count || table[record + stride + HASH] !== hash) {
          add(file, text, at, end, ids[base + p], table[record + LINE], table[record + COL], candidate);
          continue;
        }
        const items: Array<[string, number]> = [];
        for (let q = p; q < count && table[(base + q) * stride + HASH] === hash; q++) items.push([ids[base + q], table[(base + q) * stride + START]]);
        shared.push({
          found, view, hash, row: text.slice(row, end), items,
          add: ([id, start]) => {
            const { line, col } = itemPlaces(view.lineIndex, start);
            add(file, text, at, end, id, line, col, candidate);
          },
        });
      }
    }
  }
  if (shared.length > 0) await resolveSharedHashes(store, shared);
}

/** A row whose hash several items of its file share, and what adds its refs once its item is known. */
interface SharedHashRow {
  found: FoundRefs;
  view: FileView;
  hash: number;
  /** The row's text. */
  row: string;
  /** The items with the hash, each as its id and start. */
  items: Array<[string, number]>;
  add: (item: [string, number]) => void;
}

/**
 * Finds the item of each row whose hash several items of its file share (itemHash): the one
 * whose own contribution to the key, derived from its record as a load does, is that row.
 * Items with equal contributions take one row each.
 */
async function resolveSharedHashes(store: StoreReader, rows: SharedHashRow[]): Promise<void> {
  // Items already matched to a row of an entry.
  const taken = new Map<FoundRefs, Set<string>>();
  for (const { found, view, hash, row, items, add } of rows) {
    const records = await readStampedItems(store, found.crate, items.map(([id]) => id));
    let used = taken.get(found);
    if (used === undefined) taken.set(found, (used = new Set()));
    const match = items.find(([id, start], i) => {
      const record = records[i];
      if (record === undefined || used.has(id)) return false;
      const entry = deriveItemKeys(found.crate, record.item, itemPlaces(view.lineIndex, start)).get(`${found.key}\0${id}`);
      return entry !== undefined && contributionOf(id, entry).row === row;
    });
    if (match === undefined) throw new InconsistentIndexError(`no item of ${found.file} with the hash ${hash} contributes ${JSON.stringify(row)} to ${JSON.stringify(found.key)}`);
    used.add(match[0]);
    add(match);
  }
}

/** The refs to a target in one file of a crate, by item: a file entry of a target key's value. */
interface FoundRefs extends FileEntry {
  crate: string;
  /** The target key they were read from, and its value. */
  key: string;
  text: TargetRefsValue;
  candidate: boolean;
}

/**
 * For each target, the refs resolved to it, by crate and file (those of the `wanted` crates, when
 * given), and the candidate lists that hold it: the ref key of its own crate, whose directory
 * names the lists and the other crates with refs to it (own-ref-keys.ts), then those crates' ref
 * keys, all point reads, in two batches however many targets (a trait method's hundred
 * overriders each took an asynchronous read of their own: 12-15% of `next_back`'s refs with cold
 * caches).
 */
async function refRowsOf(store: StoreReader, targets: string[], wanted: Set<string> | undefined): Promise<Array<{ found: FoundRefs[]; lists: string[] }>> {
  const owns = targets.map(crateOfItem);
  const ownKeys = targets.map((target, i) => keys.targetRefs(target, owns[i]));
  const ownTexts = await store.getManyText(ownKeys);
  const others: Array<{ at: number; crate: string; key: string }> = [];
  const rows = ownTexts.map((text, i) => {
    if (text === undefined) return { found: [], lists: [] };
    const reader = new PackedReader(text);
    const directory = directoryOf(reader);
    for (const member of directory) {
      if (isCrateMember(member) && (wanted === undefined || wanted.has(member))) others.push({ at: i, crate: member, key: keys.targetRefs(targets[i], member) });
    }
    const found = wanted === undefined || wanted.has(owns[i]) ? foundIn(owns[i], ownKeys[i], text, false, reader.pos) : [];
    return { found, lists: directory.filter((member) => !isCrateMember(member)) };
  });
  if (others.length > 0) {
    const texts = await store.getManyText(others.map(({ key }) => key));
    texts.forEach((text, k) => {
      const { at, crate, key } = others[k];
      if (text !== undefined) rows[at].found.push(...foundIn(crate, key, text, false));
    });
  }
  return rows;
}

/**
 * Gathers the refs of a record-local def's item to it, which its record alone holds (records.ts,
 * isRecordLocal), placed from their offsets: they are in no ref key.
 */
async function gatherRecordRefs(
  store: StoreReader, views: FileViews, gathered: GatheredRefs, target: string, wanted: Set<string> | undefined, roles: Set<RefRole> | undefined,
): Promise<void> {
  const item = recordOwnerOf(target);
  if (item === undefined) return;
  const crate = crateOfItem(item);
  if (wanted !== undefined && !wanted.has(crate)) return;
  const [record] = await readEncoded(store, crate, [item]);
  if (record === undefined || localEntryIn(record, item, target) === undefined) return;
  const relative = relativeId(item, target);
  const view = await views.get(record.file, crate);
  const itemStart = view.itemStart(item);
  const file = gathered.file(view.path);
  let start = 0;
  for (const row of record.refs) {
    start += row[0];
    if (row.length !== 4 || row[3] !== relative) continue;
    const role = roleAt(row[2]);
    if (roles === undefined || roles.has(role)) gathered.add(file, view.range(itemStart, [start, start + row[1]]), role, item, false, undefined, 0);
  }
}

/**
 * For each list, the refs whose candidates it is (those of the `wanted` crates, when given): the
 * lists' crates in one batch (list-crates.ts), then their cref keys in another.
 */
async function candidateRefsIn(store: StoreReader, lists: string[], wanted: Set<string> | undefined): Promise<FoundRefs[][]> {
  if (lists.length === 0) return [];
  const cratesOf = (await store.getManyText(lists.map(keys.listCrates)))
    .map((text) => listCratesOf(text).filter((crate) => wanted === undefined || wanted.has(crate)));
  const crefs = lists.flatMap((list, l) => cratesOf[l].map((crate) => ({ l, crate, key: keys.candidateRefs(list, crate) })));
  const texts = await store.getManyText(crefs.map(({ key }) => key));
  const found = lists.map((): FoundRefs[] => []);
  crefs.forEach(({ l, crate, key }, k) => {
    const text = texts[k];
    if (text !== undefined) found[l].push(...foundIn(crate, key, text, true));
  });
  return found;
}

/** The file entries of one target key's value `text` (from `pos`, after a directory), read from `key`, of crate `crate`. */
function foundIn(crate: string, key: string, text: TargetRefsValue, candidate: boolean, pos = 0): FoundRefs[] {
  return fileEntriesOf(text, pos).map(({ file, start, end }) => ({ file, start, end, crate, key, text, candidate }));
}
