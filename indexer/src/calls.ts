// The call hierarchy. Callers of a symbol: the items holding its call refs (a ref knows its
// item, and an item's id is the id of the fn it defines). Callees: the call refs inside the
// symbol's own item. Both walk `depth` levels, each symbol expanded once.
import { FileViews, type LineRange } from './files.js';
import { readRecord } from './items.js';
import { defsById } from './def-entries.js';
import { locateDef, type Location } from './locate.js';
import { references } from './references.js';
import type { StoreReader } from './store.js';

const CALL_ROLES = ['call', 'method'] as const;

export interface CallNode {
  id: string;
  /** Where the symbol is defined; absent for one outside the index (std). */
  location?: Location;
  /** The call sites: in the caller (callers) or in the symbol being expanded (callees). */
  sites: Array<LineRange & { file: string }>;
  /** The next level; absent past the depth or for a symbol already expanded above. */
  children?: CallNode[];
}

export type CallDirection = 'callers' | 'callees';

export async function callHierarchy(store: StoreReader, id: string, direction: CallDirection, depth: number): Promise<CallNode[]> {
  const views = new FileViews(store);
  const expanded = new Set<string>([id]);
  const level = async (of: string, remaining: number): Promise<CallNode[]> => {
    const nodes = direction === 'callers' ? await callers(store, of) : await callees(store, views, of);
    for (const node of nodes) {
      node.location = (await locateDef(store, views, node.id))[0];
      if (remaining > 1 && !expanded.has(node.id)) {
        expanded.add(node.id);
        node.children = await level(node.id, remaining - 1);
      }
    }
    return nodes;
  };
  return level(id, Math.max(1, depth));
}

async function callers(store: StoreReader, id: string): Promise<CallNode[]> {
  const byItem = new Map<string, CallNode>();
  for (const ref of await references(store, id, { kinds: [...CALL_ROLES] })) {
    const node = byItem.get(ref.item) ?? { id: ref.item, sites: [] };
    const { file, line, col, endLine, endCol } = ref;
    node.sites.push({ file, line, col, endLine, endCol });
    byItem.set(ref.item, node);
  }
  return [...byItem.values()];
}

async function callees(store: StoreReader, views: FileViews, id: string): Promise<CallNode[]> {
  const byTarget = new Map<string, CallNode>();
  for (const { crate, item: itemId, entry } of await defsById(store, id)) {
    const item = (await readRecord(store, crate, itemId))?.item;
    if (item === undefined) continue;
    const view = await views.get(entry.file, crate);
    const start = view.itemStart(itemId);
    for (const ref of item.refs) {
      if (ref.target === undefined || !(CALL_ROLES as readonly string[]).includes(ref.role)) continue;
      const node = byTarget.get(ref.target) ?? { id: ref.target, sites: [] };
      node.sites.push({ file: entry.file, ...view.range(start, ref.span) });
      byTarget.set(ref.target, node);
    }
  }
  return [...byTarget.values()];
}
