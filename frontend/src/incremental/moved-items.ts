// A resumed analysis (resume.ts) of edits that only moved items: lines, blank or commented,
// above or between them. The tokens are the same, so every name, signature and body is too, and
// so is every record: the dumps take the new positions and line tables, with nothing loaded or
// bound. A line added at the top of alloc's vec/mod.rs otherwise binds core and alloc again
// (about 4 s on std, bench/RESULTS.md).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { crateId, type DumpHeader, type DumpPatch, type FileEntry, type ItemRecord, type Span } from '../../../schema/src/index.js';
import { fileEntryOf } from '../crate/modules.js';
import type { DiskSourceCache } from '../crate/disk-source-cache.js';
import { recordFingerprint, recordHead, withDigest, type DumpLines, type DumpText } from '../dump/write.js';
import { writeDumpFile } from '../dump/write-file.js';
import { lex } from '../syntax/lexer.js';
import type { Workspace } from '../workspace/index.js';
import { editBetweenTokens } from './local-edit.js';
import { movedParse, movedSpan, type Shift } from './shift.js';
import { stampFile, unchangedSince, type CrateSnapshot, type FileStamp, type Snapshot } from './snapshot.js';

/** The crates a resume rewrote the dumps of, by target key, the patches to the store that go with them, and the items it resolved again. */
export interface ResumedDumps {
  snapshots: Map<string, CrateSnapshot>;
  patches: DumpPatch[];
  items: number;
}

/**
 * The snapshots of the `changed` crates with their dumps rewritten, when every changed file of
 * theirs changed only between tokens, and outside every item with locals (whose ids hold their
 * offsets); undefined when some edit needs the crates bound.
 */
export function dumpsOfMovedItems(
  ws: Workspace, snapshot: Snapshot, changed: ReadonlySet<string>, diskSources: DiskSourceCache,
): ResumedDumps | undefined {
  const targets = new Map(ws.crates.map((t) => [t.key, t]));
  const snapshots = new Map<string, CrateSnapshot>();
  const patches: DumpPatch[] = [];
  const dumps = new Map<string, DumpText>();
  for (const before of snapshot.crates) {
    if (!changed.has(before.target)) continue;
    const target = targets.get(before.target)!;
    // What is in a crate's warnings is not tied to a file; a module file that appeared needs binding.
    if (before.warnings.length > 0 || before.missing.some((f) => existsSync(f))) return undefined;
    const moves = new Map<string, { shift: Shift; header: DumpHeader['files'][number]; stamp: FileStamp }>();
    for (const stamp of before.files) {
      if (unchangedSince(stamp, snapshot.startedAtMs)) continue;
      const [abs, , , hash] = stamp;
      const rel = relativePath(ws.root, abs);
      // Diagnostics are kept by line: a file with some is analyzed.
      if (before.diagnostics.some((d) => d.file === rel)) return undefined;
      const last = diskSources.sourceOf(hash, target.edition, abs, rel);
      const old = last?.ts ?? diskSources.tokensOf(hash, target.edition);
      if (old === undefined) return undefined;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(abs));
      } catch {
        return undefined;
      }
      const ts = lex(bytes, target.edition);
      const shift = editBetweenTokens(old, ts);
      if (shift === undefined) return undefined;
      const entry = fileEntryOf(rel, bytes);
      // The parse moves with the tokens: kept, the next edit of the file need not parse it (body-edits.ts).
      if (last !== undefined) diskSources.keepSource({ abs, rel, entry, ts, parsed: movedParse(last.parsed, shift) }, target.edition);
      else diskSources.keepTokens(entry, ts, target.edition);
      moves.set(rel, { shift, header: entry, stamp: stampFile(abs, entry.hash) });
    }
    if (moves.size === 0) return undefined;
    const moved = movedDump(readFileSync(before.dump), moves);
    if (moved === undefined) return undefined;
    dumps.set(before.dump, moved.dump);
    const files = before.files.map((s) => moves.get(relativePath(ws.root, s[0]))?.stamp ?? s);
    snapshots.set(before.target, { ...before, digest: moved.dump.header.digest!, files });
    patches.push(...moved.patches);
  }
  // Written once every crate is known to resume so: a crate refused after another was written
  // would leave that one's dump moved, and the analysis that follows would move it again.
  for (const [file, dump] of dumps) writeDumpFile(file, dump);
  return { snapshots, patches, items: 0 };
}

/** A dump rewritten by `movedDump`, and the patches that take a store from the old dump to it. */
export interface MovedDump {
  dump: DumpText;
  patches: DumpPatch[];
}

/** A record's line and its first fields (`recordHead`); what to write instead of its moved self, if anything. */
export type Replace = (line: string, head: ReturnType<typeof recordHead>) => string | undefined;

const NEWLINE = 0x0a;
const FILE_KEY = Buffer.from('","file":"');
const QUOTE = 0x22;

/**
 * The dump `bytes` with the items of each moved file at their new places, or what `replace`
 * gives for them; undefined when an edit is inside another item with locals. Its patches hold,
 * per moved file, the records whose contents changed. Lines of other files are neither decoded
 * nor parsed: they are copied as runs of bytes (alloc's dump is 15 MB, its lines 20,000).
 */
export function movedDump(bytes: Buffer, moves: ReadonlyMap<string, { shift: Shift; header: FileEntry }>, replace?: Replace): MovedDump | undefined {
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as DumpHeader;
  const names = [...moves.keys()].map((file) => ({ file, name: Buffer.from(file) }));
  const lines: DumpLines = [];
  const changes = new Map([...moves.keys()].map((file) => [file, { fileItems: [] as DumpPatch['fileItems'], items: [] as ItemRecord[] }]));
  /** Where the run of lines to copy starts, and where the last line read ends. */
  let run = headerEnd + 1;
  let last = run;
  for (let at = headerEnd + 1; at < bytes.length; at = last + 1) {
    let end = bytes.indexOf(NEWLINE, at);
    if (end < 0) end = bytes.length;
    if (end === at) break;
    last = end;
    // Every line's head has its file key (dump/write.ts `itemRecordOf`); a file name with a
    // quote is escaped, matches no name here, and is parsed.
    const from = bytes.indexOf(FILE_KEY, at) + FILE_KEY.length;
    const to = bytes.indexOf(QUOTE, from);
    const named = names.find(({ name }) => name.length === to - from && bytes.compare(name, 0, name.length, from, to) === 0);
    const line = named === undefined && bytes[to - 1] !== 0x5c ? undefined : bytes.toString('utf8', at, end);
    const head = line === undefined ? undefined : recordHead(line);
    const move = head && moves.get(head.file);
    if (move === undefined) continue;
    if (run < at) lines.push(bytes.subarray(run, at - 1));
    run = end + 1;
    const change = changes.get(head!.file)!;
    const replacement = replace?.(line!, head!);
    const item = JSON.parse(replacement ?? line!) as ItemRecord;
    const fingerprint = item.fingerprint;
    if (replacement === undefined && !moveRecord(item, move.shift)) return undefined;
    lines.push(replacement ?? JSON.stringify(item));
    change.fileItems.push([item.item, item.span[0], item.span[1]]);
    if (replacement !== undefined || item.fingerprint !== fingerprint) change.items.push(item);
  }
  if (run < last) lines.push(bytes.subarray(run, last));
  const dump = withDigest({ ...header, files: header.files.map((f) => moves.get(f.path)?.header ?? f) }, lines);
  const crate = crateId(header.crate);
  const digests = header.digest === undefined ? {} : { dump: { base: header.digest, digest: dump.header.digest! } };
  return { dump, patches: [...changes].map(([file, c]) => ({ crate, file: moves.get(file)!.header, ...c, ...digests })) };
}

/**
 * Moves a record as the edit moved its text, as `shiftRecords` moves a draft; false when the
 * edit is inside it and it has locals, which are named by their offset in it. A file module's
 * record, and its def, start at the start of the file whatever is inserted there.
 */
function moveRecord(item: ItemRecord, shift: Shift): boolean {
  const [start, end] = item.span;
  if (end <= shift.prefix) return true;
  if (start < shift.prefix && item.defs.some((d) => d.id.includes('$'))) return false;
  // A file module's def has no name in its file: an empty name span at its start.
  const moduleDef = start === 0 && item.kind === 'mod' ? item.defs.find((d) => d.id === item.item && d.nameSpan[1] === 0) : undefined;
  const fileStart = new Set<Span>(moduleDef ? [item.span, moduleDef.span, moduleDef.nameSpan] : []);
  const moved = (span: Span, base: number): Span | undefined => {
    const [s, e] = movedSpan(shift, base + span[0], base + span[1], fileStart.has(span));
    return s === undefined || e === undefined ? undefined : [s, e];
  };
  const span = moved(item.span, 0);
  if (span === undefined) return false;
  let changed = span[1] - span[0] !== end - start;
  let inside = true;
  // Spans in a record are relative to its start: made absolute, moved, made relative to its new start.
  const move = (s: Span): Span => {
    const m = moved(s, start);
    if (m === undefined) {
      inside = false;
      return s;
    }
    const relative: Span = [m[0] - span[0], m[1] - span[0]];
    if (relative[0] !== s[0] || relative[1] !== s[1]) changed = true;
    return relative;
  };
  for (const d of item.defs) {
    d.span = move(d.span);
    d.nameSpan = move(d.nameSpan);
  }
  for (const r of item.refs) r.span = move(r.span);
  for (const d of item.diagnostics) d.span = move(d.span);
  if (!inside) return false;
  item.span = span;
  if (changed) item.fingerprint = recordFingerprint(item);
  return true;
}

/** `abs` from `root`, `/`-separated, as dumps name files. */
export function relativePath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
