import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DumpFormatError, SCHEMA_VERSION, SchemaVersionError, parseDump, parseDumpHeader, readDumpDigest, readDumpHeader, readDumpIdentity, serializeDump,
} from '../../schema/src/index.js';
import { IDS, sampleDump } from './sample-dump.js';

const SOURCE_NAME = 'target/xref/shapes.jsonl';

/** The sample dump as text, with line `index` (0 = header) replaced by `edit`'s result. */
function editedLine(index: number, edit: (line: string) => string): string {
  const lines = serializeDump(sampleDump()).split('\n');
  lines[index] = edit(lines[index]);
  return lines.join('\n');
}

function parseError(text: string): Error {
  try {
    parseDump(text, SOURCE_NAME);
  } catch (e) {
    return e as Error;
  }
  throw new Error('parseDump accepted a broken dump');
}

describe('serializeDump / parseDump', () => {
  it('round-trips a dump exactly', () => {
    const dump = sampleDump();
    const text = serializeDump(dump);
    const parsed = parseDump(text, SOURCE_NAME);
    expect(parsed).toEqual(dump);
    expect(serializeDump(parsed)).toBe(text);
  });

  it('writes the header then one item per line, ending with a newline', () => {
    const dump = sampleDump();
    const lines = serializeDump(dump).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(dump.items.length + 1);
    expect(JSON.parse(lines[0]).schemaVersion).toBe(SCHEMA_VERSION);
    expect(lines.slice(1).map((l) => JSON.parse(l).item)).toEqual(dump.items.map((it) => it.item));
  });

  it('accepts a dump without the final newline and with CRLF line ends', () => {
    const text = serializeDump(sampleDump());
    expect(parseDump(text.slice(0, -1), SOURCE_NAME).items).toHaveLength(4);
    expect(parseDump(text.replace(/\n/g, '\r\n'), SOURCE_NAME)).toEqual(sampleDump());
  });

  it('accepts a newer minor version and keeps the fields it added', () => {
    const text = editedLine(0, (l) => l.replace(`"schemaVersion":"${SCHEMA_VERSION}"`, '"schemaVersion":"1.9.0","target":"wasm32"'));
    const dump = parseDump(text, SOURCE_NAME);
    expect(dump.header.schemaVersion).toBe('1.9.0');
    expect((dump.header as unknown as Record<string, unknown>).target).toBe('wasm32');
  });
});

describe('parseDump refuses broken dumps with a one-line message naming file and line', () => {
  it('refuses another major version', () => {
    const error = parseError(editedLine(0, (l) => l.replace(`"schemaVersion":"${SCHEMA_VERSION}"`, '"schemaVersion":"2.0.0"')));
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect(error.message).toBe(
      `${SOURCE_NAME}:1: dump schema 2.0.0 is not readable by this xref (reads 1.x); re-run the front end that matches it`,
    );
  });

  it('refuses a schemaVersion that is not semver', () => {
    const error = parseError(editedLine(0, (l) => l.replace(`"schemaVersion":"${SCHEMA_VERSION}"`, '"schemaVersion":1')));
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect(error.message).toBe(`${SOURCE_NAME}:1: dump has no valid schemaVersion (got 1)`);
  });

  it('refuses a line that is not JSON', () => {
    const error = parseError(editedLine(3, (l) => l.slice(0, 40)));
    expect(error).toBeInstanceOf(DumpFormatError);
    expect(error.message).toBe(`${SOURCE_NAME}:4: not valid JSON`);
  });

  it('refuses a dump whose first line is an item, not a header', () => {
    const text = serializeDump(sampleDump()).split('\n').slice(1).join('\n');
    expect(parseError(text).message).toBe(`${SOURCE_NAME}:1: first line is not a dump header (no schemaVersion)`);
  });

  it('refuses an empty dump', () => {
    expect(parseError('').message).toBe(`${SOURCE_NAME}: empty dump`);
  });

  it('passes on the validator problem with its line', () => {
    const text = editedLine(4, (l) => l.replace('"role":"call"', '"role":"invoke"'));
    const error = parseError(text);
    expect(error).toBeInstanceOf(DumpFormatError);
    expect(error.message).toMatch(new RegExp(`^${SOURCE_NAME}:5: item '${escape(IDS.total)}' ref 3: role "invoke" is not one of read, `));
    expect(error.message).not.toContain('\n');
  });

  it('refuses a ref with both target and candidates', () => {
    const text = editedLine(4, (l) => l.replace('"role":"method",', `"role":"method","target":"${IDS.area}",`));
    expect(parseError(text).message).toBe(
      `${SOURCE_NAME}:5: item '${IDS.total}' ref 2: needs exactly one of target, candidates, unresolved but has target and candidates`,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('parseDumpHeader', () => {
  it('reads the header from the first line, whatever follows it', () => {
    const text = serializeDump(sampleDump());
    expect(parseDumpHeader(text, SOURCE_NAME)).toEqual(sampleDump().header);
    expect(parseDumpHeader(text.split('\n')[0] + '\nnot json at all\n', SOURCE_NAME)).toEqual(sampleDump().header);
  });

  it('refuses an empty dump, a first line that is no header and a header of another major', () => {
    expect(() => parseDumpHeader('', SOURCE_NAME)).toThrow(new DumpFormatError(`${SOURCE_NAME}: empty dump`));
    expect(() => parseDumpHeader('{"item":"x"}\n', SOURCE_NAME)).toThrow(/:1: first line is not a dump header/);
    expect(() => parseDumpHeader('{"schemaVersion":"2.0.0"}', SOURCE_NAME)).toThrow(SchemaVersionError);
  });
});

describe('readDumpHeader', () => {
  it('reads a header longer than one read chunk from a file, and names the file in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xref-header-'));
    const dump = sampleDump();
    dump.header.digest = 'x'.repeat(200_000);
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, serializeDump(dump));
    expect(readDumpHeader(file)).toEqual(dump.header);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"schemaVersion":\n');
    expect(() => readDumpHeader(bad)).toThrow(new DumpFormatError(`${bad}:1: not valid JSON`));
    expect(() => readDumpHeader(join(dir, 'gone.jsonl'))).toThrow(/ENOENT/);
  });
});

/** The sample dump, with digest 0123456789abcdef, written to a file of its own. */
function digestedDumpFile(): { file: string; dump: ReturnType<typeof sampleDump> } {
  const file = join(mkdtempSync(join(tmpdir(), 'xref-digest-')), 'd.jsonl');
  const dump = sampleDump();
  dump.header.digest = '0123456789abcdef';
  writeFileSync(file, serializeDump(dump));
  return { file, dump };
}

describe('readDumpDigest', () => {
  it('reads the digest closing a header without parsing it, and parses a header it does not close', () => {
    const { file, dump } = digestedDumpFile();
    expect(readDumpDigest(file)).toBe('0123456789abcdef');
    // Not parsed: a header broken before its closing digest still gives the digest.
    writeFileSync(file, `{"schemaVersion":1,"digest":"0123456789abcdef"}\n`);
    expect(readDumpDigest(file)).toBe('0123456789abcdef');
    // A digest elsewhere in the header (another writer's order) is found by parsing it.
    const { digest, ...rest } = dump.header;
    writeFileSync(file, `${JSON.stringify({ digest, ...rest })}\n`);
    expect(readDumpDigest(file)).toBe('0123456789abcdef');
    writeFileSync(file, `${JSON.stringify(rest)}\n`);
    expect(readDumpDigest(file)).toBeUndefined();
    writeFileSync(file, '{"schemaVersion":\n');
    expect(() => readDumpDigest(file)).toThrow(DumpFormatError);
  });
});

describe('readDumpIdentity', () => {
  it('cuts the crate and digest from a header laid out as written, and parses any other', () => {
    const { file, dump } = digestedDumpFile();
    expect(readDumpIdentity(file)).toEqual({ crate: dump.header.crate, digest: '0123456789abcdef' });
    // Not parsed whole: line tables that do not check do not matter to it.
    writeFileSync(file, serializeDump(dump).replace('"files":[', '"files":["not a file entry",'));
    expect(readDumpIdentity(file)).toEqual({ crate: dump.header.crate, digest: '0123456789abcdef' });
    // Another writer's order is parsed, and checked.
    const { digest, ...rest } = dump.header;
    writeFileSync(file, `${JSON.stringify({ digest, ...rest })}\n`);
    expect(readDumpIdentity(file).digest).toBe('0123456789abcdef');
    writeFileSync(file, '{"schemaVersion":\n');
    expect(() => readDumpIdentity(file)).toThrow(DumpFormatError);
  });
});
