// Turns the refs find-references gathers (lines and columns in files) into the answer's
// RefLocations, sorted by file and position. The refs are gathered into typed arrays that a pool
// keeps from one query to the next: `Option`'s 2,000 refs in 250 files filled 1,500 growing
// arrays a query, and each scavenge that allocation brought on stalled a query by about a
// millisecond (a loop over the heaviest targets scavenged 119 times with them, 70 without).
import type { LineRange } from '../../schema/src/lines.js';
import type { RefRole } from '../../schema/src/types.js';
import { InconsistentIndexError } from './errors.js';
import { compareStrings } from './keys.js';

/** One use of a symbol; role `decl` marks the def's own name (references with includeDecl). */
export interface RefLocation extends LineRange {
  file: string;
  role: RefRole | 'decl';
  /** The ref may resolve to the symbol: resolution found several candidates. */
  candidate: boolean;
  /** The symbol asked about. */
  target: string;
  /** The item whose code holds the ref: the fn that calls, the impl that names a type. */
  item: string;
  /**
   * Set when the ref is not to the symbol itself but to this method overriding it: a call the
   * front end resolved to one impl of the trait method asked about.
   */
  via?: string;
}

/** The refs of one query, in the order they were read. Take one with `GatheredRefs.with`. */
export class GatheredRefs {
  private count = 0;
  // Int32Arrays, not Float64Arrays: a number read from a Float64Array is a double, and each made
  // its answer's field a boxed number.
  private lines = new Int32Array(INITIAL);
  private cols = new Int32Array(INITIAL);
  private endLines = new Int32Array(INITIAL);
  private endCols = new Int32Array(INITIAL);
  /** Which group a ref was read in (the symbol's own refs are group 0), twice, plus one for a candidate ref. */
  private origins = new Int32Array(INITIAL);
  /** The index of its file in `files`. */
  private fileOf = new Int32Array(INITIAL);
  // Written by index and never truncated, so that they keep their room from one query to the next.
  private readonly roles: Array<RefRole | 'decl'> = [];
  private readonly items: string[] = [];
  private readonly vias: Array<string | undefined> = [];
  /** The files' paths. */
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Scratch for sorting one file's refs. */
  private packed = new Float64Array(INITIAL);
  private order = new Int32Array(INITIAL);

  /** The index of a file to add refs of. */
  file(path: string): number {
    let index = this.fileIndex.get(path);
    if (index === undefined) {
      index = this.files.length;
      this.files.push(path);
      this.fileIndex.set(path, index);
    }
    return index;
  }

  /** Adds a ref at 1-based `line`, `col` to `endLine`, `endCol` of a file. */
  add(
    file: number, { line, col, endLine, endCol }: LineRange, role: RefRole | 'decl', item: string, candidate: boolean, via: string | undefined, group: number,
  ): void {
    if (!(line >= 1 && col >= 1 && line < MAX_LINES && (endLine > line || (endLine === line && endCol >= col)))) {
      throw new InconsistentIndexError(`a reference in ${this.files[file]} at ${line}:${col}-${endLine}:${endCol}`);
    }
    const n = this.count++;
    if (n === INDEX_SPAN) throw new InconsistentIndexError(`more than ${INDEX_SPAN} references to list in one answer`);
    if (n === this.lines.length) this.grow();
    this.lines[n] = line;
    this.cols[n] = col;
    this.endLines[n] = endLine;
    this.endCols[n] = endCol;
    this.origins[n] = group * 2 + Number(candidate);
    this.fileOf[n] = file;
    this.roles[n] = role;
    this.items[n] = item;
    this.vias[n] = via;
  }

  private grow(): void {
    const size = 2 * this.lines.length;
    const grown = (from: Int32Array): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.lines = grown(this.lines);
    this.cols = grown(this.cols);
    this.endLines = grown(this.endLines);
    this.endCols = grown(this.endCols);
    this.origins = grown(this.origins);
    this.fileOf = grown(this.fileOf);
  }

  /**
   * The refs as RefLocations, by file and position, each place once per role. Of the refs at one
   * place and with one role (a macro's argument in every item the macro expands to), the one
   * kept is the symbol's own before one via an overrider, direct before candidate, then the one
   * of the item with the smallest id.
   */
  locations(target: string): RefLocation[] {
    const { count, lines, cols, endLines, endCols, origins, fileOf, roles, items, vias, files } = this;
    if (this.packed.length < count) {
      this.packed = new Float64Array(this.lines.length);
      this.order = new Int32Array(this.lines.length);
    }
    // The refs grouped by file (a counting sort, stable), files by path.
    // Paths sorted natively, without a comparator: a sort calling one was 6% of this function's
    // time for `Option`.
    const fileOrder = [...files].sort().map((path) => this.fileIndex.get(path)!);
    const rank = new Int32Array(files.length);
    fileOrder.forEach((f, r) => (rank[f] = r));
    const bucketStart = new Int32Array(files.length + 1);
    for (let i = 0; i < count; i++) bucketStart[rank[fileOf[i]] + 1]++;
    for (let r = 0; r < files.length; r++) bucketStart[r + 1] += bucketStart[r];
    const next = bucketStart.slice(0, files.length);
    const order = this.order;
    for (let i = 0; i < count; i++) order[next[rank[fileOf[i]]]++] = i;

    const out: RefLocation[] = [];
    // Refs on one line, by column, then end, then which is kept.
    const tie = (a: number, b: number) =>
      cols[a] - cols[b] || endLines[a] - endLines[b] || endCols[a] - endCols[b] || origins[a] - origins[b] || compareStrings(items[a], items[b]) || a - b;
    for (let r = 0; r < files.length; r++) {
      const from = bucketStart[r];
      const to = bucketStart[r + 1];
      if (from === to) continue;
      const path = files[fileOrder[r]];
      this.sortByLine(from, to, tie);
      // The refs kept at the place of the one before: out[here...].
      let here = out.length;
      let last = -1;
      for (let k = from; k < to; k++) {
        const i = order[k];
        if (last >= 0 && lines[i] === lines[last] && cols[i] === cols[last] && endLines[i] === endLines[last] && endCols[i] === endCols[last]) {
          if (sameRoleFrom(out, here, roles[i])) continue;
        } else here = out.length;
        last = i;
        const ref: RefLocation = {
          file: path, line: lines[i], col: cols[i], endLine: endLines[i], endCol: endCols[i],
          role: roles[i], candidate: origins[i] % 2 === 1, target, item: items[i],
        };
        const via = vias[i];
        if (via !== undefined) ref.via = via;
        out.push(ref);
      }
    }
    return out;
  }

  /**
   * Sorts order[from..to) by line, then by `tie` among refs sharing a line. The lines and ref
   * indexes are packed in doubles and sorted as numbers, a native sort that calls no comparator;
   * the runs sharing a line (one ref in sixteen) are then sorted with `tie`.
   */
  private sortByLine(from: number, to: number, tie: (a: number, b: number) => number): void {
    const { lines, order } = this;
    const n = to - from;
    if (n === 1) return;
    const packed = this.packed.subarray(from, to);
    for (let k = from; k < to; k++) packed[k - from] = lines[order[k]] * INDEX_SPAN + order[k];
    packed.sort();
    // A remainder of doubles is a library call; a division by a power of two is exact.
    for (let j = 0; j < n; j++) order[from + j] = packed[j] - Math.floor(packed[j] / INDEX_SPAN) * INDEX_SPAN;
    for (let k = from + 1; k < to; k++) {
      if (lines[order[k]] !== lines[order[k - 1]]) continue;
      let run = k + 1;
      while (run < to && lines[order[run]] === lines[order[k]]) run++;
      order.subarray(k - 1, run).sort(tie);
      k = run - 1;
    }
  }

  private reset(): void {
    this.count = 0;
    this.files.length = 0;
    this.fileIndex.clear();
  }

  /** Runs `use` with gathered refs of its own, which it must not keep. */
  static async with<T>(use: (refs: GatheredRefs) => Promise<T>): Promise<T> {
    const refs = pool.pop() ?? new GatheredRefs();
    try {
      return await use(refs);
    } finally {
      refs.reset();
      pool.push(refs);
    }
  }
}

/** Gathered refs no query is using; concurrent queries take one each. */
const pool: GatheredRefs[] = [];

const INITIAL = 1024;

/**
 * Packing bound: a query's refs number fewer than this, and a line number times it stays exact
 * in a double (below 2^53) for lines below MAX_LINES.
 */
const INDEX_SPAN = 2 ** 24;

const MAX_LINES = 2 ** 29;

function sameRoleFrom(out: RefLocation[], from: number, role: RefRole | 'decl'): boolean {
  for (let k = from; k < out.length; k++) if (out[k].role === role) return true;
  return false;
}
