// Where a def is: its def key gives its file and name span relative to its item, its file's
// table the item's start. Most lookups guess the def key instead of scanning for it: a point
// read takes 3 µs where a range read waits 60 µs for LevelDB's threads (bench/RESULTS.md,
// issue 6, fourth session).
import type { Def, DefKind } from '../../schema/src/index.js';
import type { FileView, FileViews, LineRange } from './files.js';
import { defsById, readDefTexts } from './def-entries.js';
import { crateOfItem } from './keys.js';
import { parseDefBrief, recordOwnerOf, type DefBrief } from './records.js';
import type { StoreReader } from './store.js';

/** A def's name: 1-based lines, columns in characters, end exclusive. */
export interface Location extends LineRange {
  file: string;
  id: string;
  qualname: string;
  kind: DefKind;
  name: string;
}

/** A def as its def key's brief has it, with its id and the item that holds it. */
export interface FoundDef extends DefBrief {
  id: string;
  item: ItemRef;
}

/** An item of a crate. */
export interface ItemRef {
  crate: string;
  itemId: string;
}

export function defLocation(view: FileView, itemStart: number, def: Pick<Def, 'id' | 'qualname' | 'kind' | 'name' | 'nameSpan'>): Location {
  const { id, qualname, kind, name } = def;
  const { line, col, endLine, endCol } = view.range(itemStart, def.nameSpan);
  return { file: view.path, line, col, endLine, endCol, id, qualname, kind, name };
}

/**
 * The def entries of each id, in the order asked; an id with no def in the store has none. The
 * def of a fn, method, type or module is the item of the same id, in the crate its id names; a
 * local's or generic param's is in the record of the item it extends (recordOwnerOf), or else in
 * the item whose ref names it (`near`: a macro's item declares the locals of what it expands
 * to), a variant's or field's in its type's. Those are guessed; only an id they all miss is
 * looked up by range.
 */
export async function findDefs(store: StoreReader, ids: readonly string[], near?: ReadonlyMap<string, ItemRef>): Promise<Map<string, FoundDef[]>> {
  const own = ids.map((id): ItemRef => ({ crate: crateOfItem(id), itemId: id }));
  const entries = ids.length === 0 ? [] : await readBriefs(store, ids.map((id, i) => [id, own[i].itemId] as const));
  const out = new Map<string, FoundDef[]>();
  const missed: string[] = [];
  // Most ids are found at once: no promise each for hundreds of candidates.
  ids.forEach((id, i) => {
    const entry = entries[i];
    if (entry === undefined) missed.push(id);
    else out.set(id, [foundDef(entry, id, own[i])]);
  });
  await Promise.all(missed.map(async (id) => {
    for (const item of [recordOwner(id), near?.get(id), memberOf(id)]) {
      if (item === undefined) continue;
      const [guessed] = await readBriefs(store, [[id, item.itemId]]);
      if (guessed === undefined) continue;
      out.set(id, [foundDef(guessed, id, item)]);
      return;
    }
    out.set(id, await findDefsByRange(store, id));
  }));
  return missed.length === 0 ? out : new Map(ids.map((id) => [id, out.get(id)!]));
}

/** The briefs of some defs, each named by its id and item, undefined for a def the store lacks. */
export async function readBriefs(store: StoreReader, defs: ReadonlyArray<readonly [id: string, item: string]>): Promise<Array<DefBrief | undefined>> {
  return (await readDefTexts(store, defs)).map((text) => (text === undefined ? undefined : parseDefBrief(text)));
}

/** A def entry (just parsed or made, not shared) made a FoundDef in place. */
export function foundDef(entry: DefBrief, id: string, item: ItemRef): FoundDef {
  const def = entry as FoundDef;
  def.id = id;
  def.item = item;
  return def;
}

/** A member of a type (a variant, a field): the type's id, then the member's name as a term. */
const MEMBER = /^(.*#)(?:[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)*`)\.$/;

/** The item that holds the def of a variant or field: its type's (`…Option#Some.` → `…Option#`). */
export function memberOf(id: string): ItemRef | undefined {
  const type = MEMBER.exec(id)?.[1];
  return type === undefined ? undefined : { crate: crateOfItem(id), itemId: type };
}

/**
 * The item whose record holds a local's or generic param's def (records.ts, recordOwnerOf), which
 * other items refer to as well: `…impl#[Vec<T>][T]` → `…impl#[Vec<T>]`.
 */
function recordOwner(id: string): ItemRef | undefined {
  const item = recordOwnerOf(id);
  return item === undefined ? undefined : { crate: crateOfItem(item), itemId: item };
}

/** Where `id` is defined: one location per crate that has the def, none when it is not indexed. */
export async function locateDef(store: StoreReader, views: FileViews, id: string): Promise<Location[]> {
  return locateAll(views, await findDefsByRange(store, id));
}

/** The location of a def from its def key, without reading its item. */
export async function entryLocation(views: FileViews, id: string, crate: string, itemId: string, entry: DefBrief): Promise<Location> {
  return (await locateAll(views, [foundDef({ ...entry }, id, { crate, itemId })]))[0];
}

async function findDefsByRange(store: StoreReader, id: string): Promise<FoundDef[]> {
  return (await defsById(store, id)).map(({ crate, item, stored: [, brief] }) => foundDef(brief, id, { crate, itemId: item }));
}

/** Where each def found by its def key is, in order. */
export async function locateAll(views: FileViews, defs: readonly FoundDef[]): Promise<Location[]> {
  const viewsOf = await Promise.all(defs.map((d) => views.get(d.file, d.item.crate)));
  return defs.map((d, i) => defLocation(viewsOf[i], viewsOf[i].itemStart(d.item.itemId), d));
}
