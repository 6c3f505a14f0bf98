// Reading a dump file's header without the rest: a header holds every file's line tables and can
// be megabytes long, but the items after it are most of the file. Writers and indexers compare
// the header's digest before they pay for the whole dump.
import { closeSync, openSync, readSync } from 'node:fs';
import type { DumpHeader } from './types.js';
import { parseDumpHeader } from './jsonl.js';

const CHUNK = 1 << 16;

/** The header of the dump at `file`, read up to its first newline; throws what `parseDumpHeader` throws, or the I/O error. */
export function readDumpHeader(file: string): DumpHeader {
  return parseDumpHeader(firstLine(file), file);
}

/**
 * The digest of the dump at `file` (undefined when it has none), without parsing and checking
 * its header when the digest closes it, as every dump rust-xref writes has it: comparing
 * digests is how writers and indexers skip a dump, and core's header is megabytes of line tables.
 */
export function readDumpDigest(file: string): string | undefined {
  const line = firstLine(file);
  const closing = /,"digest":"([0-9a-f]+)"\}$/.exec(line.slice(-64));
  return closing ? closing[1] : parseDumpHeader(line, file).digest;
}

/**
 * The crate and digest of the dump at `file`, cut from its header without parsing its line
 * tables when the header is laid out as rust-xref writes it (crate before dependencies, digest
 * last); else from the whole header, checked. An indexer skips a dump it loaded last time so.
 */
export function readDumpIdentity(file: string): Pick<DumpHeader, 'crate' | 'digest'> {
  const line = firstLine(file);
  const closing = /,"digest":"([0-9a-f]+)"\}$/.exec(line.slice(-64));
  const cut = line.indexOf(',"dependencies":');
  if (closing && cut > 0) {
    try {
      const head = JSON.parse(`${line.slice(0, cut)}}`) as Partial<DumpHeader>;
      if (head.crate !== undefined && typeof head.crate.name === 'string' && typeof head.crate.version === 'string') return { crate: head.crate, digest: closing[1] };
    } catch {
      // Laid out otherwise: parsed whole below.
    }
  }
  return parseDumpHeader(line, file);
}

function firstLine(file: string): string {
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
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
