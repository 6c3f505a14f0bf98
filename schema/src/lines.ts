// Byte offsets ↔ 1-based line/column, from a FileEntry's tables alone: the indexer answers
// positions without the source file, so everything it needs is in lineStarts and multibyte.
//
// Lines end at '\n' only (as in rustc); a '\r' before it is an ordinary character of the line.
// A file has lineStarts.length lines: a final '\n' opens one more, empty, line, and an empty
// file has one line. Columns count characters (code points), so 'é' and '😀' each count 1.
import type { FileEntry } from './types.js';

export interface Position {
  line: number;
  col: number;
}

/** A span's two ends as 1-based lines and columns, as in Position. */
export interface LineRange {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export class LineIndex {
  // An Int32Array: half the memory of an array of numbers (a kept view holds one per file), and
  // every search here sees one kind of array.
  private readonly lineStarts: Int32Array;
  private readonly bytes: number;
  /** Byte offset of each multibyte character, ascending. */
  // Int32Array, not Float64Array: what is read from them stays a small integer, and a column
  // computed from a double would box every line/column field of find-references' thousands of
  // results as a heap number.
  private readonly mbStart: Int32Array;
  /** extra[k]: bytes beyond one per character among the first k multibyte characters. */
  private readonly extra: Int32Array;
  /** File-wide character index of each multibyte character. */
  private readonly mbChar: Int32Array;
  /** Per line, 1 when it holds a multibyte character; made at the first column asked of such a file. */
  private multibyteLines?: Uint8Array;

  constructor(entry: Pick<FileEntry, 'lineStarts' | 'multibyte' | 'bytes'>) {
    this.lineStarts = Int32Array.from(entry.lineStarts);
    this.bytes = entry.bytes;
    const n = entry.multibyte.length;
    this.mbStart = new Int32Array(n);
    this.extra = new Int32Array(n + 1);
    this.mbChar = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const [start, length] = entry.multibyte[k];
      this.mbStart[k] = start;
      this.mbChar[k] = start - this.extra[k];
      this.extra[k + 1] = this.extra[k] + length - 1;
    }
  }

  /**
   * The line and column of a byte offset in `0..bytes`. An offset inside a multibyte
   * character gets that character's column. Throws a RangeError outside the file.
   */
  position(byteOffset: number): Position {
    this.check(byteOffset);
    const lineIndex = countAtMost(this.lineStarts, byteOffset) - 1;
    return { line: lineIndex + 1, col: this.column(byteOffset, this.lineStarts[lineIndex]) };
  }

  /** The 1-based column of a byte offset on the line starting at `lineStart`. */
  private column(byteOffset: number, lineStart: number): number {
    let offset = byteOffset;
    let k = countBelow(this.mbStart, offset);
    if (k > 0 && this.mbStart[k - 1] + this.extra[k] - this.extra[k - 1] + 1 > offset) {
      k--;
      offset = this.mbStart[k];
    }
    return offset - this.extra[k] - this.charIndex(lineStart) + 1;
  }

  /** position() of both ends of the bytes `start..end`, as one range. */
  range(start: number, end: number): LineRange {
    this.check(start);
    this.check(end);
    // A binary search: galloping from line 0 would take twice its probes to reach a far line.
    const line = countAtMost(this.lineStarts, start) - 1;
    const endLine = this.lineAt(end, line);
    return { line: line + 1, col: this.columnAt(start, line), endLine: endLine + 1, endCol: this.columnAt(end, endLine) };
  }

  /**
   * The 0-based line of a byte offset known to be in the file, searched from line `from`:
   * callers turning many ascending offsets into positions (find-references: `Option` has
   * 2,000) pass the line of the one before. The search gallops forward from there, so an
   * offset on that line or the next takes a probe or two, and a far one touches few of the
   * line starts of a big file, an array no cache holds when a query starts.
   */
  lineAt(byteOffset: number, from: number): number {
    const starts = this.lineStarts;
    if (byteOffset < starts[from]) return countAtMost(starts, byteOffset) - 1;
    return countBelowFrom(starts, byteOffset + 1, from + 1) - 1;
  }

  /** The 1-based column of a byte offset on 0-based line `line`; a file of ASCII needs no search. */
  columnAt(byteOffset: number, line: number): number {
    const lineStart = this.lineStarts[line];
    // A third of the refs to `Option` are in files with a multibyte character (in a comment,
    // mostly), and none on a line with one: such lines need no search of the file's multibyte
    // characters (a load places every ref of a ref key by its column, item-places.ts).
    if (this.mbStart.length === 0 || (this.multibyteLines ??= this.linesWithMultibyte())[line] === 0) return byteOffset - lineStart + 1;
    return this.column(byteOffset, lineStart);
  }

  private linesWithMultibyte(): Uint8Array {
    const marked = new Uint8Array(this.lineStarts.length);
    let line = 0;
    for (const start of this.mbStart) marked[(line = this.lineAt(start, line))] = 1;
    return marked;
  }

  /**
   * What the lines and columns of the bytes `start..end` depend on but their length: where lines
   * start and multibyte characters are among them, relative to `start`, as text. Two spans with
   * equal bytes have equal shapes; a space become a line break changes the shape alone.
   */
  shapeWithin(start: number, end: number): string {
    this.check(start);
    this.check(end);
    const lines: number[] = [];
    for (let line = this.lineAt(start, 0) + 1; line < this.lineStarts.length && this.lineStarts[line] < end; line++) lines.push(this.lineStarts[line] - start);
    const multibyte: number[] = [];
    for (let k = countBelow(this.mbStart, start); k < this.mbStart.length && this.mbStart[k] < end; k++) {
      multibyte.push(this.mbStart[k] - start, this.extra[k + 1] - this.extra[k] + 1);
    }
    return `${lines.join(',')};${multibyte.join(',')}`;
  }

  /** Throws a RangeError for a byte offset outside `0..bytes`. */
  check(byteOffset: number): void {
    if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset > this.bytes) {
      throw new RangeError(`byte offset ${byteOffset} is outside the file (0..${this.bytes})`);
    }
  }

  /**
   * The byte offset of a 1-based line and column. The column just past the last character
   * (where the '\n' or the end of file sits) is valid; anything beyond, or outside the file,
   * gives undefined.
   */
  offset(line: number, col: number): number | undefined {
    if (!Number.isInteger(line) || !Number.isInteger(col)) return undefined;
    if (line < 1 || line > this.lineStarts.length || col < 1) return undefined;
    const lineStart = this.lineStarts[line - 1];
    const lineEnd = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.bytes;
    const char = this.charIndex(lineStart) + col - 1;
    const byte = char + this.extra[countBelow(this.mbChar, char)];
    return byte <= lineEnd ? byte : undefined;
  }

  /** File-wide character index of a byte offset that starts a character. */
  private charIndex(byteOffset: number): number {
    return byteOffset - this.extra[countBelow(this.mbStart, byteOffset)];
  }
}

/**
 * The first position at or after `from` whose entry is >= value in an ascending array (countBelow
 * when the entries before `from` are < value), searched by galloping forward from `from`: a value
 * near it takes a probe or two, and a far one touches few entries of a long array. With a
 * `stride`, the array holds records of that many numbers, ordered by their first; with `n`,
 * only the first n records are searched (and n is the answer when all are < value).
 */
export function countBelowFrom(sorted: ArrayLike<number>, value: number, from: number, stride = 1, n = sorted.length / stride): number {
  // sorted[below] < value (or below = from - 1), and sorted[above] >= value unless above >= n.
  let below = from - 1;
  let above = from;
  for (let step = 1; above < n && sorted[above * stride] < value; step *= 2) {
    below = above;
    above = below + step;
  }
  let lo = below + 1;
  let hi = Math.min(above, n);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid * stride] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many entries of an ascending array are < value. */
function countBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many entries of an ascending array are <= value. */
function countAtMost(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface FileTables {
  lineStarts: number[];
  multibyte: Array<[number, number]>;
  lines: number;
}

/**
 * Computes a FileEntry's line and multibyte tables from the file's bytes.
 * Throws on bytes that are not UTF-8, which rustc would reject as source too.
 */
export function buildFileTables(bytes: Uint8Array): FileTables {
  const lineStarts = [0];
  const multibyte: Array<[number, number]> = [];
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x0a) lineStarts.push(i + 1);
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) throw new Error(`invalid UTF-8 at byte ${i}`);
    multibyte.push([i, length]);
    i += length - 1;
  }
  return { lineStarts, multibyte, lines: lineStarts.length };
}

/** Length of the well-formed UTF-8 sequence starting at `i` (RFC 3629), or 0 if there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  let length: number;
  let secondMin = 0x80;
  let secondMax = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) secondMin = 0xa0; // overlong
    if (lead === 0xed) secondMax = 0x9f; // UTF-16 surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) secondMin = 0x90; // overlong
    if (lead === 0xf4) secondMax = 0x8f; // beyond U+10FFFF
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1];
  if (second < secondMin || second > secondMax) return 0;
  for (let j = 2; j < length; j++) {
    if ((bytes[i + j] & 0xc0) !== 0x80) return 0;
  }
  return length;
}
