// What the property and fuzz tests share: a seedable PRNG and the Rust files of a directory.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, seedable, good enough to pick mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every `.rs` file under `dir`; none when it does not exist. */
export function rustFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(rustFiles(p));
    else if (p.endsWith('.rs')) out.push(p);
  }
  return out;
}
