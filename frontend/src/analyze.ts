// The front end's batch job: discover the workspace, load and resolve every crate, write one
// dump per crate. Crates are resolved together because `pub use` chains cross crates.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { crateId, LineIndex, type DumpPatch } from '../../schema/src/index.js';
import { discoverWorkspace, type CrateTarget } from './workspace/index.js';
import { loadCrate, type SourceFile, type SourceReader } from './crate/modules.js';
import { openSourceReader } from './parallel/source-reader.js';
import type { SourceCache } from './crate/source-cache.js';
import { defaultCfg } from './crate/cfg.js';
import type { CrateCtx, ItemRecordDraft } from './resolve/model.js';
import { collectCrate } from './resolve/collect.js';
import { resolveImports } from './resolve/imports.js';
import { resolveImpls } from './resolve/impls.js';
import { resolveItems } from './resolve/items.js';
import { buildDump } from './dump/write.js';
import { writeDumpFile } from './dump/write-file.js';
import { buildStdCrates, linkStd } from './resolve/std.js';

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
   * Set by an incremental analysis (incremental/session.ts) that took an edit without a new
   * dump: the changes to apply to the store instead of `dumpFiles`, which is then empty.
   */
  patches?: DumpPatch[];
  crates: number;
  files: number;
  items: number;
  diagnostics: FileDiagnostic[];
  warnings: string[];
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
}

export async function analyzeWorkspace(dir: string, opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  return (await analyzeWorkspaceModel(dir, opts)).result;
}

/** `analyzeWorkspace`, also returning the model it resolved. */
export async function analyzeWorkspaceModel(dir: string, opts: AnalyzeOptions = {}): Promise<{ result: AnalyzeResult; model: WorkspaceModel }> {
  const ws = await discoverWorkspace(path.resolve(dir), { useCargo: opts.useCargo ?? 'auto', includeDevTargets: opts.includeDevTargets ?? false });
  const reader = openSourceReader(ws.root, ws.crates.map((t) => path.dirname(t.rootFile)), opts.workers);
  let crates: CrateCtx[];
  try {
    const read = opts.sources ? opts.sources.readerOver(reader.read, ws.root) : reader.read;
    crates = await Promise.all(ws.crates.map((t) => newCrate(t, ws.root, read)));
  } finally {
    await reader.close();
  }
  const byKey = new Map(ws.crates.map((t, i) => [t.key, crates[i]]));
  for (const c of crates) {
    for (const [name, key] of Object.entries(c.target.dependencies)) {
      const dep = byKey.get(key);
      if (dep) c.deps.set(name, dep);
    }
  }
  const std = buildStdCrates();
  for (const c of crates) linkStd(c, std);
  for (const c of crates) collectCrate(c);
  resolveImports(crates);
  const { impls, macroCalls } = resolveImpls(crates);
  resolveItems(crates, impls, macroCalls, [...std.crates.values()]);

  const outDir = opts.outDir ?? path.join(ws.root, '.xref', 'dumps');
  mkdirSync(outDir, { recursive: true });
  const dumpFiles: string[] = [];
  const diagnostics: FileDiagnostic[] = [];
  const warnings = [...ws.warnings];
  const files = new Set<string>();
  let items = 0;
  for (const c of crates) {
    diagnostics.push(...attachDiagnostics(c));
    const { dump, warnings: w } = buildDump(c, ws.root);
    warnings.push(...w);
    const file = dumpFileOf(outDir, c.target);
    writeDumpFile(file, dump);
    dumpFiles.push(file);
    items += dump.items.length;
    for (const f of dump.header.files) files.add(f.path);
  }
  // A crate that left the workspace must not leave its old dump behind.
  const keep = new Set(dumpFiles.map((f) => path.basename(f)));
  for (const f of readdirSync(outDir)) if (f.endsWith('.jsonl') && !keep.has(f)) rmSync(path.join(outDir, f));
  sortDiagnostics(diagnostics);
  const manifests = [...new Set([ws.root, ...ws.crates.map((t) => t.packageDir)])]
    .flatMap((d) => [path.join(d, 'Cargo.toml'), path.join(d, 'Cargo.lock')]);
  return {
    result: { root: ws.root, dumpFiles, crates: crates.length, files: files.size, items, diagnostics, warnings },
    model: { root: ws.root, crates, outDir, workspaceWarnings: ws.warnings, diagnostics, manifests },
  };
}

export function sortDiagnostics(diagnostics: FileDiagnostic[]): void {
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/** The dump file of a crate in `outDir`. */
export function dumpFileOf(outDir: string, target: CrateTarget): string {
  return path.join(outDir, `${dumpName(target)}.jsonl`);
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
function attachDiagnostics(crate: CrateCtx): FileDiagnostic[] {
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
