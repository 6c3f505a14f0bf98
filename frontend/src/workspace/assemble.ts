// Package graph → crates: picks the targets that get compiled, resolves each target's extern
// crates, and keeps only the outside packages some member actually links against.
import { activatedOptionalDeps, enabledFeatures } from './features.js';
import type { DepEdge, PackageGraph, PackageNode, TargetSpec } from './graph.js';
import { KIND_ORDER, type CrateKind, type CrateTarget, type Workspace } from './types.js';

const DEV_KINDS: ReadonlySet<CrateKind> = new Set(['example', 'test', 'bench']);

const isLibrary = (t: TargetSpec) => t.kind === 'lib' || t.kind === 'proc-macro';
const crateName = (targetName: string) => targetName.replace(/-/g, '_');
const keyOf = (pkg: PackageNode, t: TargetSpec) => `${pkg.name} ${pkg.version} ${t.kind} ${crateName(t.name)}`;

export function assemble(graph: PackageGraph, includeDevTargets: boolean): Workspace {
  const byId = new Map(graph.packages.map((p) => [p.id, p]));
  const warnings = new Set(graph.warnings);
  const features = new Map(graph.packages.map((p) => [p.id, enabledFeatures(p.featureTable)]));
  const activated = new Map(graph.packages.map((p) => [p.id, activatedOptionalDeps(p.featureTable, features.get(p.id)!)]));

  const edgeApplies = (pkg: PackageNode, edge: DepEdge, kind: CrateKind): boolean => {
    if (edge.kind === 'build' || (edge.kind === 'dev' && !DEV_KINDS.has(kind))) return false;
    if (!edge.optional) return true;
    return activated.get(pkg.id)!.has(edge.rename ?? edge.package);
  };

  const crates = new Map<string, CrateTarget>();
  const pending: PackageNode[] = graph.packages.filter((p) => p.member);
  const visited = new Set(pending.map((p) => p.id));
  for (let pkg = pending.pop(); pkg !== undefined; pkg = pending.pop()) {
    const lib = pkg.targets.find(isLibrary);
    const produced = pkg.member
      ? pkg.targets.filter((t) => includeDevTargets || !DEV_KINDS.has(t.kind))
      : lib ? [lib] : [];
    for (const target of produced) {
      const dependencies: Record<string, string> = {};
      if (lib && target !== lib) dependencies[crateName(lib.name)] = keyOf(pkg, lib);
      for (const edge of pkg.deps) {
        if (!edgeApplies(pkg, edge, target.kind)) continue;
        const depPkg = edge.target === undefined ? undefined : byId.get(edge.target);
        if (!depPkg) {
          warnings.add(edge.unavailable ?? `dependency \`${edge.package}\` of \`${pkg.name}\` was not resolved`);
          continue;
        }
        const depLib = depPkg.targets.find(isLibrary);
        if (!depLib) {
          warnings.add(`package \`${depPkg.name}\` has no library target; \`${pkg.name}\` cannot depend on it`);
          continue;
        }
        dependencies[crateName(edge.rename ?? depLib.name)] = keyOf(depPkg, depLib);
        if (!visited.has(depPkg.id)) {
          visited.add(depPkg.id);
          pending.push(depPkg);
        }
      }
      const crate: CrateTarget = {
        name: crateName(target.name),
        package: pkg.name,
        version: pkg.version,
        edition: target.edition,
        kind: target.kind,
        rootFile: target.rootFile,
        packageDir: pkg.dir,
        // Sorted, so the JSON of a workspace does not depend on which reader produced it.
        dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => byString(a, b))),
        features: features.get(pkg.id)!,
        key: keyOf(pkg, target),
        member: pkg.member,
        source: pkg.source,
      };
      const existing = crates.get(crate.key);
      if (existing) {
        warnings.add(`two crates have the key \`${crate.key}\` (${existing.packageDir}, ${crate.packageDir}); kept the first`);
      } else {
        crates.set(crate.key, crate);
      }
    }
  }
  return { root: graph.root, crates: [...crates.values()].sort(compareCrates), warnings: [...warnings] };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareCrates(a: CrateTarget, b: CrateTarget): number {
  return byString(a.package, b.package)
    || byString(a.version, b.version)
    || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || byString(a.name, b.name)
    || byString(a.packageDir, b.packageDir);
}
