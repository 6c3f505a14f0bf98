// Cargo.lock: which version of a registry dependency cargo resolved, so the Cargo.toml reader
// picks the same one `cargo metadata` would.
import { existsSync } from 'node:fs';
import { highestVersion, matchesRequirement } from './semver.js';
import { ManifestError, readManifest } from './manifest.js';

interface LockedRef {
  name: string;
  version?: string;
  source?: string;
}

interface LockedPackage extends LockedRef {
  version: string;
  /** As written: `name`, `name version` or `name version (source)`, whichever is unambiguous. */
  dependencies: LockedRef[];
}

export interface Lockfile {
  packages: LockedPackage[];
}

/** The package that depends, as the lock file lists it. */
export interface Dependent {
  name: string;
  version: string;
  /** Registry packages carry a `source` in the lock; workspace and path packages do not. */
  fromRegistry: boolean;
}

const isRegistrySource = (source: string | undefined) => source !== undefined && /^(registry|sparse)\+/.test(source);

function parseRef(text: string): LockedRef {
  const [name, version, source] = text.split(' ');
  return { name: name!, ...(version ? { version } : {}), ...(source ? { source: source.replace(/^\(|\)$/g, '') } : {}) };
}

/** The lock file, or undefined when there is none; throws ManifestError when it does not parse. */
export function readLockfile(file: string): Lockfile | undefined {
  if (!existsSync(file)) return undefined;
  const doc = readManifest(file);
  const entries = Array.isArray(doc.package) ? doc.package : [];
  const packages: LockedPackage[] = [];
  for (const entry of entries as Record<string, unknown>[]) {
    const { name, version, source, dependencies } = entry;
    if (typeof name !== 'string' || typeof version !== 'string') throw new ManifestError(`${file}: a [[package]] has no name or version`);
    packages.push({
      name, version, ...(typeof source === 'string' ? { source } : {}),
      dependencies: (Array.isArray(dependencies) ? dependencies : []).filter((d): d is string => typeof d === 'string').map(parseRef),
    });
  }
  return { packages };
}

/**
 * The registry version the lock pins for dependency `name` (requirement `req`) of `dependent`;
 * undefined when the lock does not list that edge.
 */
export function lockedVersion(lock: Lockfile, dependent: Dependent, name: string, req: string | undefined): string | undefined {
  const sameRelease = lock.packages.filter((p) => p.name === dependent.name && p.version === dependent.version);
  const entry = sameRelease.find((p) => isRegistrySource(p.source) === dependent.fromRegistry) ?? sameRelease[0];
  if (!entry) return undefined;
  const candidates = entry.dependencies.filter((d) => d.name === name).flatMap((ref) =>
    lock.packages.filter((p) => p.name === ref.name && (ref.version === undefined || p.version === ref.version)
      && (ref.source === undefined || p.source === ref.source) && isRegistrySource(p.source)));
  // Two versions of one package only meet here through renames; the requirement tells them apart.
  const fitting = candidates.length > 1 && req !== undefined ? candidates.filter((p) => matchesRequirement(p.version, req)) : candidates;
  return highestVersion(fitting.map((p) => p.version));
}

