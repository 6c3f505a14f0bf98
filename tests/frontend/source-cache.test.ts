// What a long-running process keeps between analyses: parsed files (SourceCache) and dump files
// that are not rewritten when their digest is unchanged (writeDumpFile).
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceCache } from '../../frontend/src/crate/source-cache.js';
import { writeDumpFile } from '../../frontend/src/dump/write-file.js';
import { parseDump } from '../../schema/src/index.js';
import { sampleDump } from '../schema/sample-dump.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'xref-sources-'));
const past = (file: string, secondsAgo: number) => {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(file, t, t);
};

describe('SourceCache', () => {
  it('reuses an unchanged file, one rewritten with the same bytes, and parses a changed one again', () => {
    const root = dir();
    const file = path.join(root, 'lib.rs');
    writeFileSync(file, 'pub fn a() -> u8 { 1 }\n\npub fn b() -> u8 { 2 }\n');
    past(file, 60);
    const cache = new SourceCache();
    const first = cache.read(file, root, '2021');
    expect(cache.read(file, root, '2021')).toBe(first);

    writeFileSync(file, readFileSync(file));
    expect(cache.read(file, root, '2021')).toBe(first);
    expect(cache.takeStats()).toEqual({ reused: 2, parsed: 1 });

    writeFileSync(file, 'pub fn a() -> u8 { 1 }\n\npub fn b() -> u8 { 3 }\n');
    const edited = cache.read(file, root, '2021');
    expect(edited).not.toBe(first);
    expect(edited.parsed.items.map((i) => ('name' in i && i.name ? i.name.text : ''))).toEqual(['a', 'b']);
    expect(edited.entry.hash).not.toBe(first.entry.hash);
    // Another edition is another parse, even of the same bytes.
    expect(cache.read(file, root, '2015')).not.toBe(edited);
  });

  it('checks the bytes of a file whose mtime is too recent to trust', () => {
    const root = dir();
    const file = path.join(root, 'lib.rs');
    writeFileSync(file, 'fn a() {}\n');
    const cache = new SourceCache();
    const first = cache.read(file, root, '2021');
    const { mtimeMs, size } = statSync(file);
    // Same size, same mtime, other bytes: written within the mtime's granularity.
    writeFileSync(file, 'fn b() {}\n');
    utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
    expect(statSync(file).size).toBe(size);
    const again = cache.read(file, root, '2021');
    expect(again).not.toBe(first);
    expect(again.parsed.items[0]).toMatchObject({ name: { text: 'b' } });
  });
});

describe('writeDumpFile', () => {
  it('leaves a dump file alone when it holds the same digest, and rewrites it otherwise', () => {
    const file = path.join(dir(), 'x.jsonl');
    const sample = sampleDump();
    const dump = { header: { ...sample.header, digest: 'd1' }, lines: sample.items.map((i) => JSON.stringify(i)) };
    expect(writeDumpFile(file, dump)).toBe(true);
    expect(parseDump(readFileSync(file, 'utf8'), file)).toEqual({ ...sample, header: dump.header });
    expect(writeDumpFile(file, dump)).toBe(false);
    const changed = { header: { ...dump.header, digest: 'd2' }, lines: dump.lines.slice(1) };
    expect(writeDumpFile(file, changed)).toBe(true);
    expect(parseDump(readFileSync(file, 'utf8'), file).items).toHaveLength(dump.lines.length - 1);
    const undigested = { ...dump, header: { ...dump.header, digest: undefined } };
    expect(writeDumpFile(file, undigested)).toBe(true);
    expect(writeDumpFile(file, undigested)).toBe(true);
  });
});
