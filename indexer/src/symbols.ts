// A file's outline: its items and what they define, nested as in the source. Read from the
// file's table (items by position) and the stored items (their defs and impl blocks).
import type { DefKind } from '../../schema/src/index.js';
import { UnknownFileError } from './errors.js';
import { FileViews, type FileView, type LineRange } from './files.js';
import { readRecords } from './items.js';
import { isSearchable, type StoredItem } from './keys.js';
import type { StoreReader } from './store.js';

export interface OutlineNode extends LineRange {
  /** `impl` for an impl block, else the def's kind. */
  kind: DefKind | 'impl';
  name: string;
  /** The def's qualified name; an impl block's is `impl Trait for Type`. */
  qualname: string;
  /** The def's id, or the impl block's. */
  id: string;
  children: OutlineNode[];
}

/**
 * The outline of `file` (relative to the workspace root). A file compiled into several crates
 * is outlined from the first of them.
 */
export async function fileOutline(store: StoreReader, file: string): Promise<OutlineNode[]> {
  const [view] = await new FileViews(store).allCratesOf(file);
  if (view === undefined) throw new UnknownFileError(file);
  const ids = view.table.items.map(([id]) => id);
  // Without candidate lists: an outline needs defs, impls and `mod x;` targets.
  const stored = (await readRecords(store, view.crate, ids)).map((record) => record?.item);
  const roots: OutlineNode[] = [];
  // Items come outer first at one start (files.ts), so an open item that still contains the
  // next one is its parent.
  const open: Array<{ end: number; node: OutlineNode }> = [];
  view.table.items.forEach(([, start, end], i) => {
    const item = stored[i];
    const node = item && outlineOf(view, item, start);
    if (!node) return;
    while (open.length > 0 && open[open.length - 1].end < end) open.pop();
    const parent = open[open.length - 1];
    (parent ? parent.node.children : roots).push(node);
    open.push({ end, node });
  });
  return roots;
}

/** The node of one item: its own def, with its other defs (fields, variants) inside it. */
function outlineOf(view: FileView, item: StoredItem, start: number): OutlineNode | undefined {
  // A file's own module record holds the module's def with an empty name span (the name is in
  // the parent file's `mod x;`): the file is that module, and the outline is what is in it.
  const defs = item.defs.filter((d) => isSearchable(d.kind) && d.kind !== 'crate' && d.nameSpan[1] > d.nameSpan[0]);
  const nodeOf = (d: (typeof defs)[number]): OutlineNode => ({
    kind: d.kind, name: d.name, qualname: d.qualname, id: d.id, ...view.range(start, d.nameSpan), children: [],
  });
  const own = defs.find((d) => d.id === item.item);
  if (own) {
    const node = nodeOf(own);
    node.children = defs.filter((d) => d !== own).map(nodeOf);
    return node;
  }
  const impl = item.impls[0];
  if (item.kind === 'impl' && impl) {
    const name = impl.trait === undefined ? impl.selfType : `${traitName(impl.trait)} for ${impl.selfType}`;
    return { kind: 'impl', name, qualname: `impl ${name}`, id: impl.id, ...view.range(start, [0, 0]), children: defs.map(nodeOf) };
  }
  // `mod x;`: its def lives in x's own file; the declaration refers to it.
  const declared = item.kind === 'mod' ? item.refs.find((r) => r.role === 'path' && r.target !== undefined) : undefined;
  if (declared?.target !== undefined && item.item.endsWith(DECL_SUFFIX)) {
    // `cargo geometry 0.1.0 shapes/circle/~decl` → `circle`.
    const descriptor = item.item.slice(0, -DECL_SUFFIX.length).split(' ').pop() ?? '';
    const name = /([^/]+)\/$/.exec(descriptor)?.[1] ?? declared.target;
    return { kind: 'mod', name, qualname: name, id: declared.target, ...view.range(start, declared.span), children: [] };
  }
  return undefined;
}

/** The id suffix of a `mod x;` item (schema/README.md). */
const DECL_SUFFIX = '~decl';

/** A trait id's last segment (`cargo geometry 0.1.0 shapes/Shape#` → `Shape`); a path as written stays. */
export function traitName(trait: string): string {
  const m = /([A-Za-z_][A-Za-z0-9_]*)#$/.exec(trait);
  return m ? m[1] : trait;
}
