// The package graph read from Cargo.toml files (and Cargo.lock for registry versions), for when
// cargo is absent or fails.
// A member that cannot be read becomes a warning; the rest of the workspace is still read.
import { join } from 'node:path';
import { readLockfile, type Lockfile } from './cargo-lock.js';
import { withImplicitFeatures } from './features.js';
import type { DepEdge, PackageGraph, PackageNode } from './graph.js';
import { openLocalRegistry } from './local-registry.js';
import { enclosingWorkspace, standalone, type Located } from './locate.js';
import { locateDependency, type DependencySources } from './locate-dependency.js';
import {
  dependencySpecs, featureTable, hasPackage, ManifestError, packageSection, readManifest,
  type TomlTable, type WorkspaceSection,
} from './manifest.js';
import { isExcluded, isWithin, memberDirs } from './members.js';
import { discoverTargets } from './targets.js';
import { WorkspaceError } from './types.js';

/** The graph of the located workspace; a start package its workspace does not list becomes its own root. */
export function readManifestGraph(located: Located): PackageGraph {
  const { graph, members } = readFrom(located);
  if (located.startDir === located.root || members.has(located.startDir)) return graph;
  const alone = readFrom(standalone(located)).graph;
  alone.warnings.unshift(`${located.startDir} is not a member of the workspace at ${located.root}; read it as its own root`);
  return alone;
}

interface Pending {
  dir: string;
  member: boolean;
  /** Registry packages are never members, even when vendored inside the workspace. */
  registry: boolean;
}

function readFrom(located: Located): { graph: PackageGraph; members: Set<string> } {
  const { root, rootDoc, workspace } = located;
  const warnings: string[] = [];
  const initial: string[] = [];
  if (workspace) {
    const expanded = memberDirs(workspace);
    warnings.push(...expanded.problems);
    if (hasPackage(rootDoc)) initial.push(root);
    initial.push(...expanded.dirs.filter((d) => d !== root));
  } else if (hasPackage(rootDoc)) {
    initial.push(root);
  } else {
    throw new WorkspaceError(`${join(root, 'Cargo.toml')}: neither [package] nor [workspace]`);
  }

  const sources = dependencySources(root, warnings);
  const members = new Set(initial);
  const packages = new Map<string, PackageNode>();
  // Members first, so a directory reached both ways is read as the member it is.
  const memberQueue: Pending[] = initial.map((dir) => ({ dir, member: true, registry: false }));
  const outsideQueue: Pending[] = [];
  const seen = new Set(initial);
  const enqueue = (dir: string, fromMember: boolean, registry: boolean) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    // Cargo makes a member's path dependencies inside the workspace directory members too.
    const member = fromMember && !registry && workspace !== undefined && isWithin(dir, root) && !isExcluded(workspace, dir);
    if (member) members.add(dir);
    (member ? memberQueue : outsideQueue).push({ dir, member, registry });
  };

  for (let next = memberQueue.shift() ?? outsideQueue.shift(); next; next = memberQueue.shift() ?? outsideQueue.shift()) {
    const file = join(next.dir, 'Cargo.toml');
    try {
      const doc = next.dir === root ? rootDoc : readManifest(file);
      // Published manifests are normalized: nothing is left to inherit from a workspace.
      const ws = next.member ? workspace : next.registry ? undefined : enclosingWorkspace(next.dir, doc)?.workspace;
      const { node, registryDirs } = readPackage(next, doc, file, ws, sources, warnings);
      packages.set(node.id, node);
      for (const edge of node.deps) if (edge.target !== undefined) enqueue(edge.target, next.member, registryDirs.has(edge.target));
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      if (next.dir === root && !workspace) throw new WorkspaceError(e.message);
      warnings.push(e.message);
    }
  }
  checkPackageNames(packages, warnings);
  return { graph: { root, packages: [...packages.values()], warnings }, members };
}

/** The workspace's Cargo.lock and the registry packages on disk; an unreadable lock is a warning. */
function dependencySources(root: string, warnings: string[]): DependencySources {
  let lock: Lockfile | undefined;
  try {
    lock = readLockfile(join(root, 'Cargo.lock'));
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    warnings.push(`${e.message}; picked registry versions without it`);
  }
  const registry = openLocalRegistry(root);
  warnings.push(...registry.problems);
  return { ...(lock ? { lock } : {}), registry };
}

function readPackage(
  at: Pending, doc: TomlTable, file: string, ws: WorkspaceSection | undefined, sources: DependencySources, warnings: string[],
): { node: PackageNode; registryDirs: Set<string> } {
  const { dir, member } = at;
  const pkg = packageSection(doc, file, ws);
  const { targets, problems } = discoverTargets(dir, doc, file, pkg);
  warnings.push(...problems);
  // Cargo does not resolve the dev-dependencies of packages outside the workspace.
  const specs = dependencySpecs(doc, file, dir, ws).filter((s) => member || s.kind !== 'dev');
  const registryDirs = new Set<string>();
  const dependent = { name: pkg.name, version: pkg.version, fromRegistry: at.registry };
  const deps = specs.map((spec): DepEdge => {
    const located = locateDependency(spec, dependent, sources);
    if ('source' in located && located.source === 'registry') registryDirs.add(located.dir);
    return {
      package: spec.package,
      ...(spec.key !== spec.package ? { rename: spec.key } : {}),
      kind: spec.kind,
      optional: spec.optional,
      ...('dir' in located ? { target: located.dir } : { unavailable: located.unavailable }),
    };
  });
  const optional = specs.filter((s) => s.optional).map((s) => s.key);
  const node: PackageNode = {
    id: dir, name: pkg.name, version: pkg.version, dir, member, source: member ? 'workspace' : at.registry ? 'registry' : 'path',
    targets, featureTable: withImplicitFeatures(featureTable(doc, file), optional), deps,
  };
  return { node, registryDirs };
}

/** A path dependency must lead to the package it names; cargo refuses the manifest otherwise. */
function checkPackageNames(packages: Map<string, PackageNode>, warnings: string[]): void {
  for (const node of packages.values()) {
    for (const edge of node.deps) {
      const target = edge.target === undefined ? undefined : packages.get(edge.target);
      if (!target || target.name === edge.package) continue;
      warnings.push(`${join(node.dir, 'Cargo.toml')}: dependency \`${edge.package}\` points to ${target.dir}, which is package \`${target.name}\``);
      delete edge.target;
      edge.unavailable = `skipped dependency \`${edge.package}\` of \`${node.name}\`: no such package at ${target.dir}`;
    }
  }
}
