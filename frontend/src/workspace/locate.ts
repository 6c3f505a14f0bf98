// Finding the workspace root from any directory, the way cargo does: the nearest Cargo.toml
// upward, then the first [workspace] above it that does not exclude it.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isExcluded } from './members.js';
import { ManifestError, readManifest, workspaceSection, type TomlTable, type WorkspaceSection } from './manifest.js';
import { WorkspaceError } from './types.js';

export interface Located {
  /** Directory of the nearest Cargo.toml, where discovery started. */
  startDir: string;
  /** The start manifest, or why it could not be read. */
  start: { doc: TomlTable } | { error: ManifestError };
  root: string;
  rootDoc: TomlTable;
  /** The root's [workspace]; undefined for a package that is its own root. */
  workspace?: WorkspaceSection;
}

const manifestIn = (dir: string) => join(dir, 'Cargo.toml');
const hasManifest = (dir: string) => existsSync(manifestIn(dir)) && statSync(manifestIn(dir)).isFile();

function* ancestors(dir: string): Generator<string> {
  for (let d = dir; ; d = dirname(d)) {
    yield d;
    if (dirname(d) === d) return;
  }
}

function startDirectory(dir: string): string {
  let real: string;
  try {
    real = realpathSync(resolve(dir));
  } catch {
    throw new WorkspaceError(`no such directory: ${resolve(dir)}`);
  }
  return statSync(real).isDirectory() ? real : dirname(real);
}

export function locateWorkspace(dir: string): Located {
  const from = startDirectory(dir);
  const startDir = [...ancestors(from)].find(hasManifest);
  if (startDir === undefined) throw new WorkspaceError(`no Cargo.toml in ${from} or any parent directory`);
  let start: Located['start'];
  try {
    start = { doc: readManifest(manifestIn(startDir)) };
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    start = { error: e };
  }
  const enclosing = asWorkspaceError(() => enclosingWorkspace(startDir, 'doc' in start ? start.doc : undefined));
  if (enclosing) return { startDir, start, root: enclosing.dir, rootDoc: enclosing.doc, workspace: enclosing.workspace };
  if ('error' in start) throw new WorkspaceError(start.error.message);
  return { startDir, start, root: startDir, rootDoc: start.doc };
}

/** The same location, with the start package as its own root. */
export function standalone(located: Located): Located {
  if ('error' in located.start) throw new WorkspaceError(located.start.error.message);
  return { startDir: located.startDir, start: located.start, root: located.startDir, rootDoc: located.start.doc };
}

export interface EnclosingWorkspace {
  dir: string;
  doc: TomlTable;
  workspace: WorkspaceSection;
}

/**
 * The workspace a package directory belongs to, if any: its own [workspace], the one
 * `package.workspace` names, or the first one above it that does not exclude it.
 * Throws ManifestError when a Cargo.toml on the way cannot be read, as cargo fails there too.
 */
export function enclosingWorkspace(packageDir: string, doc: TomlTable | undefined): EnclosingWorkspace | undefined {
  const file = manifestIn(packageDir);
  const own = doc && workspaceSection(doc, file, packageDir);
  if (doc && own) return { dir: packageDir, doc, workspace: own };
  const pkg = doc?.package;
  const explicit = typeof pkg === 'object' && pkg !== null ? (pkg as TomlTable).workspace : undefined;
  if (typeof explicit === 'string') {
    const dir = resolve(packageDir, explicit);
    const rootDoc = readManifest(manifestIn(dir));
    const workspace = workspaceSection(rootDoc, manifestIn(dir), dir);
    if (!workspace) throw new ManifestError(`${file}: \`package.workspace\` points to ${dir}, which has no [workspace]`);
    return { dir, doc: rootDoc, workspace };
  }
  for (const dir of [...ancestors(packageDir)].slice(1)) {
    if (!hasManifest(dir)) continue;
    const rootDoc = readManifest(manifestIn(dir));
    const workspace = workspaceSection(rootDoc, manifestIn(dir), dir);
    if (workspace && !isExcluded(workspace, packageDir)) return { dir, doc: rootDoc, workspace };
  }
  return undefined;
}

function asWorkspaceError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof ManifestError ? new WorkspaceError(e.message) : e;
  }
}
