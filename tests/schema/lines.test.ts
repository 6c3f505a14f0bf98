import { describe, expect, it } from 'vitest';
import { LineIndex, buildFileTables } from '../../schema/src/index.js';

const encoder = new TextEncoder();

function indexOf(text: string): { index: LineIndex; bytes: number; lines: number } {
  const bytes = encoder.encode(text);
  const tables = buildFileTables(bytes);
  return { index: new LineIndex({ ...tables, bytes: bytes.length }), bytes: bytes.length, lines: tables.lines };
}

interface Place { offset: number; line: number; col: number }

/** Every character boundary of `text` (end of file included) with its line and column, counted naively. */
function referencePlaces(text: string): Place[] {
  const places: Place[] = [];
  let offset = 0;
  let line = 1;
  let col = 1;
  for (const ch of text) {
    places.push({ offset, line, col });
    offset += encoder.encode(ch).length;
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  places.push({ offset, line, col });
  return places;
}

/** Deterministic PRNG (mulberry32) so a failing random case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ASCII, control characters and the edges of each UTF-8 length.
const ALPHABET = ['a', 'Z', ' ', '\t', '\r', '\n', '\n', '\u0080', 'é', '\u07ff', '\u0800', '€', '中', '\uffff', '😀', '𝄞', '\u{10ffff}'];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

describe('buildFileTables', () => {
  it('starts a line after every \\n, counting a final empty line, and only \\n ends a line', () => {
    expect(buildFileTables(encoder.encode(''))).toEqual({ lineStarts: [0], multibyte: [], lines: 1 });
    expect(buildFileTables(encoder.encode('a'))).toEqual({ lineStarts: [0], multibyte: [], lines: 1 });
    expect(buildFileTables(encoder.encode('ab\ncd\n'))).toEqual({ lineStarts: [0, 3, 6], multibyte: [], lines: 3 });
    expect(buildFileTables(encoder.encode('a\r\nb\rc')).lineStarts).toEqual([0, 3]);
  });

  it('records the offset and UTF-8 length of every non-ASCII character', () => {
    expect(buildFileTables(encoder.encode('é\n€😀x'))).toEqual({
      lineStarts: [0, 3],
      multibyte: [[0, 2], [3, 3], [6, 4]],
      lines: 2,
    });
  });

  it('agrees with a naive count over random text', () => {
    const next = random(1);
    for (let round = 0; round < 300; round++) {
      const text = randomText(next);
      const lineStarts = [0];
      const multibyte: Array<[number, number]> = [];
      let offset = 0;
      for (const ch of text) {
        const length = encoder.encode(ch).length;
        if (length > 1) multibyte.push([offset, length]);
        offset += length;
        if (ch === '\n') lineStarts.push(offset);
      }
      expect(buildFileTables(encoder.encode(text)), JSON.stringify(text)).toEqual({ lineStarts, multibyte, lines: lineStarts.length });
    }
  });

  it('throws on bytes that are not UTF-8, naming the byte', () => {
    const bad: Array<[number[], number]> = [
      [[0x61, 0xff], 1], // never a UTF-8 byte
      [[0x61, 0x62, 0xc3], 2], // truncated sequence
      [[0xc3, 0x28], 0], // missing continuation byte
      [[0xe0, 0x80, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // beyond U+10FFFF
      [[0x0a, 0x80], 1], // stray continuation byte
    ];
    for (const [bytes, at] of bad) {
      expect(() => buildFileTables(Uint8Array.from(bytes)), bytes.join(',')).toThrow(`invalid UTF-8 at byte ${at}`);
    }
  });

  it('rejects exactly the byte strings a strict UTF-8 decoder rejects', () => {
    const next = random(2);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let round = 0; round < 2000; round++) {
      const bytes = encoder.encode(randomText(next));
      if (bytes.length > 0) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      let decodable = true;
      try {
        decoder.decode(bytes);
      } catch {
        decodable = false;
      }
      const build = () => buildFileTables(bytes);
      if (decodable) expect(build, Array.from(bytes).join(',')).not.toThrow();
      else expect(build, Array.from(bytes).join(',')).toThrow(/invalid UTF-8/);
    }
  });
});

describe('LineIndex', () => {
  it('maps ASCII offsets to 1-based lines and columns and back', () => {
    const { index } = indexOf('ab\ncd\n');
    expect(index.position(0)).toEqual({ line: 1, col: 1 });
    expect(index.position(2)).toEqual({ line: 1, col: 3 });
    expect(index.position(3)).toEqual({ line: 2, col: 1 });
    expect(index.position(6)).toEqual({ line: 3, col: 1 });
    expect(index.offset(2, 2)).toBe(4);
    expect(index.offset(1, 3)).toBe(2);
    expect(index.offset(3, 1)).toBe(6);
  });

  it('counts a multibyte character as one column', () => {
    const { index } = indexOf('aé😀b\n😀x');
    expect(index.position(1)).toEqual({ line: 1, col: 2 }); // é
    expect(index.position(3)).toEqual({ line: 1, col: 3 }); // 😀
    expect(index.position(7)).toEqual({ line: 1, col: 4 }); // b
    expect(index.position(13)).toEqual({ line: 2, col: 2 }); // x after 😀
    expect(index.offset(1, 4)).toBe(7);
    expect(index.offset(2, 2)).toBe(13);
  });

  it('gives an offset inside a multibyte character that character\'s column', () => {
    const { index } = indexOf('x😀é');
    for (const inside of [2, 3, 4]) expect(index.position(inside)).toEqual({ line: 1, col: 2 });
    expect(index.position(6)).toEqual({ line: 1, col: 3 });
  });

  it('returns undefined outside the file or past the end of a line', () => {
    const { index } = indexOf('ab\ncé\n');
    expect(index.offset(1, 4)).toBeUndefined(); // 'ab' + the '\n' column is 3
    expect(index.offset(2, 4)).toBeUndefined();
    expect(index.offset(3, 2)).toBeUndefined();
    expect(index.offset(4, 1)).toBeUndefined();
    expect(index.offset(0, 1)).toBeUndefined();
    expect(index.offset(1, 0)).toBeUndefined();
    expect(index.offset(1.5, 1)).toBeUndefined();
  });

  it('throws a RangeError for offsets outside the file', () => {
    const { index } = indexOf('é\n');
    expect(() => index.position(-1)).toThrow(RangeError);
    expect(() => index.position(4)).toThrow('byte offset 4 is outside the file (0..3)');
    expect(() => index.position(0.5)).toThrow(RangeError);
    expect(index.position(3)).toEqual({ line: 2, col: 1 });
  });

  it('agrees with a naive count and round-trips on random text', () => {
    const next = random(3);
    for (let round = 0; round < 300; round++) {
      const text = randomText(next);
      const { index, lines } = indexOf(text);
      const places = referencePlaces(text);
      const lastCol = new Map<number, number>();
      for (const place of places) {
        const context = `${JSON.stringify(text)} @${place.offset}`;
        expect(index.position(place.offset), context).toEqual({ line: place.line, col: place.col });
        expect(index.offset(place.line, place.col), context).toBe(place.offset);
        lastCol.set(place.line, place.col);
      }
      expect(lastCol.size).toBe(lines);
      for (const [line, col] of lastCol) expect(index.offset(line, col + 1), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('gives the same lines and columns from lineAt with any starting line, and from range, as from position', () => {
    const next = random(7);
    const texts = Array.from({ length: 300 }, () => randomText(next));
    for (const [text, { index, lines }, places] of texts.map((t) => [t, indexOf(t), referencePlaces(t)] as const)) {
      places.forEach((place, i) => {
        // Any line as the starting one, before or after the offset's: a wrong guess is searched.
        const from = Math.floor(next() * lines);
        const line = index.lineAt(place.offset, from);
        const context = `${JSON.stringify(text)} @${place.offset} from ${from}`;
        expect({ line: line + 1, col: index.columnAt(place.offset, line) }, context).toEqual({ line: place.line, col: place.col });
        const end = places[i + Math.floor(next() * (places.length - i))];
        expect(index.range(place.offset, end.offset), context).toEqual({ line: place.line, col: place.col, endLine: end.line, endCol: end.col });
      });
    }
  });

  it('throws a RangeError for a range outside the file', () => {
    const { index } = indexOf('ab\n');
    expect(() => index.range(0, 4)).toThrow('byte offset 4 is outside the file (0..3)');
    expect(() => index.range(-1, 1)).toThrow(RangeError);
  });
});
