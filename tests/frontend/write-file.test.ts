// A dump file is replaced whole or not at all. A writer killed halfway used to leave the new
// header over a cut-off body, and the next run, finding the digest it meant to write, left the
// file as it was: the indexer then refused the dump (tests/query-cli/crash.test.ts, rarely).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { digestOnDisk, writeDumpFile } from '../../frontend/src/dump/write-file.js';
import { removeStaleDumps } from '../../frontend/src/analyze.js';
import { parseDump } from '../../schema/src/index.js';
import { sampleDump } from '../schema/sample-dump.js';

/** Set to a length to make the next write of a dump stop there and throw, as a kill would. */
const killed = vi.hoisted(() => ({ after: -1 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = ((file: Parameters<typeof fs.writeFileSync>[0], data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    if (killed.after >= 0 && typeof data === 'string') {
      fs.writeFileSync(file, data.slice(0, killed.after));
      killed.after = -1;
      throw new Error('killed');
    }
    return (fs.writeFileSync as (...args: unknown[]) => void)(file, data, ...rest);
  }) as typeof fs.writeFileSync;
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dumpText(digest: string, items: number) {
  const sample = sampleDump();
  return { header: { ...sample.header, digest }, lines: sample.items.slice(0, items).map((i) => JSON.stringify(i)) };
}

describe('writeDumpFile', () => {
  it('leaves the old dump when the write of a new one is cut short, and writes the new one next time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xref-write-'));
    dirs.push(dir);
    const file = path.join(dir, 'c-0.1.0-lib-c.jsonl');
    const before = dumpText('aaaa', 1);
    const after = dumpText('bbbb', sampleDump().items.length);
    writeDumpFile(file, before);

    // Cut after the new header and a few bytes of the items.
    killed.after = JSON.stringify(after.header).length + 10;
    expect(() => writeDumpFile(file, after)).toThrow('killed');
    expect(digestOnDisk(file)).toBe('aaaa');
    expect(parseDump(readFileSync(file, 'utf8'), file).items).toHaveLength(1);
    // What a killed write left beside it is removed with the stale dumps; what a running
    // process (here the test's parent) is writing is not.
    const left = readdirSync(dir).filter((f) => f !== path.basename(file));
    expect(left).toHaveLength(1);
    const another = `${path.basename(file)}.${process.ppid}.tmp`;
    writeFileSync(path.join(dir, another), '');
    const gone = `${path.basename(file)}.99999999.tmp`;
    writeFileSync(path.join(dir, gone), '');
    // Other files written beside the dumps are removed so too (the surface image is megabytes).
    writeFileSync(path.join(dir, 'surface.img.99999999.tmp'), '');
    removeStaleDumps(dir, [file]);
    expect(readdirSync(dir).sort()).toEqual([path.basename(file), another].sort());
    rmSync(path.join(dir, another));

    expect(writeDumpFile(file, after)).toBe(true);
    expect(parseDump(readFileSync(file, 'utf8'), file).items).toHaveLength(after.lines.length);
    expect(readdirSync(dir)).toEqual([path.basename(file)]);
  });
});
