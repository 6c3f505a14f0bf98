// Where a dependency's package lies on disk when cargo is not asked: a path dependency's
// directory, or the registry version Cargo.lock pins (else the highest local version that
// meets the requirement, as cargo would pick offline) in vendor/ or $CARGO_HOME/registry/src.
import { lockedVersion, type Dependent, type Lockfile } from './cargo-lock.js';
import type { LocalRegistry } from './local-registry.js';
import type { DepSpec } from './manifest.js';

export interface DependencySources {
  lock?: Lockfile;
  registry: LocalRegistry;
}

export type LocatedDependency = { dir: string; source: 'path' | 'registry' } | { unavailable: string };

export function locateDependency(spec: DepSpec, dependent: Dependent, sources: DependencySources): LocatedDependency {
  if (spec.path !== undefined) return { dir: spec.path, source: 'path' };
  const what = `dependency \`${spec.package}\` of \`${dependent.name}\``;
  if (spec.source !== 'registry') return { unavailable: `skipped ${what} (${spec.source}): only path and registry dependencies are read without cargo` };
  const { registry } = sources;
  const where = registry.places.join(', ');
  const pinned = sources.lock && lockedVersion(sources.lock, dependent, spec.package, spec.version);
  if (pinned !== undefined) {
    const dir = registry.find(spec.package, pinned);
    return dir !== undefined ? { dir, source: 'registry' } : { unavailable: `skipped ${what}: Cargo.lock pins ${pinned}, which is not in ${where}` };
  }
  const req = spec.version ?? '*';
  const best = registry.best(spec.package, req);
  return best ? { dir: best.dir, source: 'registry' } : { unavailable: `skipped ${what}: no version matching \`${req}\` in ${where}` };
}
