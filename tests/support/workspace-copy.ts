// Copies of the data/ workspaces to edit in a test, and what tests compare after the edits.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const DATA = path.resolve(import.meta.dirname, '../../data');

/** A copy of `data/<fixture>` in a temporary directory, without its index or build output. */
export function copyFixture(prefix: string, fixture = 'example'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(DATA, fixture), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}.xref`) && !src.includes(`${path.sep}target`) });
  return dir;
}

/** Replaces the first `from` in `file` with `to`; throws when `from` is not there. */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`'${from}' is not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

/** The dumps in `dir` by file name. */
export function dumpsIn(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}
