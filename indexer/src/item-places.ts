// A ref key's rows (target-refs.ts) give each ref's place as a line and a column relative to its
// item, not as a byte offset: an offset became a line by a search of the file's line starts, a
// miss of the caches for nearly every ref (`Option` has 2,000 in 250 files), and a fifth of the
// time of finding them. Relative to its item, a ref's place stays what it was when lines above
// the item come or go, as its offset did; an item whose lines change shape without its bytes
// changing (a space become a line break) gets a new stamp (merge.ts, shapedFingerprint).
import { createHash } from 'node:crypto';
import type { LineIndex } from '../../schema/src/lines.js';
import { InconsistentIndexError } from './errors.js';
import { packInts, packString, type PackedReader } from './packed-text.js';
import { ROLE_INDEX, roleOfShort, shortRole, type RefSpans } from './records.js';

/** Where an item starts in its file, to place its refs from. */
export interface ItemPlaces {
  lines: LineIndex;
  /** The item's start: its byte offset, 0-based line and 1-based column. */
  start: number;
  line: number;
  col: number;
}

export function itemPlaces(lines: LineIndex, start: number, line = lines.lineAt(start, 0)): ItemPlaces {
  return { lines, start, line, col: lines.columnAt(start, line) };
}

/**
 * A place is its line's distance from the item's first line times this, plus its 0-based column
 * (on the item's first line, counted from the item's column, which text before the item on that
 * line moves): one short number. A column this large or larger is written apart (`-(line + 1),
 * column`): std has none.
 */
export const PLACE_COLUMNS = 128;

/** Added to the role of a ref that ends on a later line than it starts, which two more numbers give. */
export const MULTILINE_ROLE = 64;

/**
 * The numbers of one ref in a ref key's row: its place, then its length in characters and role,
 * or `shortRole(role)` alone when that length is `nameLength` (its target's name's,
 * nameLengthInId); a ref over several lines has role + MULTILINE_ROLE (length 0), then its end's
 * line distance and 0-based column.
 */
export function refNumbers(places: ItemPlaces, relStart: number, relEnd: number, role: number, nameLength?: number): number[] {
  const { lines, start } = places;
  const line = lines.lineAt(start + relStart, places.line);
  const col = lines.columnAt(start + relStart, line);
  const endLine = lines.lineAt(start + relEnd, line);
  const endCol = lines.columnAt(start + relEnd, endLine);
  const out = placeNumbers(places, line, col);
  if (endLine !== line) out.push(0, role + MULTILINE_ROLE, endLine - line, endCol - 1);
  else if (endCol - col === nameLength) out.push(shortRole(role));
  else out.push(endCol - col, role);
  return out;
}

function placeNumbers(places: ItemPlaces, line: number, col: number): number[] {
  const rel = line - places.line;
  const column = rel === 0 ? col - places.col : col - 1;
  return column < PLACE_COLUMNS ? [rel * PLACE_COLUMNS + column] : [-(rel + 1), column];
}

/**
 * One item's refs to one target (or through one candidate list), as a reference entry's value,
 * packed as the ref key it goes into (packed-text.ts): its file, then the refNumbers of each ref,
 * sorted by position. 113,000 of the 131,000 refs in std's ref keys span their target's name and
 * are short.
 */
export function encodeRefEntry(file: string, refs: RefSpans, places: ItemPlaces, nameLength?: number): string {
  const sorted = [...refs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return packString(file) + packInts(sorted.flatMap(([start, end, role]) => refNumbers(places, start, end, ROLE_INDEX.get(role)!, nameLength)));
}

/** One ref of a row, decoded: 1-based lines and columns, as a RefLocation has them. */
export interface DecodedRef {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  role: number;
}

/**
 * Decodes the ref `numbers` reads next (a row's, packed: target-refs.ts), of an item starting on
 * 0-based line `line` at 1-based column `col`, into `out`. `nameLength` is the length of a
 * short ref (-1 when the key's target gives none).
 */
export function decodeRef(numbers: PackedReader, line: number, col: number, nameLength: number, out: DecodedRef): void {
  const place = numbers.int();
  let column: number;
  let rel: number;
  if (place >= 0) {
    rel = Math.floor(place / PLACE_COLUMNS);
    column = place - rel * PLACE_COLUMNS;
  } else {
    rel = -place - 1;
    column = numbers.int();
  }
  out.line = line + rel + 1;
  out.col = rel === 0 ? col + column : column + 1;
  const second = numbers.int();
  if (second < 0) {
    if (nameLength < 0) throw new InconsistentIndexError('a ref key row leaves out a length its target does not give');
    out.role = roleOfShort(second);
    out.endLine = out.line;
    out.endCol = out.col + nameLength;
    return;
  }
  const role = numbers.int();
  if (role >= MULTILINE_ROLE) {
    out.role = role - MULTILINE_ROLE;
    out.endLine = out.line + numbers.int();
    out.endCol = numbers.int() + 1;
    return;
  }
  out.role = role;
  out.endLine = out.line;
  out.endCol = out.col + second;
}

/**
 * A record's fingerprint with the shape of its item's lines up to the end of its last ref
 * (LineIndex.shapeWithin): what an item's stamp is made from, so that an item whose refs'
 * places changed is rewritten. Up to its last ref, not its end: an impl's refs are in its head,
 * and an edit in one of its methods moves no place of theirs.
 */
export function shapedFingerprint(
  record: { fingerprint: string; span: readonly [number, number]; refs: ReadonlyArray<{ span: readonly [number, number] }> }, lines: LineIndex,
): string {
  let end = 0;
  for (const { span } of record.refs) end = Math.max(end, span[1]);
  const shape = lines.shapeWithin(record.span[0], record.span[0] + end);
  return createHash('sha1').update(`${record.fingerprint}\0${shape}`).digest('hex').slice(0, 16);
}
