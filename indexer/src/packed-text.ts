// Integers and strings packed into a string of printable ASCII, how ref keys store their rows
// (target-refs.ts). As JSON, `Option`'s ref keys were 44 KB whose parse was a quarter of the
// time of finding its references, the arrays it made half the query's garbage; packed, they
// are 24 KB that a reader walks where it stands, with no array made. A number is zigzag-coded
// (so small negatives stay short) and written five bits a character, lowest first, each
// character '0' + its five bits, + 32 when more follow: '0'…'O' end a number, 'P'…'o' do not.
// Every character is below 0x80, so the store's UTF-8 keeps one byte each.
import { InconsistentIndexError } from './errors.js';

const BASE = 0x30;
const MORE = 0x20;
const BITS = 5;
const LOW = (1 << BITS) - 1;

/** `n` packed: an integer within ±2^31. */
export function packInt(n: number): string {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  let out = '';
  while (z > LOW) {
    out += String.fromCharCode(BASE + MORE + (z & LOW));
    z = Math.floor(z / (LOW + 1));
  }
  return out + String.fromCharCode(BASE + z);
}

export function packInts(numbers: readonly number[]): string {
  let out = '';
  for (const n of numbers) out += packInt(n);
  return out;
}

/** A string packed: its length, then itself. */
export function packString(text: string): string {
  return packInt(text.length) + text;
}

/** Reads packed integers and strings from `text`, from `pos` on. */
export class PackedReader {
  constructor(
    public text: string,
    public pos = 0,
  ) {}

  int(): number {
    const { text } = this;
    let c = text.charCodeAt(this.pos++) - BASE;
    // Most numbers of a ref key's rows are one character.
    if (c >= 0 && c < MORE) return c % 2 === 0 ? c / 2 : -(c + 1) / 2;
    let z = 0;
    let scale = 1;
    for (;;) {
      if (!(c >= 0 && c < 2 * MORE)) throw new InconsistentIndexError(`no packed integer at ${this.pos - 1} of ${JSON.stringify(text.slice(0, 60))}`);
      z += (c & LOW) * scale;
      if (c < MORE) break;
      scale *= LOW + 1;
      c = text.charCodeAt(this.pos++) - BASE;
    }
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  string(): string {
    const length = this.int();
    const out = this.text.slice(this.pos, this.pos + length);
    if (out.length !== length) throw new InconsistentIndexError(`a packed string runs past the end of ${JSON.stringify(this.text.slice(0, 60))}`);
    this.pos += length;
    return out;
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }
}
