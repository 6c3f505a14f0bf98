// The package graph as `cargo metadata` reports it: cargo's own target discovery, path
// resolution and workspace rules, plus registry packages already in the local cache.
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import type { DepEdge, DepKind, PackageGraph, PackageNode, TargetSpec } from './graph.js';
import type { CrateKind, CrateSource, Edition } from './types.js';
import { EDITIONS as DUMP_EDITIONS } from '../../../schema/src/kinds.js';

const TIMEOUT_MS = 30_000;
/** The editions a dump knows, compared with text read from a manifest. */
const EDITIONS: readonly string[] = DUMP_EDITIONS;
const LIBRARY_KINDS = new Set(['lib', 'rlib', 'dylib', 'cdylib', 'staticlib']);

export class CargoMetadataError extends Error {
  override name = 'CargoMetadataError';
  constructor(message: string, readonly notInstalled = false) {
    super(message);
  }
}

// The parts of `cargo metadata --format-version 1` read here.
interface Metadata {
  packages: MetaPackage[];
  workspace_members: string[];
  workspace_root: string;
  resolve: { nodes: MetaNode[] } | null;
}
interface MetaPackage {
  id: string;
  name: string;
  version: string;
  manifest_path: string;
  /** `registry+URL`, `sparse+URL`, `git+URL#rev`; null for path packages and members. */
  source: string | null;
  features: Record<string, string[]>;
  targets: { name: string; kind: string[]; src_path: string; edition: string }[];
  dependencies: { name: string; rename: string | null; kind: 'dev' | 'build' | null; optional: boolean }[];
}
interface MetaNode {
  id: string;
  deps: { name: string; pkg: string; dep_kinds: { kind: 'dev' | 'build' | null }[] }[];
}

/** Runs `cargo metadata` for the package or workspace of `manifestPath`; throws CargoMetadataError. */
export async function readCargoMetadata(manifestPath: string, cwd: string): Promise<PackageGraph> {
  const stdout = await runCargo(['metadata', '--offline', '--format-version', '1', '--manifest-path', manifestPath], cwd);
  let metadata: Metadata;
  try {
    metadata = JSON.parse(stdout) as Metadata;
  } catch {
    throw new CargoMetadataError('cargo metadata printed something that is not JSON');
  }
  if (!Array.isArray(metadata.packages) || !metadata.resolve) throw new CargoMetadataError('cargo metadata output has no packages or no resolve');
  return toGraph(metadata);
}

function runCargo(args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('cargo', args, {
      cwd, timeout: TIMEOUT_MS, maxBuffer: 1 << 28, env: { ...process.env, CARGO_TERM_COLOR: 'never' },
    }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(new CargoMetadataError('cargo is not installed', true));
      if (error.killed) return fail(new CargoMetadataError(`cargo metadata timed out after ${TIMEOUT_MS / 1000} s`));
      fail(new CargoMetadataError(`cargo metadata failed: ${summarizeStderr(stderr, cwd)}`));
    });
  });
}

/** Cargo's first error, with the file location it points at, as one line. */
export function summarizeStderr(stderr: string, cwd: string): string {
  const lines = stderr.split('\n');
  const at = lines.findIndex((l) => l.startsWith('error'));
  if (at < 0) return lines.find((l) => l.trim() !== '')?.trim() ?? 'no error message';
  let message = lines[at]!.replace(/^error(\[\w+\])?:\s*/, '');
  if (message.endsWith(':')) {
    // The message goes on in the following lines, up to the first blank one.
    const end = lines.findIndex((l, i) => i > at && l.trim() === '');
    message += ' ' + lines.slice(at + 1, end < 0 ? undefined : end).map((l) => l.trim().replace(/\s+/g, ' ')).join(' ');
  }
  const location = /^\s*-->\s*(\S+)/.exec(lines[at + 1] ?? '')?.[1];
  const causedBy = lines.indexOf('Caused by:', at);
  // The innermost cause is the most specific one.
  const cause = causedBy < 0 ? undefined : lines.slice(causedBy + 1).filter((l) => /^\s+\S/.test(l)).at(-1)?.trim();
  return [location && resolve(cwd, location), message, cause].filter((part) => part !== undefined).join(': ');
}

function crateKind(kinds: string[]): CrateKind | undefined {
  if (kinds.includes('proc-macro')) return 'proc-macro';
  if (kinds.some((k) => LIBRARY_KINDS.has(k))) return 'lib';
  return kinds.find((k): k is CrateKind => k === 'bin' || k === 'example' || k === 'test' || k === 'bench');
}

function packageSource(pkg: MetaPackage, member: boolean): CrateSource {
  if (member) return 'workspace';
  if (pkg.source === null) return 'path';
  if (/^(registry|sparse)\+/.test(pkg.source)) return 'registry';
  if (pkg.source.startsWith('git+')) return 'git';
  throw new CargoMetadataError(`package \`${pkg.name}\` comes from ${pkg.source}, a source kind this reader does not know`);
}

function edition(value: string, pkg: MetaPackage): Edition {
  if (EDITIONS.includes(value)) return value as Edition;
  throw new CargoMetadataError(`package \`${pkg.name}\` has edition ${value}, which is not supported`);
}

function toGraph(metadata: Metadata): PackageGraph {
  const byId = new Map(metadata.packages.map((p) => [p.id, p]));
  const nodes = new Map(metadata.resolve!.nodes.map((n) => [n.id, n]));
  const members = new Set(metadata.workspace_members);
  const packages = metadata.packages.map((pkg): PackageNode => {
    const targets: TargetSpec[] = [];
    for (const t of pkg.targets) {
      let kind = crateKind(t.kind);
      if (kind === undefined) continue;
      // A second library-like target is an example built with `crate-type`.
      if ((kind === 'lib' || kind === 'proc-macro') && targets.some((s) => s.kind === 'lib' || s.kind === 'proc-macro')) kind = 'example';
      targets.push({ kind, name: t.name, edition: edition(t.edition, pkg), rootFile: resolve(t.src_path) });
    }
    return {
      id: pkg.id, name: pkg.name, version: pkg.version, dir: dirname(pkg.manifest_path),
      member: members.has(pkg.id), source: packageSource(pkg, members.has(pkg.id)), targets, featureTable: pkg.features,
      deps: pkg.dependencies.map((dep) => resolveEdge(pkg, dep, nodes.get(pkg.id), byId)),
    };
  });
  return { root: metadata.workspace_root, packages, warnings: [] };
}

/** The resolved package behind one declared dependency: same package name and kind, and the same extern name if that is ambiguous. */
function resolveEdge(pkg: MetaPackage, dep: MetaPackage['dependencies'][number], node: MetaNode | undefined, byId: Map<string, MetaPackage>): DepEdge {
  const kind: DepKind = dep.kind ?? 'normal';
  const candidates = (node?.deps ?? []).filter((d) =>
    byId.get(d.pkg)?.name === dep.name && d.dep_kinds.some((k) => (k.kind ?? 'normal') === kind));
  const externName = (d: MetaNode['deps'][number]) => {
    const lib = byId.get(d.pkg)!.targets.find((t) => crateKind(t.kind) === 'lib' || crateKind(t.kind) === 'proc-macro');
    return (dep.rename ?? lib?.name ?? dep.name).replace(/-/g, '_');
  };
  const match = candidates.length > 1 ? candidates.find((d) => d.name === externName(d)) : candidates[0];
  return {
    package: dep.name,
    ...(dep.rename !== null ? { rename: dep.rename } : {}),
    kind,
    optional: dep.optional,
    ...(match ? { target: match.pkg } : { unavailable: `dependency \`${dep.name}\` of \`${pkg.name}\` is not in cargo's resolve` }),
  };
}
