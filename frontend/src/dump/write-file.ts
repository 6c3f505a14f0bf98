// Writes a dump file unless the file there already holds a dump with the same digest: after an
// edit in one crate of a large workspace, the other crates' dumps are neither serialized nor
// written again (on std, that was a fifth of a re-analysis).
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { serializeDump, type Dump } from '../../../schema/src/index.js';

/** Returns whether the file was written. */
export function writeDumpFile(file: string, dump: Dump): boolean {
  const digest = dump.header.digest;
  if (digest !== undefined && digestOnDisk(file) === digest) return false;
  writeFileSync(file, serializeDump(dump));
  return true;
}

const CHUNK = 1 << 16;

/** The digest in the header (first line) of the dump at `file`; undefined when there is none. */
function digestOnDisk(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    // A header holds every file's line table and can be megabytes long: read up to its newline.
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      const newline = chunk.subarray(0, n).indexOf(10);
      if (newline >= 0 || n === 0) {
        chunks.push(chunk.subarray(0, newline >= 0 ? newline : n));
        break;
      }
      chunks.push(chunk.subarray(0, n));
    }
    const header = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { digest?: unknown };
    return typeof header.digest === 'string' ? header.digest : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
