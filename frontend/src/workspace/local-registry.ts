// Registry packages already on this machine, where cargo would unpack or vendor them: the
// directory crates.io is replaced with (`cargo vendor`) and nothing else, as in cargo; or else
// a bare `vendor/` at the workspace root, then $CARGO_HOME/registry/src/<registry>/NAME-VERSION.
// A published version never changes, so any copy of NAME-VERSION is as good as another.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cargoHome, replacementDirectory } from './cargo-config.js';
import { ManifestError, readManifest } from './manifest.js';
import { highestVersion, matchesRequirement, parseVersion } from './semver.js';

export interface PackageCopy {
  version: string;
  dir: string;
}

export interface LocalRegistry {
  /** The directory of NAME-VERSION, searched in the order `places` lists. */
  find(name: string, version: string): string | undefined;
  /** The highest version meeting `req` in the first place that has one. */
  best(name: string, req: string): PackageCopy | undefined;
  /** Where it looks, for messages: vendor directories, then $CARGO_HOME/registry/src. */
  places: string[];
  /** Config files that could not be read. */
  problems: string[];
}

interface Place {
  dir: string;
  /** Vendor directories also hold NAME/ without the version, the first version `cargo vendor` wrote. */
  vendor: boolean;
}

const isDirectory = (p: string) => existsSync(p) && statSync(p).isDirectory();

function entries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

function manifestVersion(dir: string): string | undefined {
  try {
    const pkg = readManifest(join(dir, 'Cargo.toml')).package as Record<string, unknown> | undefined;
    return typeof pkg?.version === 'string' ? pkg.version : undefined;
  } catch (e) {
    if (e instanceof ManifestError) return undefined;
    throw e;
  }
}

export function openLocalRegistry(workspaceRoot: string): LocalRegistry {
  const home = cargoHome();
  const problems: string[] = [];
  const replaced = replacementDirectory(workspaceRoot, home, problems);
  const rootVendor = join(workspaceRoot, 'vendor');
  const registrySrc = join(home, 'registry', 'src');
  // Each tier is searched as one: the caches of several registries under registry/src are alike.
  const tiers: Place[][] = replaced ? [[{ dir: replaced, vendor: true }]] : [
    isDirectory(rootVendor) ? [{ dir: rootVendor, vendor: true }] : [],
    isDirectory(registrySrc) ? entries(registrySrc).map((r) => ({ dir: join(registrySrc, r), vendor: false })) : [],
  ];

  const listings = new Map<string, string[]>();
  const listing = (dir: string) => {
    let names = listings.get(dir);
    if (!names) listings.set(dir, (names = entries(dir)));
    return names;
  };
  const found = new Map<string, PackageCopy[]>();
  const copiesIn = (place: Place, name: string): PackageCopy[] => {
    const key = `${place.dir}\0${name}`;
    let copies = found.get(key);
    if (!copies) found.set(key, (copies = listing(place.dir).flatMap((entry): PackageCopy[] => {
      const dir = join(place.dir, entry);
      if (entry === name && place.vendor) {
        const version = manifestVersion(dir);
        return version === undefined ? [] : [{ version, dir }];
      }
      const version = entry.startsWith(`${name}-`) ? entry.slice(name.length + 1) : '';
      // `foo-bar-1.0.0` is not a version of `foo`: what follows the name must be a whole version.
      return parseVersion(version) ? [{ version, dir }] : [];
    })));
    return copies;
  };

  const best = (name: string, fits: (version: string) => boolean): PackageCopy | undefined => {
    for (const tier of tiers) {
      const copies = tier.flatMap((p) => copiesIn(p, name)).filter((c) => fits(c.version));
      const version = highestVersion(copies.map((c) => c.version));
      if (version !== undefined) return copies.find((c) => c.version === version);
    }
    return undefined;
  };
  return {
    find: (name, version) => best(name, (v) => v === version)?.dir,
    best: (name, req) => best(name, (v) => matchesRequirement(v, req)),
    places: replaced ? [replaced] : [...(isDirectory(rootVendor) ? [rootVendor] : []), registrySrc],
    problems,
  };
}
