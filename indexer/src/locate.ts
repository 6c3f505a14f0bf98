// Where a def is: its def key gives its file and name span relative to its item, its file's
// table the item's start. The def key is the def's id alone (keys.ts), so finding it is a point
// read: 3 µs, where a range read waits for LevelDB's threads, 60 µs at best (bench/RESULTS.md,
// issue 6, fourth and eleventh sessions).
import type { Def, DefKind } from '../../schema/src/index.js';
import type { FileView, FileViews, LineRange } from './files.js';
import { defTextsById } from './def-entries.js';
import { parseDefBrief, type DefBrief } from './def-values.js';
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
 * The def entries of each id, in the order asked; an id with no def in the store has none. Each
 * is a point read (def-entries.ts), hundreds of them for an unknown receiver's `.len()`.
 */
export async function findDefs(store: StoreReader, ids: readonly string[]): Promise<Map<string, FoundDef[]>> {
  const texts = ids.length === 0 ? [] : await defTextsById(store, ids);
  return new Map(ids.map((id, i) => {
    const found = texts[i];
    return [id, found === undefined ? [] : [foundDef(parseDefBrief(id, found.text), id, { crate: found.crate, itemId: found.item })]];
  }));
}

/** A def entry (just parsed or made, not shared) made a FoundDef in place. */
function foundDef(entry: DefBrief, id: string, item: ItemRef): FoundDef {
  const def = entry as FoundDef;
  def.id = id;
  def.item = item;
  return def;
}

/** Where `id` is defined: one location per crate that has the def, none when it is not indexed. */
export async function locateDef(store: StoreReader, views: FileViews, id: string): Promise<Location[]> {
  return locateAll(views, (await findDefs(store, [id])).get(id)!);
}

/** Where each def found by its def key is, in order. */
export async function locateAll(views: FileViews, defs: readonly FoundDef[]): Promise<Location[]> {
  const viewsOf = await Promise.all(defs.map((d) => views.get(d.file, d.item.crate)));
  return defs.map((d, i) => defLocation(viewsOf[i], viewsOf[i].itemStart(d.item.itemId), d));
}
