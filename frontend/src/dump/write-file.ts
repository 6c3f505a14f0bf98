// Writes a dump file unless the file there already holds a dump with the same digest: after an
// edit in one crate of a large workspace, the other crates' dumps are neither serialized nor
// written again (on std, that was a fifth of a re-analysis).
import { writeFileSync } from 'node:fs';
import { readDumpDigest } from '../../../schema/src/index.js';
import type { DumpText } from './write.js';

/** Returns whether the file was written. */
export function writeDumpFile(file: string, dump: DumpText): boolean {
  const digest = dump.header.digest;
  if (digest !== undefined && digestOnDisk(file) === digest) return false;
  // JSON Lines, as schema/src/jsonl.ts writes them.
  writeFileSync(file, `${[JSON.stringify(dump.header), ...dump.lines].join('\n')}\n`);
  return true;
}

/** The digest of the dump at `file`; undefined when there is no readable dump there, or no digest. */
export function digestOnDisk(file: string): string | undefined {
  try {
    return readDumpDigest(file);
  } catch {
    return undefined;
  }
}
