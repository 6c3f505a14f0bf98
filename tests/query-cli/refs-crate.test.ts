// `xref refs TARGET --crate NAME`: only the references held by items of that crate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedExample, jsonLines, removeDir, xref } from './cli.js';

interface Answer {
  query: string;
  crates?: string[];
  references: Array<{ file: string; line: number; col: number; role: string }>;
}

const TARGET = 'geometry::shapes::Shape::area';
let ws: string;

beforeAll(() => {
  ws = indexedExample();
}, 120_000);

afterAll(() => removeDir(ws));

function refs(...args: string[]): Answer {
  const run = xref(['refs', '--json', ...args], { cwd: ws });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Answer;
}

const place = (r: Answer['references'][number]) => `${r.file}:${r.line}:${r.col}:${r.role}`;

describe('xref refs --crate', () => {
  it("splits a symbol's references among the crates that hold them", () => {
    const all = refs(TARGET).references.map(place);
    const byCrate = ['geometry', 'canvas', 'draw'].map((crate) => refs(TARGET, '--crate', crate).references.map(place));
    expect(byCrate.every((list) => list.length > 0)).toBe(true);
    expect(byCrate.flat().sort()).toEqual([...all].sort());
    // canvas (the lib) and draw (the bin in canvas/src/bin) are two crates of one package.
    expect(byCrate[1].every((p) => p.startsWith('canvas/src/') && !p.startsWith('canvas/src/bin/'))).toBe(true);
    expect(byCrate[2]).toEqual(['canvas/src/bin/draw.rs:10:26:method']);
  });

  it('takes a crate id as well as a name, and says which crates it kept in JSON', () => {
    const answer = refs(TARGET, '--crate', 'cargo draw:bin 0.1.0');
    expect(answer.crates).toEqual(['cargo draw:bin 0.1.0']);
    expect(answer.references.map(place)).toEqual(['canvas/src/bin/draw.rs:10:26:method']);
    expect(refs(TARGET).crates).toBeUndefined();
  });

  it('prints the text count of the kept references, with exit 1 when none is left', () => {
    const run = xref(['refs', TARGET, '--crate', 'draw'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 reference in 1 file');
    const none = xref(['refs', 'geometry::shapes::circle::Circle::new', '--crate', 'geometry'], { cwd: ws });
    expect(none.stdout).toBe('0 references in 0 files\n');
    expect(none.code).toBe(1);
  });

  it('filters each line of a --stdin batch', () => {
    const run = xref(['refs', '--stdin', '--json', '--crate', 'draw'], { cwd: ws, input: `${TARGET}\ngeometry::shapes::circle::Circle::new\n` });
    expect(run.code).toBe(0);
    const [area, circleNew] = jsonLines(run.stdout) as Answer[];
    expect(area.references.map(place)).toEqual(['canvas/src/bin/draw.rs:10:26:method']);
    expect(circleNew.references.length).toBeGreaterThan(0);
    expect(circleNew.references.every((r) => r.file === 'canvas/src/bin/draw.rs')).toBe(true);
  });

  it('refuses an unknown crate in one line that lists the crates, before reading a batch', () => {
    for (const args of [['refs', TARGET, '--crate', 'nope'], ['refs', '--stdin', '--json', '--crate', 'nope']]) {
      const run = xref(args, { cwd: ws, input: `${TARGET}\n` });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe("xref: no crate 'nope' in the index for --crate: the crates are canvas, draw, geometry (see 'xref stats')\n");
    }
  });
});
