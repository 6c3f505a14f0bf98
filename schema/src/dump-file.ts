// Reading a dump file's header without the rest: a header holds every file's line tables and can
// be megabytes long, but the items after it are most of the file. Writers and indexers compare
// the header's digest before they pay for the whole dump.
import { closeSync, openSync, readSync } from 'node:fs';
import type { DumpHeader } from './types.js';
import { parseDumpHeader } from './jsonl.js';

const CHUNK = 1 << 16;

/** The header of the dump at `file`, read up to its first newline; throws what `parseDumpHeader` throws, or the I/O error. */
export function readDumpHeader(file: string): DumpHeader {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      const newline = chunk.subarray(0, n).indexOf(10);
      chunks.push(chunk.subarray(0, newline >= 0 ? newline : n));
      if (newline >= 0 || n === 0) break;
    }
    return parseDumpHeader(Buffer.concat(chunks).toString('utf8'), file);
  } finally {
    closeSync(fd);
  }
}
