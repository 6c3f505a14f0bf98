// Cargo's target layout rules (cargo/src/cargo/util/toml/targets.rs): declared targets merged
// with the ones inferred from src/lib.rs, src/main.rs, src/bin/, examples/, tests/, benches/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { TargetSpec } from './graph.js';
import { libDecl, targetDecls, type PackageSection, type TargetDecl, type TargetSection, type TomlTable } from './manifest.js';
import type { CrateKind } from './types.js';

type Inferred = { name: string; path: string };

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** `dir/*.rs` and `dir/*\/main.rs`, the layout cargo infers bins, examples, tests and benches from. */
function inferFromDirectory(dir: string): Inferred[] {
  if (!existsSync(dir)) return [];
  const found: Inferred[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (isFile(join(path, 'main.rs'))) found.push({ name: entry.name, path: join(path, 'main.rs') });
    } else if (entry.name.endsWith('.rs')) {
      found.push({ name: entry.name.slice(0, -3), path });
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

interface Section {
  kind: CrateKind;
  section: TargetSection;
  autodiscover: boolean | undefined;
  inferred: Inferred[];
  defaultDir: string;
  /** Paths the 2015 edition accepted without declaring them. */
  legacyPath: (name: string) => string | undefined;
}

export interface PackageTargets {
  targets: TargetSpec[];
  /** Targets that were declared but could not be placed; the package's other targets still count. */
  problems: string[];
}

export function discoverTargets(dir: string, doc: TomlTable, file: string, pkg: PackageSection): PackageTargets {
  const problems: string[] = [];
  const targets: TargetSpec[] = [];
  const lib = discoverLib(dir, doc, file, pkg, problems);
  if (lib) targets.push(lib);
  const existing = (...parts: string[]) => (isFile(join(dir, ...parts)) ? join(dir, ...parts) : undefined);
  const sections: Section[] = [
    {
      kind: 'bin', section: 'bin', autodiscover: pkg.autobins, defaultDir: 'src/bin',
      inferred: [
        ...(isFile(join(dir, 'src/main.rs')) ? [{ name: pkg.name, path: join(dir, 'src/main.rs') }] : []),
        ...inferFromDirectory(join(dir, 'src/bin')),
      ],
      legacyPath: (name) => (lib ? undefined : existing('src', `${name}.rs`)) ?? existing('src/main.rs') ?? existing('src/bin/main.rs'),
    },
    {
      kind: 'example', section: 'example', autodiscover: pkg.autoexamples, defaultDir: 'examples',
      inferred: inferFromDirectory(join(dir, 'examples')), legacyPath: () => undefined,
    },
    {
      kind: 'test', section: 'test', autodiscover: pkg.autotests, defaultDir: 'tests',
      inferred: inferFromDirectory(join(dir, 'tests')), legacyPath: () => undefined,
    },
    {
      kind: 'bench', section: 'bench', autodiscover: pkg.autobenches, defaultDir: 'benches',
      inferred: inferFromDirectory(join(dir, 'benches')),
      legacyPath: (name) => (name === 'bench' ? existing('src/bench.rs') : undefined),
    },
  ];
  for (const s of sections) targets.push(...discoverSection(dir, doc, file, pkg, s, problems));
  return { targets, problems };
}

function discoverLib(dir: string, doc: TomlTable, file: string, pkg: PackageSection, problems: string[]): TargetSpec | undefined {
  const inferred = isFile(join(dir, 'src/lib.rs')) ? join(dir, 'src/lib.rs') : undefined;
  const decl: TargetDecl | undefined = libDecl(doc, file) ?? (inferred ? { procMacro: false } : undefined);
  if (!decl) return undefined;
  const name = decl.name ?? pkg.name.replace(/-/g, '_');
  const legacy = join(dir, 'src', `${name}.rs`);
  const rootFile = decl.path !== undefined ? resolve(dir, decl.path)
    : inferred ?? (pkg.edition === '2015' && isFile(legacy) ? legacy : undefined);
  if (rootFile === undefined) {
    problems.push(`${file}: can't find library \`${name}\`: no src/lib.rs and no lib.path`);
    return undefined;
  }
  return { kind: decl.procMacro ? 'proc-macro' : 'lib', name, edition: decl.edition ?? pkg.edition, rootFile };
}

function discoverSection(dir: string, doc: TomlTable, file: string, pkg: PackageSection, s: Section, problems: string[]): TargetSpec[] {
  const inferredDecls: TargetDecl[] = s.inferred.map((i) => ({ name: i.name, path: i.path, procMacro: false }));
  const declared = targetDecls(doc, file, s.section);
  let decls: TargetDecl[];
  if (declared === undefined) {
    decls = s.autodiscover === false ? [] : inferredDecls;
  } else {
    // Cargo infers a declared target's name from its path's file stem.
    const named = declared.map((d) => ({ ...d, name: d.name ?? (d.path !== undefined ? basename(d.path).replace(/\.rs$/, '') : undefined) }));
    const seenNames = new Set(named.map((d) => d.name));
    const seenPaths = new Set(named.flatMap((d) => (d.path !== undefined ? [resolve(dir, d.path)] : [])));
    const remaining = inferredDecls.filter((d) => !seenNames.has(d.name) && !seenPaths.has(d.path!));
    // In 2015, declaring any target of a kind switched inference of that kind off.
    const autodiscover = s.autodiscover ?? pkg.edition !== '2015';
    decls = autodiscover ? [...named, ...remaining] : named;
  }
  const specs: TargetSpec[] = [];
  const names = new Set<string>();
  for (const decl of decls) {
    if (decl.name === undefined) {
      problems.push(`${file}: a [[${s.section}]] target has neither name nor path; skipped`);
      continue;
    }
    if (names.has(decl.name)) {
      problems.push(`${file}: duplicate ${s.section} target \`${decl.name}\`; kept the first`);
      continue;
    }
    names.add(decl.name);
    const rootFile = targetPath(dir, decl.name, decl.path, s, pkg);
    if (rootFile === undefined) {
      problems.push(`${file}: can't find ${s.section} \`${decl.name}\` at ${s.defaultDir}/${decl.name}.rs or ${s.defaultDir}/${decl.name}/main.rs; skipped`);
      continue;
    }
    specs.push({ kind: s.kind, name: decl.name, edition: decl.edition ?? pkg.edition, rootFile });
  }
  return specs;
}

function targetPath(dir: string, name: string, path: string | undefined, s: Section, pkg: PackageSection): string | undefined {
  if (path !== undefined) return resolve(dir, path);
  const matching = s.inferred.filter((i) => i.name === name);
  if (matching.length === 1) return matching[0]!.path;
  return pkg.edition === '2015' ? s.legacyPath(name) : undefined;
}
