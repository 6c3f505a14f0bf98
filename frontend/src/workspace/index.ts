// Cargo workspace discovery: which crates a workspace compiles, with their roots, editions,
// features and extern crates. `cargo metadata` is asked first when allowed; the Cargo.toml
// reader is the fallback and must agree with it.
import { join } from 'node:path';
import { assemble } from './assemble.js';
import { CargoMetadataError, readCargoMetadata } from './cargo-metadata.js';
import { locateWorkspace } from './locate.js';
import { readManifestGraph } from './manual.js';
import { keepDiscovery, keptDiscovery } from './discovery-cache.js';
import { WorkspaceError, type CrateTarget, type DiscoverOptions, type Workspace } from './types.js';

export { KIND_ORDER, WorkspaceError } from './types.js';
export type { CrateKind, CrateSource, CrateTarget, DiscoverOptions, Edition, Workspace } from './types.js';

/**
 * With `keepIn`, the file (given the workspace root) where cargo's answer is kept for the next
 * discovery, which takes it while nothing it depends on changed (discovery-cache.ts).
 */
export async function discoverWorkspace(dir: string, opts: DiscoverOptions = {}, keepIn?: (root: string) => string): Promise<Workspace> {
  const useCargo = opts.useCargo ?? 'auto';
  const includeDevTargets = opts.includeDevTargets ?? false;
  const located = locateWorkspace(dir);
  let fallbackWarning: string | undefined;
  if (useCargo !== false) {
    const keptFile = keepIn?.(located.root);
    const kept = keptFile === undefined ? undefined : keptDiscovery(keptFile, dir, opts);
    if (kept !== undefined) return kept;
    try {
      const workspace = assemble(await readCargoMetadata(join(located.startDir, 'Cargo.toml'), located.root), includeDevTargets);
      if (keptFile !== undefined) keepDiscovery(keptFile, dir, opts, workspace);
      return workspace;
    } catch (e) {
      if (!(e instanceof CargoMetadataError)) throw e;
      if (useCargo === true) throw new WorkspaceError(e.message);
      // A missing cargo is the ordinary case the reader exists for, not worth a warning.
      if (!e.notInstalled) fallbackWarning = `${e.message}; read the Cargo.toml files instead`;
    }
  }
  const workspace = assemble(readManifestGraph(located), includeDevTargets);
  if (fallbackWarning) workspace.warnings.unshift(fallbackWarning);
  return workspace;
}

/** Every crate of `ws` that `keys` depend on, directly or not, with `keys` themselves, in the workspace's order. */
export function withDependencies(ws: Workspace, keys: ReadonlySet<string>): CrateTarget[] {
  const byKey = new Map(ws.crates.map((t) => [t.key, t]));
  const out = new Set<string>();
  const visit = (k: string) => {
    if (out.has(k)) return;
    out.add(k);
    for (const d of Object.values(byKey.get(k)?.dependencies ?? {})) visit(d);
  };
  for (const k of keys) visit(k);
  return ws.crates.filter((t) => out.has(t.key));
}
