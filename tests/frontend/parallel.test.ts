// parsePaths: which files it reads, what it reports, and that worker threads change nothing
// but the time. Worker threads run the compiled scripts in dist/, so the project is built first.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaths, PathNotFoundError, type ParseReport } from '../../frontend/src/parse-paths.js';
import { compiledScript, runOnWorkers } from '../../frontend/src/parallel/pool.js';
import { REPO, removeDir } from '../query-cli/cli.js';

let dir: string;

const files: Record<string, string> = {
  'lib.rs': 'pub mod a;\npub fn f() -> u8 { 1 }\n',
  'a/mod.rs': 'struct S { x: u8 }\nimpl S {\n    fn g(&self) -> u8 { self.x }\n}\n',
  // A body error after multibyte characters: the column counts characters, not bytes.
  'a/bad.rs': 'fn ok() {}\n\nfn body() {\n    let s = "ééé"; let t = s +;\n}\n',
  'a/notes.txt': 'fn (',
  'target/debug/gen.rs': 'fn (',
  '.hidden/x.rs': 'fn (',
  'b/latin1.rs': '',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xref-parallel-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, 'b', 'latin1.rs'), Uint8Array.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]));
}, 120_000);

afterAll(() => removeDir(dir));

const shown = (name: string) => relative(process.cwd(), join(dir, name));

function withoutTimes(report: ParseReport) {
  const { seconds: _s, mbPerSec: _m, peakRssMb: _p, workers: _w, ...rest } = report;
  return rest;
}

describe('parsePaths', () => {
  it('parses the .rs files under a directory, skipping target/ and hidden directories', async () => {
    const report = await parsePaths([dir], { workers: 1 });
    expect(report).toMatchObject({
      files: 4,
      bytes: Buffer.byteLength(files['lib.rs'] + files['a/mod.rs'] + files['a/bad.rs']) + 5,
      items: 2 + 2 + 2,
      workers: 1,
      syntaxErrors: [
        { file: shown('a/bad.rs'), line: 4, col: 31, message: "expected expression but found ';'" },
        { file: shown('b/latin1.rs'), line: 1, col: 1, message: 'not UTF-8: invalid UTF-8 at byte 3' },
      ],
    });
    expect(Number.isFinite(report.mbPerSec)).toBe(true);
    expect(report.peakRssMb).toBeGreaterThan(0);
  });

  it('takes a file named directly whatever its name, and each file once', async () => {
    const report = await parsePaths([join(dir, 'a', 'notes.txt'), join(dir, 'a'), join(dir, 'a', 'mod.rs')], { workers: 1 });
    expect(report.files).toBe(3);
    expect(report.syntaxErrors.map((e) => [e.file, e.message])).toEqual([
      [shown('a/bad.rs'), "expected expression but found ';'"],
      [shown('a/notes.txt'), "unclosed delimiter '('"],
    ]);
  });

  it('reports the same with two worker threads as in this thread', async () => {
    const inThread = await parsePaths([dir], { workers: 1 });
    const onWorkers = await parsePaths([dir], { workers: 2 });
    expect(onWorkers.workers).toBe(2);
    expect(withoutTimes(onWorkers)).toEqual(withoutTimes(inThread));
  });

  it('throws PathNotFoundError for a path that does not exist', async () => {
    await expect(parsePaths([dir, join(dir, 'nope')])).rejects.toThrow(PathNotFoundError);
    await expect(parsePaths([join(dir, 'nope')])).rejects.toThrow(/^no such file or directory: .*nope$/);
  });
});

describe('worker pool', () => {
  const worker = () => compiledScript(new URL('../../frontend/src/parse-paths.ts', import.meta.url).href, './parallel/parse-worker.js');

  it('finds the compiled worker in dist/ from the TypeScript sources, next to the module otherwise', () => {
    expect(worker().href).toBe(pathToFileURL(join(REPO, 'dist', 'frontend', 'src', 'parallel', 'parse-worker.js')).href);
    expect(compiledScript('file:///app/dist/frontend/src/parse-paths.js', './parallel/parse-worker.js').href)
      .toBe('file:///app/dist/frontend/src/parallel/parse-worker.js');
  });

  it('passes a job that fails in a worker on as an error', async () => {
    const jobs = [{ abs: join(dir, 'lib.rs'), file: 'lib.rs' }, { abs: join(dir, 'gone.rs'), file: 'gone.rs' }];
    await expect(runOnWorkers(worker(), jobs, 2)).rejects.toThrow(/ENOENT.*gone\.rs/);
  });

  it('returns the results in job order', async () => {
    const names = ['lib.rs', 'a/mod.rs', 'a/bad.rs', 'lib.rs'];
    const results = await runOnWorkers<{ abs: string; file: string }, { bytes: number }>(
      worker(), names.map((n) => ({ abs: join(dir, n), file: n })), 2,
    );
    expect(results.map((r) => r.bytes)).toEqual(names.map((n) => Buffer.byteLength(files[n])));
  });
});
