// The front end's batch job: discover the workspace, load and resolve every crate, write one
// dump per crate. Crates are resolved together because `pub use` chains cross crates.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { crateId, LineIndex, readDumpDigest, type DumpPatch } from '../../schema/src/index.js';
import { discoverWorkspace, type CrateTarget, type Workspace } from './workspace/index.js';
import { isStdWorkspace } from './workspace/std-sources.js';
import { loadCrate, type SourceFile, type SourceReader } from './crate/modules.js';
import { openSourceReader } from './parallel/source-reader.js';
import type { SourceCache } from './crate/source-cache.js';
import { DiskSourceCache } from './crate/disk-source-cache.js';
import { useExpansionParses } from './expand/expansion-parses.js';
import { defaultCfg } from './crate/cfg.js';
import type { CrateCtx, ItemRecordDraft } from './resolve/model.js';
import { collectCrate } from './resolve/collect.js';
import { resolveImports } from './resolve/imports.js';
import { resolveImpls } from './resolve/impls.js';
import { resolveItems } from './resolve/items.js';
import { buildDump } from './dump/write.js';
import { isAbandonedTemp, writeDumpFile } from './dump/write-file.js';
import { buildStdCrates, linkStd, type StdCrates } from './resolve/std.js';
import { adoptRealIds, adoptRealIdsOfStd } from './std-src/real-ids.js';
import type { StdSources } from './std-src/index.js';
import { cacheDump, findRegistryCrates } from './crate-cache/registry.js';
import { analyzerFingerprint } from './crate-cache/cache.js';
import { recordPrints, type RecordPrint } from './incremental/fingerprints.js';
import { crateSnapshot, digestOf, surfaceDigest, writeSnapshot, type CrateSnapshot, type Snapshot } from './incremental/snapshot.js';
import { writeSurfaceImage } from './surface/write.js';

export interface AnalyzeOptions {
  /** Where dumps go; default `<workspace root>/.xref/dumps`. */
  outDir?: string;
  useCargo?: boolean | 'auto';
  /** Also analyze the members' examples, tests and benches, which see [dev-dependencies]; default false. */
  includeDevTargets?: boolean;
  /** Threads that parse files; default: the available cores for a large workspace, else 1. */
  workers?: number;
  /** Files parsed by earlier analyses in this process; unchanged files are not parsed again. */
  sources?: SourceCache;
  /**
   * Std's sources (issue 4): a `library` directory, a directory holding `library/`, or a
   * sysroot with rust-src. Its crates core, alloc and std are analyzed once into the per-user
   * cache (std-src/), their dumps join `dumpFiles`, and refs into std point at their defs.
   * Undefined: std is the built-in table alone (workspace/std-sources.ts `locateStdSources`
   * finds a default the way `xref index` does).
   */
  stdSources?: string;
  /**
   * Keep registry crates' dumps in the per-user cache (crate-cache/registry.ts), where every
   * workspace that uses a crate at the same version, features and dependencies finds them; their
   * files are then named by absolute path. Default false.
   */
  crateCache?: boolean;
  /** Called as the analysis moves on, for a progress display (`xref index` on a terminal). */
  onProgress?: (progress: AnalyzeProgress) => void;
  /**
   * Start from what the last analysis left in the dumps directory (incremental/resume.ts): crates
   * whose files did not change are not analyzed again, and in those that did, only the items
   * whose text changed and their dependents are resolved again. Default false: a full analysis.
   */
  incremental?: boolean;
}

/**
 * A step of an analysis. `parse` counts files read and parsed against the files asked for so
 * far: a crate's module tree is found as its files are parsed, so `total` grows until the end.
 * `write` counts crates whose dump is written.
 */
export interface AnalyzeProgress {
  phase: 'discover' | 'parse' | 'resolve' | 'write';
  done?: number;
  total?: number;
}

export interface FileDiagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface AnalyzeResult {
  root: string;
  dumpFiles: string[];
  /**
   * Set by an incremental analysis that took an edit into the records it had: the changes to
   * apply to the store. From `xref watch` (incremental/session.ts), instead of `dumpFiles`, which
   * is then empty. From a resumed one-shot analysis (incremental/resume.ts), with the dumps
   * written: each patch names the dump it starts from and the one it makes (`DumpPatch.dump`).
   */
  patches?: DumpPatch[];
  crates: number;
  files: number;
  items: number;
  diagnostics: FileDiagnostic[];
  warnings: string[];
  /**
   * With `stdSources`: the std crates' `library` directory, and whether this run analyzed them
   * (false: their dumps came from the cache). Their dumps are at the end of `dumpFiles`; `crates`,
   * `files` and `items` count the workspace's alone.
   */
  std?: { library: string; analyzed: boolean };
  /** With `crateCache`: registry crates whose dump came from the cache, and those analyzed. */
  registry?: { reused: number; analyzed: number };
}

/**
 * What a full analysis leaves behind, for an incremental one to start from
 * (incremental/session.ts): the resolved crates, and what the result was made of.
 */
export interface WorkspaceModel {
  root: string;
  crates: CrateCtx[];
  outDir: string;
  /** The workspace's own warnings (discovery), which every later result repeats. */
  workspaceWarnings: string[];
  /** Syntax errors and module-tree problems, as the result lists them. */
  diagnostics: FileDiagnostic[];
  /** Manifests and lock files whose change calls for a new discovery. */
  manifests: string[];
  /**
   * The snapshot the analysis wrote, and its records' fingerprints: an incremental session that
   * rewrites a crate's dump rewrites its part of the snapshot too, so that a later `xref index`
   * resumes from it.
   */
  snapshot: { value: Omit<Snapshot, 'format'>; prints: Map<CrateCtx, Map<ItemRecordDraft, RecordPrint>> };
}

export async function analyzeWorkspace(dir: string, opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  if (opts.incremental) {
    // Loaded here: resume.ts imports this module.
    const { resumeAnalysis } = await import('./incremental/resume.js');
    const resumed = await resumeAnalysis(dir, opts);
    if (resumed !== undefined) return resumed;
  }
  return (await analyzeWorkspaceModel(dir, opts)).result;
}

/** `analyzeWorkspace`, also returning the model it resolved. */
export async function analyzeWorkspaceModel(dir: string, opts: AnalyzeOptions = {}): Promise<{ result: AnalyzeResult; model: WorkspaceModel }> {
  const startedAtMs = Date.now();
  const progress = opts.onProgress ?? (() => {});
  progress({ phase: 'discover' });
  const ws = await discoverWorkspace(path.resolve(dir), { useCargo: opts.useCargo ?? 'auto', includeDevTargets: opts.includeDevTargets ?? false }, (root) => discoveryFileOf(root, opts));
  const std = buildStdCrates();
  // Std's own analysis (or its cached dumps) comes first: its memory is free again before the workspace's.
  const stdSources = await withStdSources(ws, opts);
  if (stdSources) adoptRealIds(std, stdSources.ids);
  const outDir = dumpsDirOf(ws.root, opts);
  // A full analysis asked for (`--full`) parses every file; one a resumed analysis fell back to need not.
  const diskSources = diskSourcesIn(outDir, opts.incremental ?? false);
  const crates = await loadCrates(ws.crates, ws.root, { ...opts, diskSources });
  const registry = opts.crateCache ? findRegistryCrates(crates, stdSources?.ids) : undefined;
  progress({ phase: 'resolve' });
  const bound = bindCrates(crates, std);
  const prints = new Map(crates.map((c) => [c, recordPrints(c)]));
  const cached = new Set(registry?.cached.keys());
  const surfaces = new Map(crates.map((c) => [c, surfaceDigest(c, prints.get(c)!)]));
  const key = snapshotKey(opts, outDir, stdSources);
  const external = [...std.crates.values()];
  mkdirSync(outDir, { recursive: true });
  resolveItems(crates, bound.impls, bound.macroCalls, external, (crate) => cached.has(crate), (all) =>
    writeSurfaceImage(outDir, key, crates, external, surfaces, all));
  // Std's own sources: their records take the real ids of the table defs they reach (real-ids.ts).
  const realIds = stdSources === undefined && isStdWorkspace(ws.crates) ? adoptRealIdsOfStd(std, crates) : undefined;

  const snapshots: CrateSnapshot[] = [];
  progress({ phase: 'write', done: 0, total: crates.length });
  for (const c of crates) {
    const diagnostics = attachDiagnostics(c);
    const fromCache = registry?.cached.get(c);
    let file: string;
    let warnings: string[];
    let digest: string;
    if (fromCache) {
      ({ file, warnings } = fromCache);
      digest = readDumpDigest(file) ?? '';
    } else {
      // A cached crate's dump names its files by absolute path, to fit every workspace.
      const key = registry?.keys.get(c);
      const { dump, warnings: w } = buildDump(c, ws.root, { absolutePaths: key !== undefined });
      warnings = w;
      digest = dump.header.digest!;
      const outFile = dumpFileOf(outDir, c.target);
      const inCache = key ? cacheDump(key, path.basename(outFile), dump, w) : undefined;
      file = inCache ?? outFile;
      if (inCache === undefined) writeDumpFile(file, dump);
    }
    snapshots.push(crateSnapshot(outDir, c, file, digest, prints.get(c)!, surfaces.get(c)!, diagnostics, warnings));
    progress({ phase: 'write', done: snapshots.length, total: crates.length });
  }
  removeStaleDumps(outDir, snapshots.map((s) => s.dump));
  const result = resultOf(ws, snapshots, stdSources);
  const snapshot = { key, targets: digestOf(ws.crates), startedAtMs, crates: snapshots, realIds };
  writeSnapshot(outDir, snapshot);
  keepDiskSources(diskSources, snapshots);
  const manifests = [...new Set([ws.root, ...ws.crates.map((t) => t.packageDir)])]
    .flatMap((d) => [path.join(d, 'Cargo.toml'), path.join(d, 'Cargo.lock')]);
  return {
    result: { ...result, ...(registry ? { registry: { reused: registry.cached.size, analyzed: registry.keys.size - registry.cached.size } } : {}) },
    model: { root: ws.root, crates, outDir, workspaceWarnings: ws.warnings, diagnostics: result.diagnostics, manifests, snapshot: { value: snapshot, prints } },
  };
}

/** The result of an analysis whose crates left `snapshots`, in the workspace's order. */
export function resultOf(ws: Workspace, snapshots: readonly CrateSnapshot[], stdSources: StdSources | undefined): AnalyzeResult {
  const files = new Set(snapshots.flatMap((s) => s.files.map(([abs]) => abs)));
  const diagnostics = snapshots.flatMap((s) => s.diagnostics);
  sortDiagnostics(diagnostics);
  return {
    root: ws.root, dumpFiles: [...snapshots.map((s) => s.dump), ...stdSources?.dumpFiles ?? []], crates: snapshots.length, files: files.size,
    items: snapshots.reduce((n, s) => n + s.items, 0), diagnostics, warnings: [...ws.warnings, ...snapshots.flatMap((s) => s.warnings)],
    ...(stdSources ? { std: { library: stdSources.library, analyzed: stdSources.analyzed } } : {}),
  };
}

/** What a snapshot must have been taken with to be resumed from: the options that change dumps, and the analyzing code. */
export function snapshotKey(opts: AnalyzeOptions, outDir: string, stdSources: StdSources | undefined): string {
  return digestOf([analyzerFingerprint(), outDir, opts.includeDevTargets ?? false, opts.crateCache ?? false, stdSources?.dumpFiles ?? []]);
}

/** A crate that left the workspace (or whose dump is now cached) must not leave its old dump behind. */
export function removeStaleDumps(outDir: string, dumpFiles: readonly string[]): void {
  const keep = new Set(dumpFiles.filter((f) => path.dirname(f) === outDir).map((f) => path.basename(f)));
  for (const f of readdirSync(outDir)) {
    if ((f.endsWith('.jsonl') && !keep.has(f)) || isAbandonedTemp(f)) rmSync(path.join(outDir, f), { force: true });
  }
}

export function sortDiagnostics(diagnostics: FileDiagnostic[]): void {
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/**
 * Reads and parses the crates of `targets` (files on `opts.workers` threads), linked as their
 * dependencies say. With `diskSources`, files and macro expansions parsed by an earlier
 * analysis are taken from it.
 */
export async function loadCrates(
  targets: CrateTarget[], root: string,
  opts: Pick<AnalyzeOptions, 'workers' | 'sources' | 'onProgress'> & { diskSources?: DiskSourceCache },
): Promise<CrateCtx[]> {
  const reader = openSourceReader(root, targets.map((t) => path.dirname(t.rootFile)), opts.workers);
  let crates: CrateCtx[];
  try {
    const cached = opts.diskSources ? opts.diskSources.readerOver(reader.read, root) : reader.read;
    const read = countedReads(opts.sources ? opts.sources.readerOver(cached, root) : cached, opts.onProgress);
    crates = await Promise.all(targets.map((t) => newCrate(t, root, read)));
  } finally {
    await reader.close();
  }
  if (opts.diskSources) for (const c of crates) useExpansionParses(c, opts.diskSources.expansionsOf(c.target.key));
  const byKey = new Map(targets.map((t, i) => [t.key, crates[i]]));
  for (const c of crates) {
    for (const [name, key] of Object.entries(c.target.dependencies)) {
      const dep = byKey.get(key);
      if (dep) c.deps.set(name, dep);
    }
  }
  return crates;
}

/** Resolves `crates` together, with the std table `std` for what they do not link. */
export function resolveCrates(crates: CrateCtx[], std: StdCrates): void {
  const { impls, macroCalls } = bindCrates(crates, std);
  resolveItems(crates, impls, macroCalls, [...std.crates.values()]);
}

/**
 * The passes before `resolveItems`: every def collected and bound, imports and impls resolved.
 * Every record has its final id then.
 */
export function bindCrates(crates: CrateCtx[], std: StdCrates): ReturnType<typeof resolveImpls> {
  for (const c of crates) linkStd(c, std);
  for (const c of crates) collectCrate(c);
  resolveImports(crates);
  return resolveImpls(crates);
}

/**
 * The std crates of `opts.stdSources`, from the cache or analyzed into it; none for a workspace
 * that is std itself, whose crates have the same ids. Loaded on demand: std-src/ imports this module.
 */
export async function withStdSources(ws: Workspace, opts: AnalyzeOptions): Promise<StdSources | undefined> {
  if (opts.stdSources === undefined) return undefined;
  const { prepareStdSources } = await import('./std-src/index.js');
  return isStdWorkspace(ws.crates) ? undefined : prepareStdSources(opts.stdSources, opts);
}

/** Files as an analysis writing its dumps to `outDir` parsed them, kept next to the dumps for the next one. */
export function diskSourcesIn(outDir: string, reuse: boolean): DiskSourceCache {
  return new DiskSourceCache(path.join(outDir, 'parsed'), analyzerFingerprint(), reuse);
}

/** Writes what the analysis parsed for the next one, and keeps what the crates of `snapshots` need of it. */
export function keepDiskSources(diskSources: DiskSourceCache, snapshots: readonly CrateSnapshot[]): void {
  diskSources.writeExpansions();
  diskSources.keepOnly(new Set(snapshots.flatMap((s) => s.files.map(([, , , hash]) => hash))), snapshots.map((s) => s.target));
}

/** Where an analysis of the workspace at `root` keeps what `cargo metadata` said (workspace/discovery-cache.ts). */
export function discoveryFileOf(root: string, opts: Pick<AnalyzeOptions, 'outDir'>): string {
  return path.join(dumpsDirOf(root, opts), 'workspace.json');
}

/** Where an analysis of the workspace at `root` writes its dumps (and its snapshot). */
export function dumpsDirOf(root: string, opts: Pick<AnalyzeOptions, 'outDir'>): string {
  return opts.outDir ?? path.join(root, '.xref', 'dumps');
}

/** The dump file of a crate in `outDir`. */
export function dumpFileOf(outDir: string, target: CrateTarget): string {
  return path.join(outDir, `${dumpName(target)}.jsonl`);
}

/** `read`, reporting each file it has read against the files asked for so far. */
function countedReads(read: SourceReader, onProgress: AnalyzeOptions['onProgress']): SourceReader {
  if (onProgress === undefined) return read;
  let asked = 0;
  let done = 0;
  return async (abs, edition) => {
    asked++;
    try {
      return await read(abs, edition);
    } finally {
      onProgress({ phase: 'parse', done: ++done, total: asked });
    }
  };
}

async function newCrate(target: CrateTarget, workspaceRoot: string, read: SourceReader): Promise<CrateCtx> {
  const cfg = defaultCfg(target.features);
  const loaded = await loadCrate(target.rootFile, { workspaceRoot, edition: target.edition, cfg }, read);
  return {
    target, name: target.name, idPrefix: crateId(target), edition: target.edition, cfg, loaded,
    deps: new Map(), records: [], scopes: new Map(), macros: new Map(),
    usedIds: new Set(), defs: [], deferred: [],
  };
}

function dumpName(t: CrateTarget): string {
  return `${t.package}-${t.version}-${t.kind}-${t.name}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * Puts each syntax error and module-tree problem into the innermost record that contains it (so
 * it lives and dies with that item) and returns them as `file:line:col` diagnostics.
 */
export function attachDiagnostics(crate: CrateCtx): FileDiagnostic[] {
  const byFile = new Map<SourceFile, ItemRecordDraft[]>();
  for (const r of crate.records) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  const out: FileDiagnostic[] = [];
  for (const f of crate.loaded.files) {
    out.push(...attachFileDiagnostics(f, byFile.get(f) ?? [], f.parsed.errors));
  }
  for (const p of crate.loaded.problems) out.push(...attachFileDiagnostics(p.file, byFile.get(p.file) ?? [], [p]));
  return out;
}

/** Attaches problems of `file` to the innermost of its `records` containing each one. */
export function attachFileDiagnostics(
  file: SourceFile, records: readonly ItemRecordDraft[], problems: ReadonlyArray<{ offset: number; message: string }>,
): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const lines = new LineIndex(file.entry);
  for (const { offset, message } of problems) {
    let best: ItemRecordDraft | undefined;
    for (const r of records) {
      if (r.span[0] <= offset && offset <= r.span[1] && (!best || r.span[1] - r.span[0] < best.span[1] - best.span[0])) best = r;
    }
    best ??= records.find((r) => r.kind === 'mod' && r.span[0] === 0);
    if (best) best.diagnostics.push({ severity: 'error', message, span: [offset, Math.min(offset, best.span[1])] });
    const pos = lines.position(Math.min(offset, file.entry.bytes));
    out.push({ file: file.rel, line: pos.line, col: pos.col, message });
  }
  return out;
}
