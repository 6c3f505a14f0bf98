// Records moved in a dump as edits moved their text (incremental/body-edits.ts): lines above or
// between items, and edited fn bodies, move the records after them; a record around an edit
// grows or shrinks. The dump is rewritten from runs of the old one's bytes, the moved files'
// lines alone decoded, and the store gets patches of what changed.
import { crateId, type DumpHeader, type DumpPatch, type FileEntry, type ItemRecord, type Span } from '../../../schema/src/index.js';
import { recordFingerprint, recordHead, withDigest, type DumpLines, type DumpText } from '../dump/write.js';
import { editInside, movedSpanAll, type Shifts } from './shift.js';

/**
 * A dump rewritten by `movedDump`, the patches that take a store from the old dump to it, and by
 * file the records an edit is in (whose bytes changed), where they are now.
 */
export interface MovedDump {
  dump: DumpText;
  patches: DumpPatch[];
  around: Map<string, DumpPatch['fileItems']>;
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
export function movedDump(bytes: Buffer, moves: ReadonlyMap<string, FileMove>, replace?: Replace): MovedDump | undefined {
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as DumpHeader;
  const names = [...moves.keys()].map((file) => ({ file, name: Buffer.from(file) }));
  const lines: DumpLines = [];
  const changes = new Map([...moves.keys()].map((file) => [file, { fileItems: [] as DumpPatch['fileItems'], items: [] as ItemRecord[], around: [] as DumpPatch['fileItems'] }]));
  /** Where the run of lines to copy starts, and where the last line read ends. */
  let run = headerEnd + 1;
  let last = run;
  // The moved files' lines alone are looked at, when each file's are found together (they are in
  // every dump written here: by file, then position); else every line is.
  const blocks = blocksOf(bytes, headerEnd + 1, [...moves.keys()]) ?? [[headerEnd + 1, bytes.length]];
  for (let b = 0, at = blocks[0]?.[0] ?? bytes.length; b < blocks.length; at = last + 1) {
    if (at >= blocks[b][1]) {
      if (++b === blocks.length) break;
      at = blocks[b][0];
    }
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
    const aroundEdit = editInside(move.shifts, head!.span[0] - 1, head!.span[1] + 1);
    if (run < at) lines.push(bytes.subarray(run, at - 1));
    run = end + 1;
    const change = changes.get(head!.file)!;
    const replacement = replace?.(line!, head!);
    const item = JSON.parse(replacement ?? line!) as ItemRecord;
    const fingerprint = item.fingerprint;
    if (replacement === undefined && !moveRecord(item, move.shifts)) return undefined;
    lines.push(replacement ?? JSON.stringify(item));
    change.fileItems.push([item.item, item.span[0], item.span[1]]);
    if (replacement !== undefined || item.fingerprint !== fingerprint) change.items.push(item);
    if (aroundEdit) change.around.push([item.item, item.span[0], item.span[1]]);
  }
  // The rest, up to the dump's final newline.
  const final = bytes[bytes.length - 1] === NEWLINE ? bytes.length - 1 : bytes.length;
  if (run < final) lines.push(bytes.subarray(run, final));
  const dump = withDigest({ ...header, files: header.files.map((f) => moves.get(f.path)?.header ?? f) }, lines);
  const crate = crateId(header.crate);
  const digests = header.digest === undefined ? {} : { dump: { base: header.digest, digest: dump.header.digest! } };
  return {
    dump,
    patches: [...changes].map(([file, { fileItems, items }]) => ({ crate, file: moves.get(file)!.header, fileItems, items, ...digests })),
    around: new Map([...changes].map(([file, c]) => [file, c.around])),
  };
}

/**
 * The byte range of each of `files`' lines in `bytes` (from `from`), in order, when each file's
 * lines are one run whose head names the file (`"file":"…","span":`), and the name is nowhere
 * else; undefined otherwise.
 */
function blocksOf(bytes: Buffer, from: number, files: readonly string[]): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  for (const file of files) {
    const needle = Buffer.from(`","file":${JSON.stringify(file)},"span":`);
    const first = bytes.indexOf(needle, from);
    if (first < 0) continue;
    const start = bytes.lastIndexOf(NEWLINE, first) + 1;
    let end = start;
    for (;;) {
      let lineEnd = bytes.indexOf(NEWLINE, end);
      if (lineEnd < 0) lineEnd = bytes.length;
      const at = lineEnd === end ? -1 : bytes.indexOf(needle, end);
      if (at < 0 || at > lineEnd) break;
      end = lineEnd + 1;
    }
    if (bytes.indexOf(needle, end) >= 0) return undefined;
    out.push([start, end]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** How a file moved: its edits, and its new entry. */
export interface FileMove {
  shifts: Shifts;
  header: FileEntry;
}

/**
 * Moves a record as the edits moved its text, as `shiftRecords` moves a draft; false when an
 * edit is inside it and it has locals, which are named by their offset in it. A file module's
 * record, and its def, start at the start of the file whatever is inserted there.
 */
function moveRecord(item: ItemRecord, shifts: Shifts): boolean {
  const [start, end] = item.span;
  if (shifts.every((e) => end <= e.prefix)) return true;
  if (editInside(shifts, start, end) && item.defs.some((d) => d.id.includes('$'))) return false;
  // A file module's def has no name in its file: an empty name span at its start.
  const moduleDef = start === 0 && item.kind === 'mod' ? item.defs.find((d) => d.id === item.item && d.nameSpan[1] === 0) : undefined;
  const fileStart = new Set<Span>(moduleDef ? [item.span, moduleDef.span, moduleDef.nameSpan] : []);
  const moved = (span: Span, base: number): Span | undefined => {
    const [s, e] = movedSpanAll(shifts, base + span[0], base + span[1], fileStart.has(span));
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
