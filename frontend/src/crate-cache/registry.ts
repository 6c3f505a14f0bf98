// Registry crates in the per-user cache (issue 4): a crates.io crate at one version never changes,
// so its dump depends only on its sources, its features, its dependencies (registry crates too),
// the std it was resolved against and the analyzing code. Each is analyzed once for every
// workspace that uses it; a later analysis still loads and collects it (the workspace's crates
// resolve against its defs) but takes its dump from the cache instead of resolving its bodies.
// What keeps a dump free of the workspace: its files are named by absolute path, and its untyped
// method calls take candidates only from the crates it can see (resolve/items.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeDumpFile } from '../dump/write-file.js';
import type { DumpText } from '../dump/write.js';
import type { CrateCtx } from '../resolve/model.js';
import type { RealIds } from '../std-src/real-ids.js';
import { analyzerFingerprint, cacheRoot, findEntry, keyOf, sourcesHash, writeEntry } from './cache.js';

const KIND = 'crates';
const WARNINGS_FILE = 'warnings.json';

/** A registry crate's place in the cache. */
export interface CrateKey {
  /** The entry's name: `sources` and the analyzing code. */
  key: string;
  /** Everything but the code, so that an entry made by newer code replaces older ones. */
  sources: string;
}

/** A dump the cache holds, with the warnings that building it gave. */
export interface CachedDump {
  file: string;
  warnings: string[];
}

/**
 * The keys of the registry crates among `crates` (before std is linked: `deps` are the
 * workspace's links), each covering its dependencies' keys. A registry crate depending on a
 * crate that is not one (a patched path dependency) has none: it is analyzed every time.
 * `std` names the std the crates are resolved against (the built-in table, or real ids).
 */
function registryKeys(crates: readonly CrateCtx[], std: string): Map<CrateCtx, CrateKey> {
  const code = analyzerFingerprint();
  const keys = new Map<CrateCtx, CrateKey | undefined>();
  const keyOfCrate = (c: CrateCtx): CrateKey | undefined => {
    if (keys.has(c)) return keys.get(c);
    keys.set(c, undefined); // a dependency cycle (only dev-dependencies make one) is not cached
    if (c.target.source !== 'registry') return undefined;
    const deps: Array<[string, string]> = [];
    for (const [name, dep] of [...c.deps].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const k = keyOfCrate(dep);
      if (k === undefined) return undefined;
      deps.push([name, k.key]);
    }
    const t = c.target;
    const sources = keyOf({
      crate: t.key, root: t.rootFile, edition: t.edition, features: [...t.features].sort(), sources: sourcesHash(t.packageDir), deps, std,
    });
    const key = { key: keyOf({ code, sources }), sources };
    keys.set(c, key);
    return key;
  };
  for (const c of crates) keyOfCrate(c);
  return new Map([...keys].filter((e): e is [CrateCtx, CrateKey] => e[1] !== undefined));
}

/** The dump of `key` in the cache, if there; a cache that cannot be read holds none. */
function cachedDump(key: CrateKey): CachedDump | undefined {
  try {
    const entry = findEntry(cacheRoot(), KIND, key.key);
    if (!entry) return undefined;
    const warnings = JSON.parse(readFileSync(path.join(entry.dir, WARNINGS_FILE), 'utf8')) as string[];
    return { file: path.join(entry.dir, entry.info.dumps[0]), warnings };
  } catch {
    return undefined;
  }
}

/**
 * Writes `dump` (its files named by absolute path) into the cache as `fileName`; returns where,
 * or undefined when the cache cannot be written, and the caller writes it with the workspace's.
 */
export function cacheDump(key: CrateKey, fileName: string, dump: DumpText, warnings: string[]): string | undefined {
  try {
    const entry = writeEntry(cacheRoot(), KIND, key.key, key.sources, (dir) => {
      writeFileSync(path.join(dir, WARNINGS_FILE), JSON.stringify(warnings));
      writeDumpFile(path.join(dir, fileName), dump);
      return [fileName];
    });
    return path.join(entry.dir, entry.info.dumps[0]);
  } catch {
    return undefined;
  }
}

/** The registry crates of an analysis: their keys, and those whose dump the cache already holds. */
export interface RegistryCrates {
  keys: Map<CrateCtx, CrateKey>;
  cached: Map<CrateCtx, CachedDump>;
}

/** Looks up the registry crates among `crates`, resolved against std's real ids `stdIds` or the built-in table alone. */
export function findRegistryCrates(crates: readonly CrateCtx[], stdIds: RealIds | undefined): RegistryCrates {
  const keys = registryKeys(crates, stdIds ? keyOf(stdIds) : 'built-in');
  const cached = new Map<CrateCtx, CachedDump>();
  for (const [c, key] of keys) {
    const dump = cachedDump(key);
    if (dump) cached.set(c, dump);
  }
  return { keys, cached };
}
