// Writes a dump file unless the file there already holds a dump with the same digest: after an
// edit in one crate of a large workspace, the other crates' dumps are neither serialized nor
// written again (on std, that was a fifth of a re-analysis).
import { renameSync, writeFileSync } from 'node:fs';
import { readDumpDigest } from '../../../schema/src/index.js';
import type { DumpText } from './write.js';

/** Returns whether the file was written. */
export function writeDumpFile(file: string, dump: DumpText): boolean {
  const digest = dump.header.digest;
  if (digest !== undefined && digestOnDisk(file) === digest) return false;
  // Renamed into place. Written in place, a dump cut short by a kill would keep its new header,
  // and the next run, seeing that digest, would leave the rest missing (tests/query-cli/crash.test.ts).
  const temp = `${file}.${process.pid}${TEMP_SUFFIX}`;
  // JSON Lines, as schema/src/jsonl.ts writes them.
  writeFileSync(temp, `${[JSON.stringify(dump.header), ...dump.lines].join('\n')}\n`);
  renameSync(temp, file);
  return true;
}

/** What a dump being written is named with, until it is complete; a killed writer leaves such files. */
export const TEMP_SUFFIX = '.tmp';

/** The digest of the dump at `file`; undefined when there is no readable dump there, or no digest. */
export function digestOnDisk(file: string): string | undefined {
  try {
    return readDumpDigest(file);
  } catch {
    return undefined;
  }
}
