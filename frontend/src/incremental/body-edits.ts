// A resumed analysis (resume.ts) of edits inside fn bodies and between items, in any number of
// places (local-edit.ts `localEditsOfTokens`): every signature, scope and type is then what it
// was, so each edited fn is resolved again against the surface image (surface/) the last binding
// analysis wrote, read on demand, the other records move (moved-items.ts), and nothing else is
// loaded, parsed or bound. A body edit in alloc's vec/mod.rs otherwise binds core and alloc again
// (about 3 s on std, bench/RESULTS.md). The dumps come out as a full analysis would write them.
import { existsSync, readFileSync } from 'node:fs';
import type { DumpPatch, ItemRecord, Span } from '../../../schema/src/index.js';
import { fileEntryOf, relativePath, type SourceFile } from '../crate/modules.js';
import type { DiskSourceCache } from '../crate/disk-source-cache.js';
import { lex, type Edition } from '../syntax/lexer.js';
import type { ItemRecordDraft } from '../resolve/model.js';
import { resolveFnAgain, restoreFnContext } from '../resolve/items.js';
import { adoptRealIdsInRecords } from '../std-src/real-ids.js';
import { itemRecordOf, type DumpText } from '../dump/write.js';
import { writeDumpFile } from '../dump/write-file.js';
import { SurfaceImage } from '../surface/read.js';
import { withDependencies, type Workspace } from '../workspace/index.js';
import { localEditsOfTokens, type FnItem, type LocalEdits } from './local-edit.js';
import { movedDump, type Replace } from './moved-items.js';
import { movedSpanAll } from './shift.js';
import { stampFile, unchangedSince, withTextPrints, type CrateSnapshot, type FileStamp, type Snapshot } from './snapshot.js';

/** The crates a resume rewrote the dumps of, by target key, the patches to the store that go with them, and the items it resolved again. */
export interface ResumedDumps {
  snapshots: Map<string, CrateSnapshot>;
  patches: DumpPatch[];
  items: number;
}

/** An edited file: its parse now, and the edits since its last one. */
interface FileEdit extends LocalEdits {
  now: SourceFile;
  stamp: FileStamp;
}

/**
 * The snapshots of the `changed` crates with their dumps rewritten, and how many fns were resolved
 * again, when every changed file changed by a local edit (local-edit.ts) and the surface image in
 * `outDir` has those crates and what they see as the snapshot does; undefined otherwise.
 */
export function dumpsOfBodyEdits(
  ws: Workspace, snapshot: Snapshot, changed: ReadonlySet<string>, diskSources: DiskSourceCache, outDir: string,
): ResumedDumps | undefined {
  let image: SurfaceImage | undefined;
  try {
    return editedDumps(ws, snapshot, changed, diskSources, outDir, () => (image ??= SurfaceImage.read(outDir, snapshot.key)));
  } finally {
    image?.close();
  }
}

function editedDumps(
  ws: Workspace, snapshot: Snapshot, changed: ReadonlySet<string>, diskSources: DiskSourceCache, outDir: string, imageOf: () => SurfaceImage | undefined,
): ResumedDumps | undefined {
  const targets = new Map(ws.crates.map((t) => [t.key, t]));
  const old = new Map(snapshot.crates.map((c) => [c.target, c]));
  /** The image, when it has the crate `key` and every crate it sees as the snapshot has them. */
  const imageFor = (key: string): SurfaceImage | undefined => {
    const image = imageOf();
    const current = image && withDependencies(ws, new Set([key])).every(({ key: k }) => image.surfaceOf(k) !== undefined && image.surfaceOf(k) === old.get(k)?.surface);
    return current ? image : undefined;
  };
  /** Each edited file by path and edition, read and parsed once however many crates compile it. */
  const edits = new Map<string, FileEdit | undefined>();
  const snapshots = new Map<string, CrateSnapshot>();
  const patches: DumpPatch[] = [];
  const dumps = new Map<string, DumpText>();
  let items = 0;
  for (const before of snapshot.crates) {
    if (!changed.has(before.target)) continue;
    const target = targets.get(before.target)!;
    // Warnings are not tied to a file; a module file that appeared changes the module tree.
    if (before.warnings.length > 0 || before.missing.some((f) => existsSync(f))) return undefined;
    const files = new Map<string, FileEdit>();
    for (const stamp of before.files) {
      if (unchangedSince(stamp, snapshot.startedAtMs)) continue;
      const rel = relativePath(ws.root, stamp[0]);
      // Diagnostics are kept by line: a file with some is analyzed.
      if (before.diagnostics.some((d) => d.file === rel)) return undefined;
      const key = `${stamp[0]}\0${target.edition}`;
      if (!edits.has(key)) edits.set(key, readEdit(stamp, rel, target.edition, diskSources));
      const edit = edits.get(key);
      if (edit === undefined) return undefined;
      files.set(rel, edit);
    }
    if (files.size === 0) return undefined;
    // Only an edited fn is resolved, against the image: moved items need none.
    const edited = [...files.values()].flatMap((f) => f.fns);
    const image = edited.length > 0 ? imageFor(before.target) : undefined;
    if (image === undefined && edited.length > 0) return undefined;
    let failed = false;
    const found = new Set<FnItem>();
    const replace: Replace = (line, head) => {
      const file = files.get(head.file)!;
      const fn = file.fns.find(({ old }) => head.kind === 'fn' && head.span[0] === old.span[0] && head.span[1] === old.span[1]);
      if (failed || fn === undefined) return undefined;
      found.add(fn.old);
      const record = JSON.parse(line) as ItemRecord;
      // Under a false #[cfg]: nothing in it was resolved, and it moves as it is.
      if (record.inactive === true) return undefined;
      const resolved = resolvedAgain(image!, record, file, fn.new, snapshot);
      if (resolved === undefined) failed = true;
      else items++;
      return resolved;
    };
    const moves = new Map([...files].map(([rel, f]) => [rel, { shifts: f.shifts, header: f.now.entry }]));
    const moved = movedDump(readFileSync(before.dump), moves, replace);
    // A fn with no locals would move rather than fail: its record must have been found.
    if (moved === undefined || failed || edited.some(({ old }) => !found.has(old))) return undefined;
    const { dump } = moved;
    dumps.set(before.dump, dump);
    patches.push(...moved.patches);
    const stamps = new Map([...files.values()].map((f) => [f.stamp[0], f.stamp]));
    snapshots.set(before.target, {
      ...before, digest: dump.header.digest!, files: before.files.map((s) => stamps.get(s[0]) ?? s), prints: withTextPrints(outDir, before, moved.around, (file) => files.get(file)!.now.ts.src),
    });
  }
  // Written once every crate is known to resume so: a crate refused after another was written
  // would leave that one's dump moved, and the analysis that follows would move it again.
  for (const [file, dump] of dumps) writeDumpFile(file, dump);
  for (const [key, edit] of edits) if (edit !== undefined) diskSources.keepSource(edit.now, key.slice(key.indexOf('\0') + 1) as Edition);
  return { snapshots, patches, items };
}

/** The file of `stamp` now, parsed from its last parse, and the edit between them; undefined unless that is a local edit. */
function readEdit(stamp: FileStamp, rel: string, edition: Edition, diskSources: DiskSourceCache): FileEdit | undefined {
  const [abs, , , hash] = stamp;
  const before = diskSources.sourceOf(hash, edition, abs, rel);
  if (before === undefined) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(abs));
  } catch {
    return undefined;
  }
  const ts = lex(bytes, edition);
  const found = localEditsOfTokens(before, ts);
  // A syntax error is a diagnostic the snapshot keeps by line: the file is analyzed.
  if (found === undefined || found.parsed.errors.length > 0) return undefined;
  const now: SourceFile = { abs, rel, entry: fileEntryOf(rel, bytes), ts, parsed: found.parsed };
  return { ...found, now, stamp: stampFile(abs, now.entry.hash) };
}

/**
 * The line of fn record `record` resolved again from the edited file, against the image; its
 * defs until the signature pass are the old record's, moved. Undefined when the image cannot
 * resolve it as the last analysis did.
 */
function resolvedAgain(image: SurfaceImage, record: ItemRecord, { now, shifts }: FileEdit, fnNow: FnItem, snapshot: Snapshot): string | undefined {
  const fn = image.fn(record.item);
  if (fn === undefined || fn.kind !== 'fn' || fn.collected.refs !== 0 || record.defs.length < fn.collected.defs) return undefined;
  const file = fn.def.file;
  if (file.rel !== record.file) return undefined;
  Object.assign(file, { entry: now.entry, ts: now.ts, parsed: now.parsed });
  const base = record.span[0];
  const moved = (s: Span): Span | undefined => {
    const [a, b] = movedSpanAll(shifts, base + s[0], base + s[1], false);
    return a === undefined || b === undefined ? undefined : [a, b];
  };
  const span = moved([0, record.span[1] - base]);
  const defs = record.defs.slice(0, fn.collected.defs).map((d) => ({ ...d, span: moved(d.span)!, nameSpan: moved(d.nameSpan)! }));
  if (span === undefined || defs.some((d) => d.span === undefined || d.nameSpan === undefined)) return undefined;
  const draft: ItemRecordDraft = {
    id: record.item, kind: fn.kind, file, span, inactive: record.inactive === true, defs, refs: [],
    impls: record.impls, relations: record.relations, diagnostics: [], surface: fn.surface,
  };
  const own = defs.find((d) => d.id === fn.def.def.id);
  if (own !== undefined) fn.def.def = own;
  restoreFnContext(fn.def, fn.context, draft, fn.collected);
  if (!resolveFnAgain(fn.def, fnNow)) return undefined;
  if (snapshot.realIds) adoptRealIdsInRecords([draft], snapshot.realIds);
  const warnings: string[] = [];
  const line = JSON.stringify(itemRecordOf(draft, warnings));
  return warnings.length === 0 ? line : undefined;
}
