// `xref parse`: syntax errors as FILE:LINE:COL lines or a JSON report, and its exit codes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, xref } from './cli.js';

let dir: string;

const GOOD = `/// Fine.
pub fn good(x: u32) -> u32 {
    x + 1
}
`;

// An item error (a param without a type) and a body error (an operator without its operand),
// after a multibyte character: columns count characters.
const BROKEN = `fn ok() {}

fn bad(x: ) {}

fn body() {
    let é = 1 +;
}
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xref-parse-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'good.rs'), GOOD);
  writeFileSync(join(dir, 'src', 'broken.rs'), BROKEN);
  // Skipped: build output and hidden directories.
  for (const skipped of ['target', '.git']) {
    mkdirSync(join(dir, skipped));
    writeFileSync(join(dir, skipped, 'junk.rs'), 'fn (');
  }
}, 120_000);

afterAll(() => removeDir(dir));

describe('xref parse', () => {
  it('prints each syntax error as FILE:LINE:COL: message and exits with 1', () => {
    const run = xref(['parse', '.'], { cwd: dir });
    expect(run.stdout).toBe(
      "src/broken.rs:3:11: expected one of type, '...' but found ')'\n" +
      "src/broken.rs:6:16: expected expression but found ';'\n",
    );
    expect(run.stderr).toBe('xref: 2 syntax errors in 1 file\n');
    expect(run.code).toBe(1);
  });

  it('prints nothing and exits with 0 when the files parse', () => {
    const run = xref(['parse', 'src/good.rs'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints a JSON report, the same with one worker thread or two', () => {
    const reports = ['1', '2'].map((workers) => {
      const run = xref(['parse', 'src', 'target/junk.rs', '--json', '--workers', workers], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      return JSON.parse(run.stdout);
    });
    const [one, two] = reports;
    expect(one).toMatchObject({
      files: 3,
      bytes: GOOD.length + Buffer.byteLength(BROKEN) + 'fn ('.length,
      items: 5,
      workers: 1,
      syntaxErrors: [
        { file: 'src/broken.rs', line: 3, col: 11, message: "expected one of type, '...' but found ')'" },
        { file: 'src/broken.rs', line: 6, col: 16, message: "expected expression but found ';'" },
        { file: 'target/junk.rs', line: 1, col: 4, message: "unclosed delimiter '('" },
      ],
    });
    expect(two.workers).toBe(2);
    const { seconds: _s1, mbPerSec: _m1, peakRssMb: _p1, workers: _w1, ...sameOne } = one;
    const { seconds: _s2, mbPerSec: _m2, peakRssMb: _p2, workers: _w2, ...sameTwo } = two;
    expect(sameTwo).toEqual(sameOne);
    for (const r of reports) for (const k of ['seconds', 'mbPerSec', 'peakRssMb']) expect(r[k]).toBeGreaterThanOrEqual(0);
  });

  it('rejects a path that does not exist, a bad --workers and a missing PATH (exit 2)', () => {
    for (const [args, message] of [
      [['parse', 'src', 'nope'], 'xref: no such file or directory: nope\n'],
      [['parse', 'src', '--workers', '0'], "xref: bad --workers '0': expected a whole number, 1 or more\n"],
      [['parse'], "xref: missing PATH (see 'xref parse --help')\n"],
    ] as const) {
      const run = xref([...args], { cwd: dir });
      expect(run).toEqual({ code: 2, stdout: '', stderr: message });
    }
  });
});
