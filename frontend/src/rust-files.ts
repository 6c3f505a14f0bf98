// Walking a tree for Rust sources, with one rule for what to skip: build output (`target`) and
// hidden directories (`.git`, `.xref`, …).
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export function isSkippedDir(name: string): boolean {
  return name === 'target' || name.startsWith('.');
}

/**
 * Calls `visit` with each `.rs` file under `dir` and its size; stops early when `visit` returns
 * true. A directory that cannot be read is passed over.
 */
export function walkRustFiles(dir: string, visit: (abs: string, size: number) => boolean | void): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedDir(entry.name) && walkRustFiles(abs, visit)) return true;
    } else if (entry.isFile() && entry.name.endsWith('.rs') && visit(abs, statSync(abs).size)) {
      return true;
    }
  }
  return false;
}
