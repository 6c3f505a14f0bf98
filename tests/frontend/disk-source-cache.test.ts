// Parsed files kept on disk between one-shot analyses (DiskSourceCache): a hit is the file as a
// parse gives it, a changed or damaged entry is parsed again, and only wanted entries stay.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskSourceCache } from '../../frontend/src/crate/disk-source-cache.js';
import { readSourceFile, type SourceFile, type SourceReader } from '../../frontend/src/crate/modules.js';
import { lex } from '../../frontend/src/syntax/lexer.js';
import { parseItems } from '../../frontend/src/syntax/parse.js';

const SOURCE = '//! A crate.\n\n/// Doubles.\npub fn double(x: u8) -> u8 {\n    let y = x;\n    y * 2\n}\n\npub struct S { pub a: u8 }\nimpl S { fn broken( }\n';

function setUp() {
  const root = mkdtempSync(path.join(tmpdir(), 'xref-disk-sources-'));
  const file = path.join(root, 'src', 'lib.rs');
  mkdirSync(path.dirname(file));
  writeFileSync(file, SOURCE);
  const parses: string[] = [];
  const parse: SourceReader = async (abs, edition) => {
    parses.push(abs);
    return readSourceFile(abs, root, edition);
  };
  const cacheDir = path.join(root, 'parsed');
  const cache = new DiskSourceCache(cacheDir, 'f'.repeat(40));
  return { root, file, parses, parse, read: cache.readerOver(parse, root), cache, cacheDir };
}

/** A file as plain data, typed arrays as arrays, so that two reads compare by value. */
function plain(file: SourceFile): unknown {
  return JSON.parse(JSON.stringify(file, (_k, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Uint8Array)] : v)));
}

describe('DiskSourceCache', () => {
  it('gives back the file as a parse gives it, syntax errors too, without parsing it again', async () => {
    const { root, file, parses, read } = setUp();
    const first = await read(file, '2021');
    expect(first.parsed.errors.length).toBeGreaterThan(0);
    const again = await read(file, '2021');
    expect(parses).toHaveLength(1);
    expect(plain(again)).toEqual(plain(readSourceFile(file, root, '2021')));
    // Another edition lexes differently: an entry of its own.
    await read(file, '2015');
    expect(parses).toHaveLength(2);
  });

  it('parses a changed file again, and a damaged entry', async () => {
    const { root, file, parses, read, cacheDir } = setUp();
    await read(file, '2021');
    writeFileSync(file, SOURCE.replace('y * 2', 'y * 3'));
    const changed = await read(file, '2021');
    expect(parses).toHaveLength(2);
    expect(plain(changed)).toEqual(plain(readSourceFile(file, root, '2021')));
    const [build] = readdirSync(cacheDir);
    for (const entry of readdirSync(path.join(cacheDir, build))) writeFileSync(path.join(cacheDir, build, entry), 'not an entry');
    expect(plain(await read(file, '2021'))).toEqual(plain(changed));
    expect(parses).toHaveLength(3);
    // The damaged entry was replaced.
    await read(file, '2021');
    expect(parses).toHaveLength(3);
  });

  it('only writes entries when told not to reuse them (a full index)', async () => {
    const { root, file, parses, parse, cacheDir } = setUp();
    const writeOnly = new DiskSourceCache(cacheDir, 'f'.repeat(40), false).readerOver(parse, root);
    await writeOnly(file, '2021');
    await writeOnly(file, '2021');
    expect(parses).toHaveLength(2);
    await new DiskSourceCache(cacheDir, 'f'.repeat(40)).readerOver(parse, root)(file, '2021');
    expect(parses).toHaveLength(2);
  });

  it("keeps a crate's macro expansions' parses for the next analysis, while the crate is kept", () => {
    const { cacheDir } = setUp();
    const ts = lex(new TextEncoder().encode('pub fn made() -> u8 { 1 }\npub struct Made;\n'));
    let parses = 0;
    const parse = () => {
      parses++;
      return parseItems(ts, [0, ts.count]);
    };
    const first = new DiskSourceCache(cacheDir, 'f'.repeat(40));
    const parsed = first.expansionsOf('crate a').parsed(ts, parse);
    expect(parses).toBe(1);
    first.writeExpansions();
    const next = new DiskSourceCache(cacheDir, 'f'.repeat(40));
    expect(next.expansionsOf('crate a').parsed(ts, parse)).toEqual(JSON.parse(JSON.stringify(parsed)));
    expect(parses).toBe(1);
    // Another crate's, or a full analysis's (no reuse), are parsed again.
    next.expansionsOf('crate b').parsed(ts, parse);
    new DiskSourceCache(cacheDir, 'f'.repeat(40), false).expansionsOf('crate a').parsed(ts, parse);
    expect(parses).toBe(3);
    next.keepOnly(new Set(), ['crate b']);
    expect(new DiskSourceCache(cacheDir, 'f'.repeat(40)).expansionsOf('crate a').parsed(ts, parse)).toBeDefined();
    expect(parses).toBe(4);
  });

  it('keeps only the entries of the hashes asked for, and no other build', async () => {
    const { file, read, cache, cacheDir, root } = setUp();
    const kept = await read(file, '2021');
    writeFileSync(file, SOURCE.replace('y * 2', 'y * 3'));
    await read(file, '2021');
    mkdirSync(path.join(cacheDir, 'another-build'));
    const [build0] = readdirSync(cacheDir).filter((d) => d !== 'another-build');
    writeFileSync(path.join(cacheDir, build0, `${kept.entry.hash}-2021.v8.123.tmp`), 'half written');
    cache.keepOnly(new Set([kept.entry.hash]), []);
    const [build, ...others] = readdirSync(cacheDir);
    expect(others).toEqual([]);
    expect(readdirSync(path.join(cacheDir, build))).toEqual([`${kept.entry.hash}-2021.v8`]);
    new DiskSourceCache(path.join(root, 'nothing-yet'), 'f'.repeat(40)).keepOnly(new Set(), []);
    expect(existsSync(path.join(root, 'nothing-yet'))).toBe(false);
  });
});
