// Where the standard library's sources are, and the crates core, alloc and std they hold. The
// sources are rustup's rust-src component (`<sysroot>/lib/rustlib/src/rust/library`) or a
// directory given by `--std-src` / XREF_STD_SRC, such as the workspace extract-std.py builds.
// Cargo is not asked: std's manifests name crates.io packages (`rustc-std-workspace-*`,
// hashbrown…) that are not on disk, and the three crates' links are fixed.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { STD_VERSION } from '../resolve/std-table.js';
import { ManifestError, packageSection, readManifest, workspaceSection } from './manifest.js';
import { WorkspaceError, type CrateTarget, type Edition } from './types.js';

/** The std crates in dependency order, each with the crates it links. */
const STD_CRATES: ReadonlyArray<{ name: string; deps: string[] }> = [
  { name: 'core', deps: [] },
  { name: 'alloc', deps: ['core'] },
  { name: 'std', deps: ['core', 'alloc'] },
];

/** Whether the workspace is std's own: its crates have the std crates' ids, and are analyzed as its members. */
export function isStdWorkspace(crates: readonly CrateTarget[]): boolean {
  return crates.some((t) => t.kind === 'lib' && t.version === STD_VERSION && STD_CRATES.some((c) => c.name === t.name));
}

/** The value of `--std-src` or XREF_STD_SRC that turns std's sources off, auto-detection included. */
export const NO_STD_SOURCES = 'none';

const RUST_SRC = ['lib', 'rustlib', 'src', 'rust', 'library'];

/**
 * The `library` directory of std's sources: `given` (a flag), else XREF_STD_SRC, else rust-src
 * of the toolchain `rustc` runs (or, without rustc, of a rustup toolchain). A path that is given
 * and holds no sources is an error; detection that finds none gives undefined.
 */
export async function locateStdSources(given: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const explicit = given ?? (env.XREF_STD_SRC || undefined);
  if (explicit === NO_STD_SOURCES) return undefined;
  if (explicit !== undefined) {
    const library = libraryIn(path.resolve(explicit));
    if (!library) throw new WorkspaceError(`no standard library sources in ${path.resolve(explicit)} (looked for core/src/lib.rs, library/core/src/lib.rs and ${path.join(...RUST_SRC)})`);
    return library;
  }
  const sysroot = await rustcSysroot(env);
  if (sysroot !== undefined) return libraryIn(path.join(sysroot, ...RUST_SRC));
  return rustupLibraries(env)[0];
}

/** `dir` itself, its `library/`, or a sysroot's rust-src, whichever holds core/src/lib.rs. */
function libraryIn(dir: string): string | undefined {
  return [dir, path.join(dir, 'library'), path.join(dir, ...RUST_SRC)]
    .find((d) => existsSync(path.join(d, 'core', 'src', 'lib.rs')));
}

/** The sysroot of the `rustc` on the PATH of `env`; undefined when there is none or it fails. */
function rustcSysroot(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('rustc', ['--print', 'sysroot'], { timeout: 10_000, env }, (error, stdout) => done(error ? undefined : stdout.trim() || undefined));
  });
}

/** rust-src of the rustup toolchains, stable ones first. */
function rustupLibraries(env: NodeJS.ProcessEnv): string[] {
  const toolchains = path.join(env.RUSTUP_HOME || path.join(homedir(), '.rustup'), 'toolchains');
  let names: string[];
  try {
    names = readdirSync(toolchains);
  } catch {
    return [];
  }
  const rank = (n: string) => (n.startsWith('stable') ? 0 : n.startsWith('beta') ? 1 : 2);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((n) => libraryIn(path.join(toolchains, n, ...RUST_SRC)))
    .filter((d): d is string => d !== undefined);
}

/**
 * The targets of core, alloc and std under `library`. Their version is always the std table's
 * (0.0.0, as in every rust-src), so real ids and the built-in table's ids agree.
 */
export function stdTargets(library: string): CrateTarget[] {
  const keyOf = (name: string) => `${name} ${STD_VERSION} lib ${name}`;
  return STD_CRATES.filter(({ name }) => existsSync(path.join(library, name, 'src', 'lib.rs'))).map(({ name, deps }) => {
    const packageDir = path.join(library, name);
    return {
      name, package: name, version: STD_VERSION, edition: editionOf(library, packageDir), kind: 'lib',
      rootFile: path.join(packageDir, 'src', 'lib.rs'), packageDir,
      dependencies: Object.fromEntries(deps.map((d) => [d, keyOf(d)])),
      features: [], key: keyOf(name), member: false, source: 'path',
    };
  });
}

/** The edition in the crate's Cargo.toml (inherited from library/Cargo.toml if need be); 2021 when unreadable. */
function editionOf(library: string, packageDir: string): Edition {
  const manifest = path.join(packageDir, 'Cargo.toml');
  try {
    const wsFile = path.join(library, 'Cargo.toml');
    const ws = existsSync(wsFile) ? workspaceSection(readManifest(wsFile), wsFile, library) : undefined;
    return packageSection(readManifest(manifest), manifest, ws).edition;
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    return '2021';
  }
}
