// How item records, file tables and reference entries are written as values (keys.ts has the key
// layout; def-values.ts the def keys').
// The shapes are chosen for size on disk after LevelDB's prefix compression and snappy, measured
// on std (bench/RESULTS.md, "store size (issue 5)"): refs as tuples with lengths instead of ends,
// ids inside a record relative to the record's item, and a candidate list (often hundreds of
// ids, repeated by every ambiguous `.len()` of a crate) replaced by its hash, the list itself
// being stored once per store under that hash.
import { createHash } from 'node:crypto';
import { REF_ROLES } from '../../schema/src/kinds.js';
import type { Def, Impl, ItemRecord, Ref, RefRole, Relation } from '../../schema/src/index.js';
import { InconsistentIndexError } from './errors.js';
import type { DefEntry, FileItem, FileTable, StoredItem } from './keys.js';
import { itemDefEntry } from './def-values.js';
import { localNameSpan, nameLengthInId } from './id-names.js';
import { closingBracket, closingQuote } from './json-text.js';

/**
 * A ref inside an item record: its start as the distance from the start of the ref before it (the
 * first's from the item's; a record's refs come in order of position, so the numbers are short),
 * its length, its role as its index in REF_ROLES (roleAt), then one of
 * - a target, relative to the item (relativeId);
 * - `CANDIDATES` and the hash of the candidate list (candidateListHash);
 * - `UNRESOLVED` and the path as written;
 * - nothing, for a ref that has none of the three (a valid dump never has one).
 */
export type RefRow =
  | [step: number, length: number, role: number]
  | [step: number, length: number, role: number, target: string]
  | [step: number, length: number, role: number, tag: typeof CANDIDATES, list: string]
  | [step: number, length: number, role: number, tag: typeof UNRESOLVED, path: string];

const CANDIDATES = 0;
const UNRESOLVED = 1;

/**
 * A ref to a target that spans exactly the name the target's id ends with, as a record stores it:
 * its step, then its role as `-(role + 1)` (no length can be negative), then its target. 134,000
 * of std's 199,000 rows; parseItem makes them RefRows.
 */
type ShortRow = [step: number, negativeRole: number, target: string];

/** A role in a reference entry or record row when the ref's length is its target's name's (nameLengthInId). */
export function shortRole(role: number): number {
  return -(role + 1);
}

/** The role a short row or entry gives as `-(role + 1)`. */
export function roleOfShort(negative: number): number {
  return -negative - 1;
}

/**
 * An item record as its `item` key holds it, before the item's stamp (itemStamp). The item's id is
 * in the key; its fingerprint is only in the stamp. Its defs are their ids and name spans: each
 * def is stored once, in its def key (keys.ts, DefEntry), which what needs a def's details reads;
 * the record says which defs the item has and where their names are, what a position query
 * looks for. A def of the item's own locals, params, closures and generic params
 * (isRecordLocal) has no def key: its mark holds its entry, and the item's refs to it are read
 * from the record. The value is the JSON array [head, refs], then the stamp (encodeItem).
 */
export interface EncodedItem extends Omit<StoredItem, 'item' | 'refs' | 'fingerprint' | 'defs'> {
  defs: DefMark[];
  refs: RefRow[];
  /** The stamp the value ends with (itemStamp). */
  stamp: string;
}

/**
 * A def in its item's record: its id relative to the item's (relativeId) and its name span; for
 * a def of the record alone (isRecordLocal), its entry but for the file and name span, which are
 * the record's and the mark's.
 */
export type DefMark = [id: string, nameStart: number, nameEnd: number] | [id: string, nameStart: number, nameEnd: number, entry: Partial<LocalEntry>];

type LocalEntry = Omit<DefEntry, 'file' | 'nameSpan'>;

/**
 * Whether def `def` of item `item` is stored in the item's record alone: a local, param or
 * closure of the item itself (`…Vec#push().$value@40`), or one of its generic params or
 * lifetimes (`…impl#[Vec<T,A>][T]`). On std these were 36,800 of 69,000 def keys, and the refs
 * to them 30,400 of 56,700 ref keys. A local that a macro's item declares for an item it expands to
 * (`…impl#[…]eq().$other@23` in `…impl_eq!`) keeps its keys.
 */
export function isRecordLocal(item: string, def: string): boolean {
  return recordOwnerOf(def) === item;
}

/**
 * The item whose record would hold def `id` alone (isRecordLocal): the id up to its first `$`,
 * or, for an id ending in a generic param (`[T]`), up to that; else undefined.
 */
export function recordOwnerOf(id: string): string | undefined {
  const dollar = id.indexOf('$');
  if (dollar > 0) return id.slice(0, dollar);
  if (!id.endsWith(']')) return undefined;
  const open = id.lastIndexOf('[');
  return open > 0 && id.indexOf(']', open) === id.length - 1 ? id.slice(0, open) : undefined;
}

/** A decoded item record, whose candidate refs lack their lists until read (items.ts). */
export interface DecodedItem {
  item: StoredItem;
  /** Its stamp, what a reload compares with the dump's record (itemStamp). */
  stamp: string;
  /** Per ref index, the hash of its candidate list, which the decoded ref does not have yet. */
  lists: Map<number, string>;
}

/**
 * `id` relative to `base`: '' for `base` itself, `+rest` for an id extending it (a local of the
 * item, a method of the type), else `id`. A symbol id starts with `cargo `, so neither form is
 * mistaken for one.
 */
export function relativeId(base: string, id: string): string {
  if (id === base) return '';
  return id.startsWith(base) ? `+${id.slice(base.length)}` : id;
}

export function absoluteId(base: string, relative: string): string {
  if (relative === '') return base;
  return relative.startsWith('+') ? base + relative.slice(1) : relative;
}

/**
 * A content hash naming a candidate list: 11 base64url characters, 66 bits. As 16 hex digits
 * (64 bits) they took 5 bytes more in each of their 36,000 places on std (records, list, cref and
 * clist keys): 0.08 MB of its store.
 */
export function candidateListHash(candidates: readonly string[]): string {
  return createHash('sha1').update(JSON.stringify(candidates)).digest('base64url').slice(0, 11);
}

/**
 * What an item's value ends with: 8 characters (48 bits) of a hash of its fingerprint and file,
 * which a reload compares with the dump's, so a changed item keeps its old stamp once in 2^48
 * changes. They had a key of their own per item (`fp`, 45,532 keys on std, 1.1 MB of its store).
 * At the end of the value rather than its start, where the random characters cut snappy's
 * matches between one record and the next, and with 8 characters rather than 12, std's records
 * take 0.25 MB less (bench/RESULTS.md, eleventh session).
 */
export function itemStamp(fingerprint: string, file: string): string {
  return createHash('sha1').update(`${fingerprint}\0${file}`).digest('base64url').slice(0, STAMP_LENGTH);
}

const STAMP_LENGTH = 8;

/**
 * The entry of record-local def `id` of item `item`, from the item key's value, undefined if
 * the record does not hold it. Its mark and the record's file are parsed alone: a query that
 * finds a local in a record it has read already would otherwise parse the whole record again
 * (twice the median of def on a local, on std), and keeping parsed records cost more in garbage
 * collection than the parse.
 */
export function localEntryInValue(itemValue: string, item: string, id: string): DefEntry | undefined {
  const relative = relativeId(item, id);
  const mark = markIn(itemValue, relative);
  const file = mark === undefined ? undefined : fileIn(itemValue);
  return mark !== undefined && file !== undefined ? entryOfMark(file, mark) : localEntryIn(parseItem(itemValue), item, id);
}

/** The entry of record-local def `id` in a parsed record of `item`, if the record has it. */
export function localEntryIn(record: EncodedItem, item: string, id: string): DefEntry | undefined {
  const relative = relativeId(item, id);
  const mark = record.defs.find(([markId]) => markId === relative);
  return mark === undefined ? undefined : entryOfMark(record.file, mark);
}

/**
 * A mark in an item key's value: the one kind of array in a record that starts with a string.
 * Undefined when what is found is not one, for the caller's full parse.
 */
function markIn(itemValue: string, relative: string): DefMark | undefined {
  const at = itemValue.indexOf(`[${JSON.stringify(relative)},`);
  if (at < 0) return undefined;
  const end = closingBracket(itemValue, at);
  if (end < 0) return undefined;
  const mark = JSON.parse(itemValue.slice(at, end + 1)) as unknown[];
  if (mark.length === 2 && typeof mark[1] === 'object' && localNameSpan(relative) !== undefined) return fullMark(mark as ShortMark);
  return mark.length === 4 && typeof mark[1] === 'number' && typeof mark[2] === 'number' ? (mark as DefMark) : undefined;
}

/** The record's file, its head's second field (StoredHead): `[["fn","src/lib.rs",…`. */
function fileIn(itemValue: string): string | undefined {
  if (!itemValue.startsWith('[["')) return undefined;
  const kindEnd = closingQuote(itemValue, 2);
  if (kindEnd < 0 || !itemValue.startsWith(',"', kindEnd + 1)) return undefined;
  const end = closingQuote(itemValue, kindEnd + 2);
  return end < 0 ? undefined : (JSON.parse(itemValue.slice(kindEnd + 2, end + 1)) as string);
}

/** The stamp an item key's value ends with. */
export function stampOf(itemValue: string): string {
  return itemValue.slice(-STAMP_LENGTH);
}

export function encodeItem(stored: StoredItem): string {
  const { item: id, kind, file, inactive, refs, defs, relations, impls, diagnostics } = stored;
  const inDefKeys = new Set(relationsInDefKeys(id, defs, relations));
  const marks = defs.map((def): DefMark | ShortMark => {
    const relative = relativeId(id, def.id);
    if (!isRecordLocal(id, def.id)) return [relative, def.nameSpan[0], def.nameSpan[1]];
    const entry = localEntry(stored, def);
    const span = localNameSpan(relative);
    return span !== undefined && span[0] === def.nameSpan[0] && span[1] === def.nameSpan[1] ? [relative, entry] : [relative, def.nameSpan[0], def.nameSpan[1], entry];
  });
  // Most items have none of these; parseItem gives back the empty lists.
  const extra: HeadExtra = {};
  if (impls.length > 0) extra.impls = impls.map((impl) => ({ ...impl, id: relativeId(id, impl.id), items: impl.items.map((item) => relativeId(id, item)) }));
  // An overriding method's def key says what it overrides (DefEntry.overrides): readRecords
  // puts the relation back (0.15 MB of std's records).
  const kept = relations.filter((r) => !inDefKeys.has(r)).map((r) => ({ ...r, from: relativeId(id, r.from), to: relativeId(id, r.to) }));
  if (kept.length > 0) extra.relations = kept;
  if (diagnostics.length > 0) extra.diagnostics = diagnostics;
  if (inactive !== undefined) extra.inactive = inactive;
  const head: StoredHead = Object.keys(extra).length > 0 ? [kind, file, marks, extra] : [kind, file, marks];
  let previous = 0;
  const rows = refs.map((ref) => {
    const row = encodeRef(id, ref, previous);
    previous = ref.span[0];
    return row;
  });
  return `[${JSON.stringify(head)},${JSON.stringify(rows)}]${itemStamp(stored.fingerprint, stored.file)}`;
}

/**
 * The relations of an item that its def keys keep rather than its record: each `overrides` from
 * one of its keyed defs, which that def's entry lists (itemDefEntry), in the order of the defs
 * and then of the relations, the order readRecords puts them back in (and storedItem keeps).
 */
export function relationsInDefKeys(item: string, defs: readonly Def[], relations: readonly Relation[]): Relation[] {
  return defs.flatMap((def) => (isRecordLocal(item, def.id) ? [] : relations.filter((r) => r.kind === 'overrides' && r.from === def.id)));
}


export function parseItem(text: string): EncodedItem {
  const [[kind, file, marks, extra = {}], rows] = JSON.parse(text.slice(0, -STAMP_LENGTH)) as [StoredHead, Array<RefRow | ShortRow>];
  const defs = marks.map(fullMark);
  const refs = rows.map((row) => (row[1] < 0 ? fullRow(row as ShortRow) : (row as RefRow)));
  const { impls = [], relations = [], diagnostics = [], inactive } = extra;
  return { kind, file, ...(inactive === undefined ? {} : { inactive }), defs, impls, relations, diagnostics, refs, stamp: stampOf(text) };
}

/**
 * A local's mark when its id says its name span (`+$value@40`, a name of 5 bytes at 40): its id
 * and entry alone. 20,000 of std's 37,000 record-local marks, 0.15 MB of its store.
 */
type ShortMark = [id: string, entry: Partial<LocalEntry>];

/** A record row as stored, a ShortRow made whole. */
function fullRow([step, negativeRole, target]: ShortRow): RefRow {
  const length = nameLengthInId(target);
  if (length === undefined) throw new InconsistentIndexError(`a record holds a short ref to ${target}, whose id ends in no name`);
  return [step, length, roleOfShort(negativeRole), target];
}

/** A mark as stored, a ShortMark made whole. */
function fullMark(mark: DefMark | ShortMark): DefMark {
  if (mark.length !== 2) return mark;
  const span = localNameSpan(mark[0]);
  if (span === undefined || typeof mark[1] !== 'object') throw new InconsistentIndexError(`a record holds the mark ${JSON.stringify(mark)}, whose id gives no name span`);
  return [mark[0], span[0], span[1], mark[1]];
}

/**
 * A record's head as stored: its kind, file and marks by position (field names were 0.09 MB of
 * std's records), then what few items have, when one has any of it.
 */
type StoredHead = [kind: EncodedItem['kind'], file: string, marks: Array<DefMark | ShortMark>, extra?: HeadExtra];

type HeadExtra = Partial<Pick<EncodedItem, 'impls' | 'relations' | 'diagnostics' | 'inactive'>>;

/**
 * A record-local def's entry as its mark holds it, its fields in one order (as encodeDefEntry).
 * What most locals have is left out, and entryOfMark puts it back (each is a field every def
 * has): the name its id gives (`$value@40`), a qualname that is the name, a span that is the
 * name's, private visibility. On std that is 3.1 of the 3.9 MB their entries took.
 */
function localEntry(stored: StoredItem, def: Def): Partial<LocalEntry> {
  const { file: _record, nameSpan: _mark, ...rest } = itemDefEntry(stored, def);
  const entry: Partial<LocalEntry> = {};
  for (const field of Object.keys(rest).sort()) (entry as Record<string, unknown>)[field] = rest[field as keyof LocalEntry];
  if (entry.name === localName(relativeId(stored.item, def.id))) delete entry.name;
  if (entry.qualname === def.name) delete entry.qualname;
  if (entry.span?.[0] === def.nameSpan[0] && entry.span[1] === def.nameSpan[1]) delete entry.span;
  if (entry.visibility === 'private') delete entry.visibility;
  return entry;
}

/** The name in a record-local def's relative id: `value` in `+$value@40`, `T` in `+[T]`. */
function localName(relative: string): string {
  if (relative.startsWith('+[')) return relative.slice(2, -1);
  const at = relative.lastIndexOf('@');
  return relative.slice(2, at < 2 ? undefined : at);
}

/** The entry of the def a mark of a record of file `file` holds, if the def is the record's alone. */
export function entryOfMark(file: string, mark: DefMark): DefEntry | undefined {
  if (mark.length !== 4) return undefined;
  const [relative, nameStart, nameEnd, stored] = mark;
  const name = stored.name ?? localName(relative);
  const nameSpan: [number, number] = [nameStart, nameEnd];
  return {
    ...stored, file, name, qualname: stored.qualname ?? name, nameSpan, span: stored.span ?? nameSpan, visibility: stored.visibility ?? 'private',
  } as DefEntry;
}

/** The ids of the defs an encoded record of item `id` names, in its order. */
export function defIdsOf(id: string, encoded: Pick<EncodedItem, 'defs'>): string[] {
  return encoded.defs.map(([relative]) => absoluteId(id, relative));
}

/** A ref of item `id` as a row, its start relative to `previous`, the start of the ref before it. */
function encodeRef(id: string, ref: Ref, previous: number): RefRow | ShortRow {
  const [start, end] = ref.span;
  const head = [start - previous, end - start, ROLE_INDEX.get(ref.role)!] as const;
  const given = Number(ref.target !== undefined) + Number(ref.candidates !== undefined) + Number(ref.unresolved !== undefined);
  if (given > 1) throw new Error(`a ref of ${id} at ${start} has more than one of target, candidates, unresolved`);
  if (ref.target !== undefined) {
    const target = relativeId(id, ref.target);
    if (end - start === nameLengthInId(target)) return [head[0], shortRole(head[2]), target];
    return [...head, target];
  }
  if (ref.candidates !== undefined) return [...head, CANDIDATES, candidateListHash(ref.candidates)];
  if (ref.unresolved !== undefined) return [...head, UNRESOLVED, ref.unresolved];
  return [...head];
}

/**
 * The item record of `id`, with its defs (read from their def keys, in the record's order), its
 * candidate refs without their lists (`lists` says which to read).
 */
export function decodeItem(id: string, encoded: EncodedItem, defs: Def[], overrides: readonly Relation[] = []): DecodedItem {
  const lists = new Map<number, string>();
  let start = 0;
  const refs = encoded.refs.map((row, i): Ref => {
    start += row[0];
    const { ref, list } = decodeRef(id, row, start);
    if (list !== undefined) lists.set(i, list);
    return ref;
  });
  const relations = [...overrides, ...encoded.relations.map((r) => ({ ...r, from: absoluteId(id, r.from), to: absoluteId(id, r.to) }))];
  // The fingerprint is only in the stamp; what reads a record does not need it.
  const { stamp, ...rest } = encoded;
  return { item: { ...rest, item: id, fingerprint: '', defs, relations, impls: implsOf(id, encoded), refs }, stamp, lists };
}

/** The impl blocks a record of item `id` holds, their ids absolute. */
export function implsOf(id: string, encoded: Pick<EncodedItem, 'impls'>): Impl[] {
  return encoded.impls.map((impl) => ({ ...impl, id: absoluteId(id, impl.id), items: impl.items.map((item) => absoluteId(id, item)) }));
}

/** A ref of item `id`'s record starting at `start`; a candidate ref comes without its candidates, `list` names them. */
function decodeRef(id: string, row: RefRow, start: number): { ref: Ref; list?: string } {
  const ref: Ref = { span: [start, start + row[1]], role: roleAt(row[2]) };
  if (row.length === 4) ref.target = absoluteId(id, row[3]);
  else if (row.length === 5 && row[3] === CANDIDATES) return { ref, list: row[4] };
  else if (row.length === 5) ref.unresolved = row[4];
  return { ref };
}

/** What a record has at an offset: the id of the def whose name is there, else a ref (candidates as in decodeRef). */
export type RecordHit = { def: string } | { ref: Ref; list?: string };

/**
 * The def of item `id` whose name span is the smallest containing `offset` (relative to the
 * item), else the ref whose span is; only that one is decoded. A position in a macro call is
 * inside every item the call expanded to, hundreds, and most have nothing there.
 */
export function hitInRecord(id: string, encoded: EncodedItem, offset: number): RecordHit | undefined {
  let def: string | undefined;
  let shortest = Infinity;
  for (const [relative, start, end] of encoded.defs) {
    if (start <= offset && offset < end && end - start < shortest) {
      def = relative;
      shortest = end - start;
    }
  }
  if (def !== undefined) return { def: absoluteId(id, def) };
  let row: RefRow | undefined;
  let rowStart = 0;
  let start = 0;
  shortest = Infinity;
  for (const r of encoded.refs) {
    start += r[0];
    if (start <= offset && offset < start + r[1] && r[1] < shortest) {
      row = r;
      rowStart = start;
      shortest = r[1];
    }
  }
  return row === undefined ? undefined : decodeRef(id, row, rowStart);
}

/**
 * The span, relative to the item's start, covering its def names and refs: where `hitInRecord`
 * can find something (FileItem). [0, 0] for an item with neither.
 */
export function hitSpan(record: Pick<ItemRecord, 'defs' | 'refs'>): [start: number, end: number] {
  let start = Infinity;
  let end = -Infinity;
  for (const { nameSpan } of record.defs) {
    start = Math.min(start, nameSpan[0]);
    end = Math.max(end, nameSpan[1]);
  }
  for (const { span } of record.refs) {
    start = Math.min(start, span[0]);
    end = Math.max(end, span[1]);
  }
  return start === Infinity ? [0, 0] : [start, end];
}

/** Refs as [relStart, relEnd, role]. */
export type RefSpans = Array<[start: number, end: number, role: RefRole]>;

export const ROLE_INDEX = new Map<RefRole, number>(REF_ROLES.map((role, i) => [role, i]));

/** The role a reference entry numbers `index` (encodeRefEntry). */
export function roleAt(index: number): RefRole {
  const role = REF_ROLES[index];
  if (role === undefined) throw new InconsistentIndexError(`a reference entry has the unknown role number ${index}`);
  return role;
}

/**
 * A file table as its key holds it: its line starts as the distances from each to the next
 * (lineSteps), and each item as the length of the id it shares with the item before, the rest of
 * its id, its start's distance from the item before's, its length and its hit span. Ids were 2.8
 * of std's 4.6 MB of tables, most of each the module path of the one before.
 */
interface StoredFileTable extends Omit<FileTable, 'lineStarts' | 'items'> {
  lineSteps: string;
  items: StoredFileItem[];
}

/**
 * Line starts as a string of one character per line: the line's distance from the one before,
 * from `#` for 0 to `~` for 90 (the backslash skipped, which JSON would escape), and a longer one
 * as its decimal digits between two `!`. Std's 295,000 lines are 96% under 91 bytes long; as JSON
 * numbers they took 0.43 of its 1.09 MB of file tables, and as characters 0.15 MB less (snappy
 * has no entropy coder: a digit costs a byte).
 */
export function encodeLineSteps(lineStarts: readonly number[]): string {
  let out = '';
  let previous = 0;
  for (const start of lineStarts) {
    const step = start - previous;
    previous = start;
    out += step <= MAX_CHAR_STEP ? String.fromCharCode(step < BACKSLASH - FIRST_CODE ? FIRST_CODE + step : FIRST_CODE + 1 + step) : `!${step}!`;
  }
  return out;
}

export function decodeLineSteps(text: string): number[] {
  const starts: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === ESCAPE) {
      const end = text.indexOf('!', i + 1);
      start += Number(text.slice(i + 1, end));
      i = end;
    } else start += code < BACKSLASH ? code - FIRST_CODE : code - FIRST_CODE - 1;
    starts.push(start);
  }
  return starts;
}

const FIRST_CODE = '#'.charCodeAt(0);
const BACKSLASH = '\\'.charCodeAt(0);
const ESCAPE = '!'.charCodeAt(0);
/** `~` less the codes from `#`, less the backslash. */
const MAX_CHAR_STEP = '~'.charCodeAt(0) - FIRST_CODE - 1;

type StoredFileItem = [shared: number, rest: string, startStep: number, length: number, hitStart: number, hitEnd: number];

/** How many characters `a` and `b` start with alike: what front coding (a file table's ids) leaves out. */
export function sharedPrefixLength(a: string, b: string): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a.charCodeAt(shared) === b.charCodeAt(shared)) shared++;
  return shared;
}

export function encodeFileTable(table: FileTable): string {
  const { lineStarts, items, ...rest } = table;
  let previous = '';
  let previousStart = 0;
  const stored = items.map(([id, start, end, hitStart, hitEnd]): StoredFileItem => {
    const shared = sharedPrefixLength(id, previous);
    const row: StoredFileItem = [shared, id.slice(shared), start - previousStart, end - start, hitStart, hitEnd];
    previous = id;
    previousStart = start;
    return row;
  });
  return JSON.stringify({ ...rest, items: stored, lineSteps: encodeLineSteps(lineStarts) } satisfies StoredFileTable);
}

export function decodeFileTable(text: string): FileTable {
  const { lineSteps, items, ...rest } = JSON.parse(text) as StoredFileTable;
  const lineStarts = decodeLineSteps(lineSteps);
  let previous = '';
  let previousStart = 0;
  const decoded = items.map(([shared, suffix, startStep, length, hitStart, hitEnd]): FileItem => {
    previous = previous.slice(0, shared) + suffix;
    previousStart += startStep;
    return [previous, previousStart, previousStart + length, hitStart, hitEnd];
  });
  return { ...rest, items: decoded, lineStarts };
}
