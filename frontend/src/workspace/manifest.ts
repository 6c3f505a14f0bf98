// Reads one Cargo.toml and interprets the parts discovery needs, with `workspace = true`
// inheritance resolved. Every problem is a one-line ManifestError naming the file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import type { DepKind } from './graph.js';
import type { Edition } from './types.js';
import { EDITIONS as DUMP_EDITIONS } from '../../../schema/src/kinds.js';

export type TomlTable = Record<string, unknown>;

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** The editions a dump knows, compared with text read from a manifest. */
const EDITIONS: readonly string[] = DUMP_EDITIONS;

export function readManifest(file: string): TomlTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ManifestError(code === 'ENOENT' ? `${file}: not found` : `${file}: cannot read (${code ?? String(e)})`);
  }
  try {
    return parse(text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const reason = e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new ManifestError(`${file}:${e.line}:${e.column}: ${reason}`);
  }
}

// ---- typed access to the untyped document -------------------------------------------------

const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function table(parent: TomlTable, key: string, file: string, where: string): TomlTable | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (!isTable(v)) throw new ManifestError(`${file}: \`${where}${key}\` must be a table`);
  return v;
}

function string(parent: TomlTable, key: string, file: string, where: string): string | undefined {
  const v = parent[key];
  if (v === undefined || typeof v === 'string') return v;
  throw new ManifestError(`${file}: \`${where}${key}\` must be a string`);
}

function boolean(parent: TomlTable, key: string, file: string, where: string): boolean | undefined {
  const v = parent[key];
  if (v === undefined || typeof v === 'boolean') return v;
  throw new ManifestError(`${file}: \`${where}${key}\` must be true or false`);
}

function stringArray(parent: TomlTable, key: string, file: string, where: string): string[] | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw new ManifestError(`${file}: \`${where}${key}\` must be an array of strings`);
}

function edition(value: string | undefined, file: string, where: string): Edition | undefined {
  if (value === undefined || EDITIONS.includes(value)) return value as Edition | undefined;
  throw new ManifestError(`${file}: \`${where}\` is "${value}", expected one of ${EDITIONS.join(', ')}`);
}

// ---- [workspace] ------------------------------------------------------------------------------

export interface WorkspaceSection {
  /** Directory of the Cargo.toml holding [workspace]. */
  dir: string;
  members: string[];
  exclude: string[];
  /** [workspace.package]: values members take with `key.workspace = true`. */
  package: TomlTable;
  /** [workspace.dependencies]: entries members take with `dep.workspace = true`. */
  dependencies: TomlTable;
}

export function workspaceSection(doc: TomlTable, file: string, dir: string): WorkspaceSection | undefined {
  const ws = table(doc, 'workspace', file, '');
  if (!ws) return undefined;
  return {
    dir,
    members: stringArray(ws, 'members', file, 'workspace.') ?? [],
    exclude: stringArray(ws, 'exclude', file, 'workspace.') ?? [],
    package: table(ws, 'package', file, 'workspace.') ?? {},
    dependencies: table(ws, 'dependencies', file, 'workspace.') ?? {},
  };
}

// ---- [package] --------------------------------------------------------------------------------

export interface PackageSection {
  name: string;
  version: string;
  edition: Edition;
  /** `autobins` etc.: undefined when not written, which cargo reads differently per edition. */
  autobins?: boolean;
  autoexamples?: boolean;
  autotests?: boolean;
  autobenches?: boolean;
  /** `package.workspace`: path of the workspace root, when the package names it explicitly. */
  workspace?: string;
}

export function hasPackage(doc: TomlTable): boolean {
  return isTable(doc.package);
}

export function packageSection(doc: TomlTable, file: string, ws: WorkspaceSection | undefined): PackageSection {
  const pkg = table(doc, 'package', file, '');
  if (!pkg) throw new ManifestError(`${file}: no [package] section`);
  const inherited = (key: string): string | undefined => {
    const v = pkg[key];
    if (!isTable(v) || v.workspace !== true) return string(pkg, key, file, 'package.');
    if (!ws) throw new ManifestError(`${file}: \`package.${key}.workspace = true\` but no workspace root was found`);
    const value = string(ws.package, key, `${ws.dir}/Cargo.toml`, 'workspace.package.');
    if (value === undefined) throw new ManifestError(`${file}: \`package.${key}\` inherits from [workspace.package], which has no \`${key}\``);
    return value;
  };
  const name = string(pkg, 'name', file, 'package.');
  if (name === undefined) throw new ManifestError(`${file}: \`package.name\` is missing`);
  return {
    name,
    // Cargo has accepted a missing version as 0.0.0 since 1.75.
    version: inherited('version') ?? '0.0.0',
    edition: edition(inherited('edition'), file, 'package.edition') ?? '2015',
    autobins: boolean(pkg, 'autobins', file, 'package.'),
    autoexamples: boolean(pkg, 'autoexamples', file, 'package.'),
    autotests: boolean(pkg, 'autotests', file, 'package.'),
    autobenches: boolean(pkg, 'autobenches', file, 'package.'),
    workspace: string(pkg, 'workspace', file, 'package.'),
  };
}

// ---- targets ----------------------------------------------------------------------------------

export interface TargetDecl {
  name?: string;
  /** As written, relative to the package directory. */
  path?: string;
  edition?: Edition;
  procMacro: boolean;
}

export type TargetSection = 'bin' | 'example' | 'test' | 'bench';

function targetDecl(t: TomlTable, file: string, where: string): TargetDecl {
  const crateTypes = stringArray(t, 'crate-type', file, where) ?? stringArray(t, 'crate_type', file, where) ?? [];
  return {
    name: string(t, 'name', file, where),
    path: string(t, 'path', file, where),
    edition: edition(string(t, 'edition', file, where), file, `${where}edition`),
    procMacro: (boolean(t, 'proc-macro', file, where) ?? boolean(t, 'proc_macro', file, where) ?? false)
      || crateTypes.includes('proc-macro'),
  };
}

export function libDecl(doc: TomlTable, file: string): TargetDecl | undefined {
  const lib = table(doc, 'lib', file, '');
  return lib && targetDecl(lib, file, 'lib.');
}

/** The `[[bin]]` (etc.) array; undefined when the section is absent, which differs from empty for autodiscovery. */
export function targetDecls(doc: TomlTable, file: string, section: TargetSection): TargetDecl[] | undefined {
  const v = doc[section];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every(isTable)) throw new ManifestError(`${file}: \`[[${section}]]\` must be an array of tables`);
  return v.map((t, i) => targetDecl(t, file, `${section}[${i}].`));
}

// ---- dependencies -----------------------------------------------------------------------------

export interface DepSpec {
  /** The key it is written under: the extern name when `package` renames it. */
  key: string;
  package: string;
  kind: DepKind;
  optional: boolean;
  /** Absolute directory of a path dependency. */
  path?: string;
  /** The version requirement (`"1.2"`, `">=0.3, <0.5"`), when one is written. */
  version?: string;
  /** Where a non-path dependency comes from, for messages: `registry` or `git <url>`. */
  source: string;
}

const DEP_SECTIONS: [DepKind, string[]][] = [
  ['normal', ['dependencies']],
  ['dev', ['dev-dependencies', 'dev_dependencies']],
  ['build', ['build-dependencies', 'build_dependencies']],
];

/** All dependencies, including `[target.'cfg(..)'.*]` ones for every platform. */
export function dependencySpecs(doc: TomlTable, file: string, dir: string, ws: WorkspaceSection | undefined): DepSpec[] {
  const scopes: [TomlTable, string][] = [[doc, '']];
  for (const [cfg, t] of Object.entries(table(doc, 'target', file, '') ?? {})) {
    if (!isTable(t)) throw new ManifestError(`${file}: \`target.${cfg}\` must be a table`);
    scopes.push([t, `target.${cfg}.`]);
  }
  const specs: DepSpec[] = [];
  for (const [scope, prefix] of scopes) {
    for (const [kind, spellings] of DEP_SECTIONS) {
      for (const section of spellings) {
        const deps = table(scope, section, file, prefix);
        for (const [key, value] of Object.entries(deps ?? {})) {
          specs.push(dependencySpec(key, value, kind, file, dir, ws, `${prefix}${section}.`));
        }
      }
    }
  }
  return specs;
}

function dependencySpec(
  key: string, value: unknown, kind: DepKind, file: string, dir: string, ws: WorkspaceSection | undefined, where: string,
): DepSpec {
  if (typeof value === 'string') return { key, package: key, kind, optional: false, version: value, source: 'registry' };
  if (!isTable(value)) throw new ManifestError(`${file}: \`${where}${key}\` must be a version string or a table`);
  const optional = boolean(value, 'optional', file, `${where}${key}.`) ?? false;
  let [source, sourceFile, baseDir, at] = [value, file, dir, `${where}${key}.`];
  if (value.workspace === true) {
    if (!ws) throw new ManifestError(`${file}: \`${where}${key}.workspace = true\` but no workspace root was found`);
    const inherited = ws.dependencies[key];
    if (inherited === undefined) throw new ManifestError(`${file}: \`${where}${key}\` inherits from [workspace.dependencies], which has no \`${key}\``);
    if (typeof inherited === 'string') return { key, package: key, kind, optional, version: inherited, source: 'registry' };
    if (!isTable(inherited)) throw new ManifestError(`${ws.dir}/Cargo.toml: \`workspace.dependencies.${key}\` must be a version string or a table`);
    // Paths in [workspace.dependencies] are relative to the workspace root, not to the member.
    [source, sourceFile, baseDir, at] = [inherited, `${ws.dir}/Cargo.toml`, ws.dir, `workspace.dependencies.${key}.`];
  }
  const path = string(source, 'path', sourceFile, at);
  const git = string(source, 'git', sourceFile, at);
  const version = string(source, 'version', sourceFile, at);
  return {
    key,
    package: string(source, 'package', sourceFile, at) ?? key,
    kind,
    optional,
    ...(path !== undefined ? { path: resolve(baseDir, path) } : {}),
    ...(version !== undefined ? { version } : {}),
    source: git !== undefined ? `git ${git}` : 'registry',
  };
}

// ---- [features] -------------------------------------------------------------------------------

export function featureTable(doc: TomlTable, file: string): Record<string, string[]> {
  const features = table(doc, 'features', file, '') ?? {};
  const result: Record<string, string[]> = {};
  for (const name of Object.keys(features)) result[name] = stringArray(features, name, file, 'features.')!;
  return result;
}
