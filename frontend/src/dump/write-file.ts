// Writes a dump file unless the file there already holds a dump with the same digest: after an
// edit in one crate of a large workspace, the other crates' dumps are neither serialized nor
// written again (on std, that was a fifth of a re-analysis).
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dumpText, readDumpDigest } from '../../../schema/src/index.js';
import type { DumpText } from './write.js';

/** Returns whether the file was written. */
export function writeDumpFile(file: string, dump: DumpText): boolean {
  const digest = dump.header.digest;
  if (digest !== undefined && digestOnDisk(file) === digest) return false;
  // Renamed into place. Written in place, a dump cut short by a kill would keep its new header,
  // and the next run, seeing that digest, would leave the rest missing (tests/query-cli/crash.test.ts).
  const temp = `${file}.${process.pid}${TEMP_SUFFIX}`;
  const { header, lines } = dump;
  if (lines.every((l) => typeof l === 'string')) writeFileSync(temp, dumpText(header, lines as string[]));
  else writeChunks(temp, [JSON.stringify(header), ...lines]);
  renameSync(temp, file);
  return true;
}

/** Writes each chunk followed by a newline, byte runs as they are: a resumed dump is mostly runs of the last one. */
function writeChunks(file: string, chunks: ReadonlyArray<string | Uint8Array>): void {
  const newline = Buffer.from('\n');
  const fd = openSync(file, 'w');
  try {
    for (const chunk of chunks) for (const bytes of [typeof chunk === 'string' ? Buffer.from(chunk) : chunk, newline]) {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

/** A file being written beside the dumps (a dump, the snapshot, the surface image…) is `<file>.<pid>.tmp` until it is complete. */
const TEMP_SUFFIX = '.tmp';

/**
 * Whether the file `name` in the dumps directory is one a killed writer left half written, not one
 * a running process is writing: a dump, or the 22 MB surface image of std, would stay for good.
 */
export function isAbandonedTemp(name: string): boolean {
  if (!name.endsWith(TEMP_SUFFIX)) return false;
  const pid = Number(name.slice(0, -TEMP_SUFFIX.length).split('.').pop());
  if (!Number.isInteger(pid) || pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/** The digest of the dump at `file`; undefined when there is no readable dump there, or no digest. */
export function digestOnDisk(file: string): string | undefined {
  try {
    return readDumpDigest(file);
  } catch {
    return undefined;
  }
}
