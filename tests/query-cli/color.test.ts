// When text output is coloured, and what the colour looks like: unit tests of color.ts and the
// excerpt highlighting in output.ts, then the CLI with FORCE_COLOR / NO_COLOR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { colorEnabled, paintFor } from '../../query-cli/src/color.js';
import { locationLine, SourceLines } from '../../query-cli/src/output.js';
import { copyExample, golden, indexedExample, removeDir, xref } from './cli.js';

const ESC = '\x1b[';
/** The test's own environment may set either variable: each run says both. */
const FORCED = { FORCE_COLOR: '1', NO_COLOR: '' };
const PLAIN = { FORCE_COLOR: '', NO_COLOR: '' };

describe('colorEnabled', () => {
  it('follows the terminal unless NO_COLOR or FORCE_COLOR says otherwise', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('is off with NO_COLOR set and non-empty, whatever FORCE_COLOR says', () => {
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    // An empty NO_COLOR does not count (no-color.org).
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });

  it('is on with FORCE_COLOR on a pipe, except FORCE_COLOR=0 or false', () => {
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
  });
});

describe('painted text', () => {
  const on = paintFor(true);
  const off = paintFor(false);

  it('colours path, line and column of a location line, and nothing without colour', () => {
    const place = { file: 'src/lib.rs', line: 3, col: 8 };
    expect(locationLine(place, 'fn f', off)).toBe('src/lib.rs:3:8: fn f');
    const coloured = locationLine(place, 'fn f', on);
    expect(coloured).toBe(`${ESC}35msrc/lib.rs${ESC}0m:${ESC}32m3${ESC}0m:${ESC}32m8${ESC}0m: fn f`);
    expect(stripAnsi(coloured)).toBe('src/lib.rs:3:8: fn f');
  });

  it('highlights the identifier in an excerpt, counting columns in characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xref-color-'));
    // 'é' is 2 bytes and 1 character: the highlight must still land on `area`.
    writeFileSync(join(dir, 'a.rs'), 'fn main() {\n    let é = shape.area();\n}\n');
    const span = { line: 2, col: 19, endLine: 2, endCol: 23 };
    expect(new SourceLines(dir, on).excerpt('a.rs', 2, span)).toEqual([`    let é = shape.${ESC}1;31marea${ESC}0m();`]);
    expect(new SourceLines(dir, off).excerpt('a.rs', 2, span)).toEqual(['    let é = shape.area();']);
    // A span on another line (a multi-line impl) highlights nothing.
    expect(new SourceLines(dir, on).excerpt('a.rs', 2, { line: 1, col: 1, endLine: 3, endCol: 2 })).toEqual(['    let é = shape.area();']);
    removeDir(dir);
  });
});

describe('the CLI', () => {
  let ws: string;
  beforeAll(() => {
    ws = indexedExample();
  }, 120_000);
  afterAll(() => removeDir(ws));

  const commands = [
    ['def', 'canvas/src/bin/draw.rs:9:24'],
    ['refs', 'geometry::shapes::Shape::area'],
    ['impls', 'geometry::shapes::Shape'],
    ['hover', 'canvas/src/bin/draw.rs:9:24'],
    ['symbols', 'geometry/src/shapes/circle.rs'],
    ['callers', 'geometry::shapes::Shape::area'],
  ];

  it('colours text with FORCE_COLOR=1, and the text under the colour is the plain output', () => {
    for (const args of commands) {
      const plain = xref(args, { cwd: ws, env: PLAIN });
      const coloured = xref(args, { cwd: ws, env: FORCED });
      expect(coloured.code).toBe(0);
      expect(plain.stdout).not.toContain(ESC);
      expect(coloured.stdout).toContain(ESC);
      expect(stripAnsi(coloured.stdout)).toBe(plain.stdout);
    }
  }, 60_000);

  it('highlights the identifier in each excerpt of refs', () => {
    const run = xref(['refs', 'geometry::shapes::Shape::area'], { cwd: ws, env: FORCED });
    const excerpts = run.stdout.split('\n').filter((l) => l.startsWith('    '));
    expect(excerpts.length).toBeGreaterThan(0);
    for (const line of excerpts) expect(line).toContain(`${ESC}1;31marea${ESC}0m`);
  });

  it('prints no colour with NO_COLOR, nor in JSON, and goldens (no terminal) stay plain', () => {
    const run = xref(['def', 'canvas/src/bin/draw.rs:9:24'], { cwd: ws, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(run.stdout).toBe(golden('def-circle-new.txt', run.stdout));
    const json = xref(['refs', '--json', 'geometry::shapes::Shape::area'], { cwd: ws, env: FORCED });
    expect(json.stdout).not.toContain(ESC);
    JSON.parse(json.stdout);
  });

  it('colours index diagnostics on stderr by the same rules', () => {
    const broken = copyExample();
    try {
      writeFileSync(join(broken, 'geometry', 'src', 'ops.rs'), '\nfn broken( {\n', { flag: 'a' });
      const run = xref(['index'], { cwd: broken, env: FORCED });
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`^${escape(ESC)}35mgeometry/src/ops\\.rs`));
      expect(run.stdout).toMatch(/^indexed /);
      const plain = xref(['index', '--full'], { cwd: broken, env: PLAIN });
      expect(plain.stderr).not.toContain(ESC);
    } finally {
      removeDir(broken);
    }
  }, 60_000);
});

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

function escape(text: string): string {
  return text.replace(/[[\]\\^$.|?*+()]/g, '\\$&');
}
