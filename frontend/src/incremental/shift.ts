// Where the offsets of a file's old text are in its new text, after an edit that replaced the
// bytes `[prefix, oldEnd)` with `delta` more (or fewer) bytes, and the moving of item record
// drafts by it. Drafts keep absolute offsets until the dump writer makes them relative to their
// item, so an edit moves every position after it, in every record of the file.
import type { Span } from '../../../schema/src/index.js';
import type { ItemRecordDraft } from '../resolve/model.js';
import type { Item, ParsedFile } from '../syntax/ast.js';
import { mapItemRanges, type RangeMaps } from '../syntax/relocate.js';

export interface Shift {
  /** Bytes before this are the same in both texts. */
  prefix: number;
  /** Old bytes from this on are the same as new bytes `delta` further. */
  oldEnd: number;
  delta: number;
}

/** The new offset of what starts at old offset `x`; undefined for a start among the changed bytes. */
export function newStart(e: Shift, x: number): number | undefined {
  if (x < e.prefix) return x;
  return x >= e.oldEnd ? x + e.delta : undefined;
}

/** The new offset of what ends (exclusive) at old offset `x`; text inserted at an end goes after it. */
export function newEnd(e: Shift, x: number): number | undefined {
  if (x <= e.prefix) return x;
  return x >= e.oldEnd ? x + e.delta : undefined;
}

/**
 * Where the span `[start, end)` of the old text is in the new one; undefined for an end among the
 * changed bytes. One `fromFileStart` (a file module's) keeps its start.
 */
export function movedSpan(e: Shift, start: number, end: number, fromFileStart: boolean): [number | undefined, number | undefined] {
  const s = fromFileStart ? start : newStart(e, start);
  // An empty span is a point: it moves as a start does.
  return [s, end === start ? s : newEnd(e, end)];
}

/**
 * Several disjoint edits of one text, the last in the text first, each in the old text's offsets:
 * applied in this order, an edit moves only what follows it, so the next one's offsets hold.
 */
export type Shifts = readonly Shift[];

/** `movedSpan` through every edit of `shifts`; undefined for an end among any one's changed bytes. */
export function movedSpanAll(shifts: Shifts, start: number, end: number, fromFileStart: boolean): [number | undefined, number | undefined] {
  let [s, e]: [number | undefined, number | undefined] = [start, end];
  for (const shift of shifts) {
    if (s === undefined || e === undefined) return [undefined, undefined];
    [s, e] = movedSpan(shift, s, e, fromFileStart);
  }
  return [s, e];
}

/** Whether one of `shifts` changed bytes strictly after `start` and before `end`: inside the span, not before it. */
export function editInside(shifts: Shifts, start: number, end: number): boolean {
  return shifts.some((e) => start < e.prefix && e.prefix < end);
}

/**
 * Moves every span of `records` to the new text; spans among the changed bytes stay as they are.
 * The spans in `fileStart` start at the start of the file whatever is inserted there (a file
 * module's record and def span its inner attributes from offset 0).
 */
export function shiftRecords(records: readonly ItemRecordDraft[], e: Shift, fileStart: ReadonlySet<Span>): void {
  if (e.delta === 0) return;
  // Span arrays are shared: a def's span is often its item's AST span and its record's span too.
  // Each array must move once.
  const moved = new Set<Span>();
  const shift = (s: Span) => {
    if (moved.has(s)) return;
    moved.add(s);
    const [start, end] = movedSpan(e, s[0], s[1], fileStart.has(s));
    if (start !== undefined) s[0] = start;
    if (end !== undefined) s[1] = end;
  };
  for (const record of records) {
    shift(record.span);
    for (const d of record.defs) {
      shift(d.span);
      shift(d.nameSpan);
    }
    for (const r of record.refs) shift(r.span);
    for (const d of record.diagnostics) shift(d.span);
  }
}

/**
 * The parse of a file edited only between tokens, from its parse before: the same tokens, so the
 * same token ranges, and each byte range moved; `tokens` moves token ranges when the edit changed
 * tokens inside a body (local-edit.ts). Only for a parse without syntax errors.
 */
export function movedParse(parsed: ParsedFile, shifts: Shifts, tokens: RangeMaps['tokens'] = (r) => [r[0], r[1]]): ParsedFile {
  const maps: RangeMaps = {
    bytes: ([a, b]) => {
      const [s, t] = movedSpanAll(shifts, a, b, false);
      return [s ?? a, t ?? b];
    },
    tokens,
  };
  // Inner attributes hold positions as items do.
  const moved: ParsedFile = {
    items: parsed.items.map((item) => mapItemRanges(item, maps)),
    innerAttrs: parsed.innerAttrs.map((a) => mapItemRanges(a as unknown as Item, maps) as unknown as ParsedFile['innerAttrs'][number]),
    errors: [],
  };
  if (parsed.innerDocs !== undefined) moved.innerDocs = parsed.innerDocs;
  return moved;
}
