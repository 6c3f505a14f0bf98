import { describe, expect, it } from 'vitest';
import { REF_ROLES } from '../../schema/src/kinds.js';
import { buildFileTables, LineIndex, type RefRole } from '../../schema/src/index.js';
import { decodeRef, encodeRefEntry, itemPlaces, MULTILINE_ROLE, PLACE_COLUMNS, refNumbers, shapedFingerprint, type DecodedRef } from '../../indexer/src/item-places.js';
import { InconsistentIndexError } from '../../indexer/src/errors.js';
import { packInts, PackedReader } from '../../indexer/src/packed-text.js';
import { roleAt, roleOfShort, shortRole } from '../../indexer/src/records.js';
import { prng } from '../support/random.js';

const encoder = new TextEncoder();

function linesOf(text: string): LineIndex {
  const bytes = encoder.encode(text);
  return new LineIndex({ ...buildFileTables(bytes), bytes: bytes.length });
}

/** The byte offsets of the character boundaries of `text`. */
function boundaries(text: string): number[] {
  const out = [0];
  for (const ch of text) out.push(out[out.length - 1] + encoder.encode(ch).length);
  return out;
}

/** Decodes the ref `numbers` start with, packed as a ref key stores them; `next`: how many numbers it took. */
const decode = (numbers: number[], line: number, col: number, nameLength = -1) => {
  const out: DecodedRef = { line: 0, col: 0, endLine: 0, endCol: 0, role: 0 };
  const reader = new PackedReader(packInts(numbers));
  decodeRef(reader, line, col, nameLength, out);
  const next = numbers.findIndex((_, k) => packInts(numbers.slice(0, k)).length === reader.pos);
  return { ...out, next: next < 0 ? numbers.length : next };
};

describe('ref places in ref keys', () => {
  it('decode to the lines and columns the file gives, for any item and ref (property)', () => {
    const random = prng(2026_11_22);
    // Long lines, multibyte characters and line breaks, items starting mid-line.
    const alphabet = ['a', 'b', ' ', '\n', 'é', '😀', 'x'.repeat(70)];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const lines = linesOf(text);
      const cuts = boundaries(text);
      const pick = (from: number) => cuts[from + Math.floor(random() * (cuts.length - from))];
      const start = pick(0);
      const relStart = pick(cuts.indexOf(start)) - start;
      const relEnd = pick(cuts.indexOf(start + relStart)) - start;
      const role = Math.floor(random() * REF_ROLES.length);
      const expected = lines.range(start + relStart, start + relEnd);
      const nameLength = random() < 0.5 ? expected.endCol - expected.col : undefined;
      const places = itemPlaces(lines, start);
      const numbers = refNumbers(places, relStart, relEnd, role, nameLength);
      const context = `${JSON.stringify(text)} item at ${start}, ref ${relStart}..${relEnd}`;
      expect(decode(numbers, places.line, places.col, nameLength ?? -1), context).toEqual({ ...expected, role, next: numbers.length });
    }
  });

  it('write a short place, a length and a role, the length left out when the name has it', () => {
    const lines = linesOf('ab fn f() {\n    g(x);\n}\n');
    const places = itemPlaces(lines, 3);
    const call = REF_ROLES.indexOf('call');
    // `g` on the item's second line, column 5 (0-based 4); `fn` on its first, at the item's column.
    expect(refNumbers(places, 13, 14, call, 1)).toEqual([1 * PLACE_COLUMNS + 4, shortRole(call)]);
    expect(refNumbers(places, 13, 17, call, 1)).toEqual([1 * PLACE_COLUMNS + 4, 4, call]);
    expect(refNumbers(places, 0, 2, call)).toEqual([0, 2, call]);
    // Over two lines: role + MULTILINE_ROLE, then the end's line distance and 0-based column.
    expect(refNumbers(places, 6, 14, call)).toEqual([6, 0, call + MULTILINE_ROLE, 1, 5]);
    expect(decode([6, 0, call + MULTILINE_ROLE, 1, 5], places.line, places.col)).toEqual({ line: 1, col: 10, endLine: 2, endCol: 6, role: call, next: 5 });
  });

  it('write a column past the packing apart', () => {
    const text = `fn f() {\n${' '.repeat(200)}g;\n}\n`;
    const lines = linesOf(text);
    const places = itemPlaces(lines, 0);
    const at = text.indexOf('g');
    const numbers = refNumbers(places, at, at + 1, 0);
    expect(numbers).toEqual([-2, 200, 1, 0]);
    expect(decode(numbers, 0, 1)).toEqual({ line: 2, col: 201, endLine: 2, endCol: 202, role: 0, next: 4 });
  });

  it('refuse a short ref whose target gives no length', () => {
    expect(() => decode([5, shortRole(0)], 0, 1, -1)).toThrow(InconsistentIndexError);
  });

  it('sort an entry by position, and keep the roles', () => {
    const lines = linesOf('fn f() { a; bb; c; }\n');
    const roles: RefRole[] = ['call', 'read', 'write'];
    const text = encodeRefEntry('a.rs', [[16, 17, 'write'], [9, 10, 'call'], [12, 14, 'read']], itemPlaces(lines, 0), 1);
    const reader = new PackedReader(text);
    expect(reader.string()).toBe('a.rs');
    const numbers: number[] = [];
    while (!reader.done) numbers.push(reader.int());
    const decoded = [];
    for (let at = 0; at < numbers.length;) {
      const ref = decode(numbers.slice(at), 0, 1, 1);
      decoded.push([ref.col, ref.endCol, roleAt(ref.role)]);
      at += ref.next;
    }
    expect(decoded).toEqual([[10, 11, roles[0]], [13, 15, roles[1]], [17, 18, roles[2]]]);
    expect(REF_ROLES.map((_, i) => roleOfShort(shortRole(i)))).toEqual(REF_ROLES.map((_, i) => i));
    expect(() => roleAt(REF_ROLES.length)).toThrow(InconsistentIndexError);
  });
});

describe('shapedFingerprint', () => {
  const record = (span: [number, number], refEnd: number) => ({ fingerprint: 'f', span, refs: [{ span: [0, refEnd] as [number, number] }] });

  it('changes with a line break or a multibyte character before a ref, not after the last', () => {
    const base = shapedFingerprint(record([0, 12], 8), linesOf('fn f() { g }'));
    expect(shapedFingerprint(record([0, 12], 8), linesOf('fn f()\n{ g }'))).not.toBe(base);
    expect(shapedFingerprint(record([0, 12], 8), linesOf('fn é) { g }'))).not.toBe(base);
    expect(shapedFingerprint(record([0, 12], 8), linesOf('fn f() { g\n}'))).toBe(base);
    // Lines above the item move it, not its shape.
    expect(shapedFingerprint(record([3, 15], 8), linesOf('\n\n\nfn f() { g }'))).toBe(base);
  });
});
