// A one-shot analysis that starts from the snapshot the last one left (snapshot.ts), for
// `xref index` without a watcher. Files whose size and mtime (or else bytes) are unchanged are not
// read. A crate none of whose files changed is not analyzed: its dump stays. When every changed
// file changed inside fn bodies or between items, nothing is bound (body-edits.ts). Otherwise a
// crate with changed files is loaded and bound with its dependencies (their bodies are never
// resolved), and then:
// - an item whose bytes are unchanged keeps its old record, and its body is not resolved;
// - an item whose bytes changed is resolved again;
// - an item whose shape (signature) changed is resolved again with its dependents: every item
//   of this crate and of the crates depending on it whose old record refers to one of its defs;
// - an item added, removed or renamed, or a changed `use`, `mod`, `impl`, macro or extern block
//   (what decides which names mean what), resolves the whole crate and its dependents again.
// The dumps come out as a full analysis would write them (tests compare them byte for byte).
// Anything this cannot vouch for (no snapshot, other options or code, a dump changed since, a
// changed manifest or target list, an edit in a registry crate) returns undefined: the caller
// runs a full analysis.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DumpPatch, ItemRecord } from '../../../schema/src/index.js';
import {
  attachDiagnostics, bindCrates, discoveryFileOf, diskSourcesIn, dumpFileOf, dumpsDirOf, keepDiskSources, loadCrates, resultOf, snapshotKey, withStdSources,
  type AnalyzeOptions, type AnalyzeResult,
} from '../analyze.js';
import { discoverWorkspace, withDependencies, type CrateTarget, type Workspace } from '../workspace/index.js';
import { SourceCache } from '../crate/source-cache.js';
import type { DiskSourceCache } from '../crate/disk-source-cache.js';
import { buildStdCrates } from '../resolve/std.js';
import { resolveItems } from '../resolve/items.js';
import { adoptRealIds, adoptRealIdsInRecords, realIdsAfter, type RealIds } from '../std-src/real-ids.js';
import type { StdSources } from '../std-src/index.js';
import type { CrateCtx, ItemRecordDraft } from '../resolve/model.js';
import { buildDump, recordHead } from '../dump/write.js';
import { digestOnDisk, writeDumpFile } from '../dump/write-file.js';
import { expansionOrigin } from '../expand/tokens.js';
import { recordPrints, type RecordPrint } from './fingerprints.js';
import { dumpsOfBodyEdits } from './body-edits.js';
import {
  crateSnapshot, digestOf, printsOf, readSnapshot, surfaceDigest, unchangedSince, writeSnapshot, type CrateSnapshot, type Snapshot,
} from './snapshot.js';
import { writeSurfaceImage } from '../surface/write.js';

/** Item kinds whose change can change what names mean elsewhere, beyond the refs to their own defs. */
const BINDING_KINDS = new Set<ItemRecordDraft['kind']>(['mod', 'use', 'extern_crate', 'impl', 'macro_rules', 'macro_call', 'extern_block', 'error']);

export interface ResumeStats {
  /** Crates whose dumps were rebuilt, and the items of those resolved again. */
  crates: number;
  items: number;
  /** Crates loaded and bound: none when the edits only moved items or changed fn bodies. */
  bound: number;
}

/** The analysis of `dir` resumed from its snapshot, or undefined when only a full analysis will do. */
export async function resumeAnalysis(dir: string, opts: AnalyzeOptions, stats?: ResumeStats): Promise<AnalyzeResult | undefined> {
  const startedAtMs = Date.now();
  const progress = opts.onProgress ?? (() => {});
  progress({ phase: 'discover' });
  const ws = await discoverWorkspace(path.resolve(dir), { useCargo: opts.useCargo ?? 'auto', includeDevTargets: opts.includeDevTargets ?? false }, (root) => discoveryFileOf(root, opts));
  const outDir = dumpsDirOf(ws.root, opts);
  const snapshot = readSnapshot(outDir);
  if (snapshot === undefined || snapshot.targets !== digestOf(ws.crates)) return undefined;
  const stdSources = await withStdSources(ws, opts);
  if (snapshot.key !== snapshotKey(opts, outDir, stdSources)) return undefined;
  const old = new Map(snapshot.crates.map((c) => [c.target, c]));
  if (ws.crates.some((t) => !old.has(t.key)) || snapshot.crates.some((c) => digestOnDisk(c.dump) !== c.digest)) return undefined;

  const changed = changedCrates(snapshot);
  if (changed.size === 0) return resultOf(ws, ws.crates.map((t) => old.get(t.key)!), stdSources);
  const targets = new Map(ws.crates.map((t) => [t.key, t]));
  if ([...changed].some((k) => targets.get(k)!.source === 'registry')) return undefined;

  const diskSources = diskSourcesIn(outDir, true);
  /** The new snapshot (crates not rewritten as they were), the parse cache kept for it, and the result. */
  const finish = (rewritten: ReadonlyMap<string, CrateSnapshot>, items: number, realIds: RealIds | undefined, bound = 0, patches?: DumpPatch[]): AnalyzeResult => {
    const all = ws.crates.map((t) => rewritten.get(t.key) ?? old.get(t.key)!);
    writeSnapshot(outDir, { key: snapshot.key, targets: snapshot.targets, startedAtMs, crates: all, realIds });
    keepDiskSources(diskSources, all);
    if (stats) Object.assign(stats, { crates: rewritten.size, items, bound });
    // The dumps are written; the patches take a store that holds the last ones to them for less.
    return { ...resultOf(ws, all, stdSources), ...(patches ? { patches } : {}) };
  };
  // Edits inside fn bodies or between items bind nothing; others bind the crates they touch.
  const edited = dumpsOfBodyEdits(ws, snapshot, changed, diskSources, outDir);
  if (edited !== undefined) return finish(edited.snapshots, edited.items, snapshot.realIds, 0, edited.patches);
  const sources = new SourceCache();
  let rebuilt = new Set(changed);
  for (;;) {
    const attempt = await bindSubset(ws, rebuilt, old, { sources, diskSources }, stdSources, opts);
    const plan = planBodies(outDir, attempt.rebuilt, old, dependentsOf(ws.crates));
    if (plan === 'registry') return undefined;
    if ('needs' in plan) {
      rebuilt = plan.needs;
      continue;
    }
    progress({ phase: 'resolve' });
    const { crates, bound, std } = attempt;
    const external = [...std.crates.values()];
    // A crate not rebuilt has the surface the snapshot has.
    const surfaces = new Map(crates.map((c) => {
      const part = attempt.rebuilt.find((p) => p.crate === c);
      return [c, part ? surfaceDigest(c, part.prints) : old.get(c.target.key)!.surface];
    }));
    resolveItems(crates, bound.impls, bound.macroCalls, external, (crate, record) => !plan.resolve.has(record) || !rebuilt.has(crate.target.key), (all) =>
      writeSurfaceImage(outDir, snapshot.key, crates, external, surfaces, all));
    const realIds = snapshot.realIds && realIdsAfter(snapshot.realIds, std, crates);
    if (realIds) for (const { crate } of attempt.rebuilt) adoptRealIdsInRecords(crate.records, realIds);
    const snapshots = new Map<string, CrateSnapshot>();
    for (const { crate, prints, oldDump } of attempt.rebuilt) {
      const oldSnapshot = old.get(crate.target.key)!;
      const diagnostics = attachDiagnostics(crate);
      const { dump, warnings } = buildDump(crate, ws.root, {
        reuse: (d, file) => {
          if (plan.resolve.has(d)) return undefined;
          const line = oldDump().get(d.id);
          if (line === undefined) throw new Error(`no record of ${d.id} in ${oldSnapshot.dump}`);
          const head = recordHead(line);
          if (head.file === file && head.span[0] === d.span[0] && head.span[1] === d.span[1]) return line;
          // Moved by an edit above it: the same record, elsewhere.
          return JSON.stringify({ ...(JSON.parse(line) as ItemRecord), file, span: [d.span[0], d.span[1]] });
        },
      });
      const file = dumpFileOf(outDir, crate.target);
      writeDumpFile(file, dump);
      snapshots.set(crate.target.key, crateSnapshot(outDir, crate, file, dump.header.digest!, prints, surfaces.get(crate)!, diagnostics, warnings));
    }
    return finish(snapshots, plan.resolve.size, realIds, crates.length);
  }
}

/** Crates with a file that changed since the snapshot, or a module file that was missing and is there now. */
function changedCrates(snapshot: Snapshot): Set<string> {
  const checked = new Map<string, boolean>();
  const unchanged = (stamp: CrateSnapshot['files'][number]) => {
    let same = checked.get(stamp[0]);
    if (same === undefined) checked.set(stamp[0], (same = unchangedSince(stamp, snapshot.startedAtMs)));
    return same;
  };
  return new Set(snapshot.crates.filter((c) => c.missing.some((f) => existsSync(f)) || !c.files.every(unchanged)).map((c) => c.target));
}

/** Every crate that depends on one of `keys`, directly or not, with `keys` themselves. */
function dependentsOf(targets: readonly CrateTarget[]): (of: ReadonlySet<string>) => Set<string> {
  return (of) => {
    const out = new Set(of);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of targets) {
        if (out.has(t.key) || !Object.values(t.dependencies).some((d) => out.has(d))) continue;
        out.add(t.key);
        grew = true;
      }
    }
    return out;
  };
}

interface RebuiltCrate {
  crate: CrateCtx;
  prints: Map<ItemRecordDraft, RecordPrint>;
  /** The lines of the crate's old dump records by item id, read on first use. */
  oldDump: () => Map<string, string>;
}

/** Loads and binds the crates `rebuilt` with their dependencies, and takes the rebuilt ones' fingerprints. */
async function bindSubset(
  ws: Workspace, rebuilt: ReadonlySet<string>, old: ReadonlyMap<string, CrateSnapshot>,
  caches: { sources: SourceCache; diskSources: DiskSourceCache }, stdSources: StdSources | undefined, opts: AnalyzeOptions,
) {
  const std = buildStdCrates();
  if (stdSources) adoptRealIds(std, stdSources.ids);
  const crates = await loadCrates(withDependencies(ws, rebuilt), ws.root, { ...opts, ...caches });
  const bound = bindCrates(crates, std);
  const parts: RebuiltCrate[] = crates.filter((c) => rebuilt.has(c.target.key)).map((crate) => {
    let records: Map<string, string> | undefined;
    return { crate, prints: recordPrints(crate), oldDump: () => (records ??= readRecords(old.get(crate.target.key)!.dump)) };
  });
  return { crates, bound, std, rebuilt: parts };
}

type Plan =
  /** Bodies to resolve: those of these records; every other record of the rebuilt crates is its old one. */
  | { resolve: Set<ItemRecordDraft> }
  /** The crates to rebuild are more than these: dependents must be resolved again too. */
  | { needs: Set<string> }
  | 'registry';

/**
 * What to resolve again in the rebuilt crates, from their records' fingerprints against the
 * snapshot's. `dependents` widens a set of crates to those depending on them.
 */
function planBodies(outDir: string, rebuilt: readonly RebuiltCrate[], old: ReadonlyMap<string, CrateSnapshot>, dependents: (of: ReadonlySet<string>) => Set<string>): Plan {
  const keys = new Set(rebuilt.map((r) => r.crate.target.key));
  const resolve = new Set<ItemRecordDraft>();
  const reshaped: Array<{ part: RebuiltCrate; record: ItemRecordDraft }> = [];
  const rebind = new Set<string>();
  for (const part of rebuilt) {
    const { crate, prints } = part;
    const before = old.get(crate.target.key)!;
    const printsBefore = printsOf(outDir, before);
    const ids = new Set(crate.records.map((r) => r.id));
    const sameItems = ids.size === crate.records.length && ids.size === printsBefore.size;
    for (const r of crate.records) {
      const was = printsBefore.get(r.id);
      const now = prints.get(r)!;
      if (!sameItems || was === undefined || was[2] !== now.defs || (was[1] !== now.shape && BINDING_KINDS.has(r.kind))) {
        rebind.add(crate.target.key);
        break;
      }
      if (was[0] !== now.text) resolve.add(r);
      if (was[1] !== now.shape) reshaped.push({ part, record: r });
    }
    // A reused record can hold warnings the snapshot does not tie to it: such a crate is resolved whole.
    if (before.warnings.length > 0) rebind.add(crate.target.key);
  }
  if (rebuilt.some((p) => p.crate.target.source === 'registry')) return 'registry';
  if (rebind.size > 0) {
    const needed = dependents(rebind);
    if ([...needed].some((k) => !keys.has(k))) return { needs: new Set([...keys, ...needed]) };
    for (const k of needed) for (const r of rebuilt.find((p) => p.crate.target.key === k)!.crate.records) resolve.add(r);
  }
  if (reshaped.length > 0) {
    const needed = dependents(new Set(reshaped.map(({ part }) => part.crate.target.key)));
    if ([...needed].some((k) => !keys.has(k))) return { needs: new Set([...keys, ...needed]) };
    const changedDefs = new Set<string>();
    for (const { part, record } of reshaped) {
      resolve.add(record);
      for (const def of oldRecord(part, record.id)?.defs ?? []) changedDefs.add(def.id);
    }
    for (const part of rebuilt) {
      if (!needed.has(part.crate.target.key)) continue;
      for (const r of part.crate.records) {
        if (!resolve.has(r) && refersTo(oldRecord(part, r.id), changedDefs)) resolve.add(r);
      }
    }
  }
  // A macro's record gathers refs from each of its expansions: where a macro or an expansion is
  // resolved again, every item of the crate is.
  for (const { crate } of rebuilt) {
    if (!crate.records.some((r) => resolve.has(r) && (r.kind === 'macro_rules' || expansionOrigin(r.file) !== undefined))) continue;
    for (const r of crate.records) resolve.add(r);
  }
  return { resolve };
}

function refersTo(record: ItemRecord | undefined, defs: ReadonlySet<string>): boolean {
  if (record === undefined) return true;
  return record.refs.some((ref) => (ref.target !== undefined && defs.has(ref.target)) || (ref.candidates?.some((c) => defs.has(c)) ?? false));
}

/** A dump's record lines by item id; the dump is our own, checked by its digest, so not validated again. */
function readRecords(file: string): Map<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) if (lines[i] !== '') out.set(recordHead(lines[i]).item, lines[i]);
  return out;
}

function oldRecord(part: RebuiltCrate, id: string): ItemRecord | undefined {
  const line = part.oldDump().get(id);
  return line === undefined ? undefined : (JSON.parse(line) as ItemRecord);
}
