// The front end of a long-running process (`xref watch`): analyses that start from the last one.
// The first analysis is a full one, and its resolved model is kept. After that, a local edit
// (local-edit.ts: inside one fn body, the common edit, or only between tokens) is taken into the
// kept model: positions after it move, that fn alone is resolved again, and the update is a set
// of store patches for the records that changed, in milliseconds. Anything else (a signature, an
// item added or removed, a manifest) runs a full analysis again, which also replaces the model.
import { statSync } from 'node:fs';
import type { DumpPatch, Span } from '../../../schema/src/index.js';
import type { Item } from '../syntax/ast.js';
import {
  analyzeWorkspaceModel, attachFileDiagnostics, diskSourcesIn, dumpFileOf, sortDiagnostics,
  type AnalyzeOptions, type AnalyzeResult, type FileDiagnostic, type WorkspaceModel,
} from '../analyze.js';
import { SourceCache } from '../crate/source-cache.js';
import type { SourceFile } from '../crate/modules.js';
import type { CrateCtx } from '../resolve/model.js';
import { resolveFnAgain } from '../resolve/items.js';
import { adoptRealIdsInRecords } from '../std-src/real-ids.js';
import { buildDump, itemRecordOf } from '../dump/write.js';
import { writeDumpFile } from '../dump/write-file.js';
import { localEditsOfTokens, type FnItem, type LocalEdits } from './local-edit.js';
import { textPrint } from './fingerprints.js';
import { crateSnapshot, surfaceDigest, writeSnapshot } from './snapshot.js';
import { editInside, shiftRecords } from './shift.js';

export interface UpdateOptions extends Omit<AnalyzeOptions, 'sources'> {
  /**
   * Paths the caller saw change, when it knows (a file watcher). A path the kept model does not
   * have, such as a new file, calls for a full analysis; without the list, only the files of the
   * model and the manifests are checked.
   */
  changed?: string[];
}

export interface SessionStats {
  /** Updates taken as local edits, and full analyses. */
  localEdits: number;
  full: number;
}

export class AnalysisSession {
  private readonly sources = new SourceCache();
  private kept?: { key: string; model: WorkspaceModel; result: AnalyzeResult; manifests: Map<string, number> };
  /** Crates patched since their dumps were last written, with the files edited in each. */
  private readonly staleDumps = new Map<CrateCtx, Set<SourceFile>>();
  readonly stats: SessionStats = { localEdits: 0, full: 0 };

  async update(dir: string, options: UpdateOptions = {}): Promise<AnalyzeResult> {
    const { changed, ...analyzeOptions } = options;
    const key = JSON.stringify([dir, analyzeOptions]);
    const kept = this.kept;
    if (kept !== undefined && kept.key === key && !manifestsChanged(kept.manifests)) {
      const patched = this.takeLocalEdits(kept.model, kept.result, changed);
      if (patched !== undefined) {
        this.stats.localEdits++;
        return patched;
      }
    }
    this.staleDumps.clear();
    const { result, model } = await analyzeWorkspaceModel(dir, { ...analyzeOptions, sources: this.sources });
    this.kept = { key, model, result, manifests: stampManifests(model.manifests) };
    this.stats.full++;
    return result;
  }

  /** Whether some crate's dump file is older than its patched model. */
  hasStaleDumps(): boolean {
    return this.staleDumps.size > 0;
  }

  /**
   * Writes the dumps of the crates patched since the last write, and the snapshot with them, so
   * that a later `xref index` resumes from them (resume.ts) rather than analyzing everything.
   * Patches go straight to the store; the dumps follow when the process has time, so that they
   * never contradict it for long.
   */
  writeStaleDumps(): void {
    const model = this.kept?.model;
    if (model === undefined) return;
    const { value: snapshot, prints } = model.snapshot;
    // The edited files' parses, for a later `xref index` to take the next edit of them without binding (body-edits.ts).
    const diskSources = diskSourcesIn(model.outDir, true);
    for (const [crate, files] of this.staleDumps) {
      for (const f of files) diskSources.keepSource(f, crate.edition);
      const file = dumpFileOf(model.outDir, crate.target);
      const { dump, warnings } = buildDump(crate, model.root);
      writeDumpFile(file, dump);
      // A local edit is inside a body or between tokens: it changes the bytes of the records
      // around it, never their shapes or defs.
      const cratePrints = prints.get(crate)!;
      for (const r of crate.records) {
        const print = cratePrints.get(r);
        if (print !== undefined && files.has(r.file)) print.text = textPrint(r);
      }
      const at = snapshot.crates.findIndex((c) => c.target === crate.target.key);
      const edited = new Set([...files].map((f) => f.rel));
      const diagnostics = [...snapshot.crates[at].diagnostics.filter((d) => !edited.has(d.file)), ...[...files].flatMap((f) => fileDiagnostics(crate, f))];
      snapshot.crates[at] = crateSnapshot(model.outDir, crate, file, dump.header.digest!, cratePrints, surfaceDigest(crate, cratePrints), diagnostics, warnings);
    }
    if (this.staleDumps.size > 0) writeSnapshot(model.outDir, snapshot);
    this.staleDumps.clear();
  }

  /**
   * The update as patches, when every changed file of the model changed by a local edit;
   * undefined when a full analysis is needed. Files are checked by size, mtime and hash.
   */
  private takeLocalEdits(model: WorkspaceModel, last: AnalyzeResult, changed: string[] | undefined): AnalyzeResult | undefined {
    const files = modelFiles(model);
    if (changed?.some((p) => !files.has(p) && !model.manifests.includes(p))) return undefined;
    const edits: Array<{ file: SourceFile; now: SourceFile; edit: LocalEdits }> = [];
    for (const [abs, { file, crate }] of files) {
      let now: SourceFile;
      try {
        now = this.sources.read(abs, model.root, crate.edition);
      } catch {
        return undefined;
      }
      if (now.entry.hash === file.entry.hash) continue;
      // A registry crate's dump may come from the per-user cache, resolved without bodies
      // (crate-cache/): an edit there, which a version never sees, is left to a full analysis.
      if (crate.target.source === 'registry') return undefined;
      const edit = localEditsOfTokens(file, now.ts);
      if (edit === undefined) return undefined;
      edits.push({ file, now, edit });
    }
    const patches: DumpPatch[] = [];
    const warnings: string[] = [];
    for (const { file, now, edit } of edits) {
      const applied = applyLocalEdit(model, file, now, edit, warnings);
      if (applied === undefined) {
        // The model is half-updated: only a full analysis can be trusted now.
        this.kept = undefined;
        return undefined;
      }
      patches.push(...applied.patches);
      for (const c of applied.crates) {
        const files = this.staleDumps.get(c);
        if (files) files.add(file);
        else this.staleDumps.set(c, new Set([file]));
      }
    }
    return { ...last, dumpFiles: [], patches, diagnostics: model.diagnostics, warnings: [...model.workspaceWarnings, ...warnings] };
  }
}

/** Every source file of the model by absolute path, with a crate that reads it. */
function modelFiles(model: WorkspaceModel): Map<string, { file: SourceFile; crate: CrateCtx }> {
  const out = new Map<string, { file: SourceFile; crate: CrateCtx }>();
  for (const crate of model.crates) for (const file of crate.loaded.files) if (!out.has(file.abs)) out.set(file.abs, { file, crate });
  return out;
}

/**
 * Takes the edits into the model: `file` (the model's object, shared by every crate that reads it)
 * becomes `now`, positions after each edit move, the fns whose bodies changed are resolved again.
 * Returns the patches, or undefined when a fn cannot be resolved alone.
 */
function applyLocalEdit(
  model: WorkspaceModel, file: SourceFile, now: SourceFile, edit: LocalEdits, warnings: string[],
): { patches: DumpPatch[]; crates: CrateCtx[] } | undefined {
  const crates = model.crates.filter((c) => c.loaded.files.includes(file));
  const edited = new Set<Item>(edit.fns.map((f) => f.old));
  const touched = crates.map((crate) => ({
    crate,
    records: crate.records.filter((r) => r.file === file),
    fns: crate.defs.filter((d) => d.file === file && d.item !== undefined && edited.has(d.item)),
  }));
  if (touched.some((t) => t.fns.length !== edit.fns.length)) return undefined;
  // Outside the edited bodies, an edit inside a record with locals (named by their offset in it: a
  // fn's params, a closure in a const) would leave their ids stale.
  const loose = edit.shifts.filter((s) => !edit.fns.some((f) => f.shift === s));
  if (touched.some((t) => t.records.some((r) => editInside(loose, r.span[0], r.span[1]) && r.defs.some((d) => d.id.includes('$'))))) return undefined;

  // Records whose length changes (an impl, a trait, a mod around an edit) are rewritten too.
  const lengths = new Map(touched.flatMap((t) => t.records).map((r) => [r, r.span[1] - r.span[0]]));
  // Module nodes keep the old AST: only collection reads them, and a full analysis makes new ones.
  Object.assign(file, { entry: now.entry, ts: now.ts, parsed: edit.parsed });
  // In one call per edit: crates that share the file share its AST, and with it some span arrays.
  const fileStart = fileModuleSpans(crates, file);
  for (const shift of edit.shifts) shiftRecords(touched.flatMap((t) => t.records), shift, fileStart);
  for (const { crate } of touched) {
    for (const d of crate.defs) if (d.file === file && d.item !== undefined) d.item = edit.pairs.get(d.item) ?? d.item;
  }

  const patches: DumpPatch[] = [];
  for (const { crate, records, fns } of touched) {
    const changed = records.filter((r) => r.span[1] - r.span[0] !== lengths.get(r));
    for (const fn of fns) {
      const record = fn.record;
      // Under a false #[cfg]: nothing in it was resolved, and it moves as it is.
      if (fn.inactive) continue;
      if (!resolveFnAgain(fn, fn.item as FnItem)) return undefined;
      const realIds = model.snapshot.value.realIds;
      if (realIds) adoptRealIdsInRecords([record], realIds);
      record.diagnostics = [];
      const inside = file.parsed.errors.filter((e) => record.span[0] <= e.offset && e.offset <= record.span[1]);
      attachFileDiagnostics(file, [record], inside);
      if (!changed.includes(record)) changed.push(record);
    }
    patches.push({
      crate: crate.idPrefix,
      file: file.entry,
      fileItems: records.map((r) => [r.id, r.span[0], r.span[1]]),
      items: changed.map((r) => itemRecordOf(r, warnings)),
    });
  }
  model.diagnostics = [...model.diagnostics.filter((d) => d.file !== file.rel), ...crates.flatMap((c) => fileDiagnostics(c, file))];
  sortDiagnostics(model.diagnostics);
  return { patches, crates };
}

/** The spans of the defs of the modules that `file` is the file of (not `mod x { … }` inside it). */
function fileModuleSpans(crates: readonly CrateCtx[], file: SourceFile): Set<Span> {
  const out = new Set<Span>();
  for (const crate of crates) {
    for (const [m, scope] of crate.scopes) {
      if (m.file !== file || m.decl?.items !== undefined) continue;
      out.add(scope.def.def.span);
      out.add(scope.def.def.nameSpan);
      out.add(scope.def.record.span);
    }
  }
  return out;
}

/** The syntax errors and module-tree problems of one file of a crate, as a full analysis lists them. */
function fileDiagnostics(crate: CrateCtx, file: SourceFile): FileDiagnostic[] {
  const problems = crate.loaded.problems.filter((p) => p.file === file);
  // No records given: positions only, nothing attached again.
  return attachFileDiagnostics(file, [], [...file.parsed.errors, ...problems]);
}

function stampManifests(paths: readonly string[]): Map<string, number> {
  return new Map(paths.map((p) => [p, statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1]));
}

function manifestsChanged(stamps: Map<string, number>): boolean {
  for (const [p, mtime] of stamps) if ((statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1) !== mtime) return true;
  return false;
}
