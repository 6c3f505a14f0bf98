// The fuzz tests' mutations: delete a token, split it off with a space, swap it with the next
// one, or insert one of `inserts` before it; one to three rounds per case.
import { lex } from '../../frontend/src/syntax/lexer.js';

export function mutateTokens(src: Uint8Array, rand: () => number, inserts: readonly string[]): Uint8Array {
  const ts = lex(src);
  if (ts.count < 2) return src;
  const t = Math.floor(rand() * (ts.count - 1));
  const [s0, e0, s1, e1] = [ts.starts[t], ts.ends[t], ts.starts[t + 1], ts.ends[t + 1]];
  const piece = (a: number, b: number) => src.subarray(a, b);
  const enc = (s: string) => new TextEncoder().encode(s);
  let parts: Uint8Array[];
  switch (Math.floor(rand() * 4)) {
    case 0: parts = [piece(0, s0), piece(e0, src.length)]; break;
    case 1: parts = [piece(0, e0), enc(' '), piece(s0, src.length)]; break;
    case 2: parts = [piece(0, s0), piece(s1, e1), piece(e0, s1), piece(s0, e0), piece(e1, src.length)]; break;
    default: parts = [piece(0, s0), enc(inserts[Math.floor(rand() * inserts.length)] + ' '), piece(s0, src.length)];
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Case `c`: the next source in turn, mutated one to three times. */
export function mutatedCase(
  sources: ReadonlyArray<[string, Uint8Array]>, c: number, rand: () => number, inserts: readonly string[],
): [string, Uint8Array] {
  const [name, original] = sources[c % sources.length];
  let src = original;
  const rounds = 1 + Math.floor(rand() * 3);
  for (let m = 0; m < rounds; m++) src = mutateTokens(src, rand, inserts);
  return [name, src];
}
