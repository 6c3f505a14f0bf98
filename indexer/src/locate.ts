// Where a def is: its def key gives its file and name span relative to its item, its file's
// table the item's start. Most lookups guess the def key instead of scanning for it: a point
// read takes 3 µs where a range read waits 60 µs for LevelDB's threads (bench/RESULTS.md,
// issue 6, fourth session).
import type { Def, DefKind } from '../../schema/src/index.js';
import type { FileView, FileViews, LineRange } from './files.js';
import { keyParts, keys, ranges, type DefEntry } from './keys.js';
import type { StoreReader } from './store.js';

/** A def's name: 1-based lines, columns in characters, end exclusive. */
export interface Location extends LineRange {
  file: string;
  id: string;
  qualname: string;
  kind: DefKind;
  name: string;
}

/** A def located, with the trait methods it overrides (its def key has them). */
export interface Located {
  location: Location;
  overrides: readonly string[];
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
 * Each id located, in the order asked; an id with no def in the store has none. The def of a
 * fn, method, type or module is the item of the same id, in the crate its id names; a local's
 * is usually in the item whose ref names it (`near`), a variant's or field's in its type's.
 * Those keys are guessed; only an id they all miss is looked up by range.
 */
export async function locateAll(
  store: StoreReader, views: FileViews, ids: readonly string[], near?: ReadonlyMap<string, ItemRef>,
): Promise<Map<string, Located[]>> {
  const own = ids.map((id): ItemRef => ({ crate: crateOfId(id), itemId: id }));
  const entries = ids.length === 0 ? [] : await store.getManyJson<DefEntry>(ids.map((id, i) => keys.def(id, own[i].crate, own[i].itemId)));
  const out = new Map<string, Located[]>();
  await Promise.all(ids.map(async (id, i) => {
    const entry = entries[i];
    if (entry !== undefined) {
      out.set(id, [await located(views, id, own[i], entry)]);
      return;
    }
    for (const item of [near?.get(id), memberOf(id)]) {
      if (item === undefined) continue;
      const guessed = await store.getJson<DefEntry>(keys.def(id, item.crate, item.itemId));
      if (guessed === undefined) continue;
      out.set(id, [await located(views, id, item, guessed)]);
      return;
    }
    out.set(id, await locateByRange(store, views, id));
  }));
  return new Map(ids.map((id) => [id, out.get(id)!]));
}

/** A member of a type (a variant, a field): the type's id, then the member's name as a term. */
const MEMBER = /^(.*#)(?:[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)*`)\.$/;

/** The item that holds the def of a variant or field: its type's (`…Option#Some.` → `…Option#`). */
export function memberOf(id: string): ItemRef | undefined {
  const type = MEMBER.exec(id)?.[1];
  return type === undefined ? undefined : { crate: crateOfId(id), itemId: type };
}

/** Where `id` is defined: one location per crate that has the def, none when it is not indexed. */
export async function locateDef(store: StoreReader, views: FileViews, id: string): Promise<Location[]> {
  return (await locateByRange(store, views, id)).map((l) => l.location);
}

/** The location of a def from its def key, without reading its item. */
export async function entryLocation(views: FileViews, id: string, crate: string, itemId: string, entry: DefEntry): Promise<Location> {
  return (await located(views, id, { crate, itemId }, entry)).location;
}

async function locateByRange(store: StoreReader, views: FileViews, id: string): Promise<Located[]> {
  const out: Located[] = [];
  for await (const [k, entry] of store.entries<DefEntry>(ranges.defsOf(id))) {
    const [, crate, itemId] = keyParts(k);
    out.push(await located(views, id, { crate, itemId }, entry));
  }
  return out;
}

async function located(views: FileViews, id: string, { crate, itemId }: ItemRef, entry: DefEntry): Promise<Located> {
  const view = await views.get(entry.file, crate);
  const { qualname, kind, name, nameSpan } = entry;
  return { location: defLocation(view, view.itemStart(itemId), { id, qualname, kind, name, nameSpan }), overrides: entry.overrides ?? [] };
}

/** The crate id a symbol id starts with: `cargo NAME VERSION`. */
export function crateOfId(id: string): string {
  return id.split(' ', 3).join(' ');
}
