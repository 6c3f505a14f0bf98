// `xref search QUERY [--kind] [--crate] [--limit]` end to end on the example workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedExample, removeDir, xref } from './cli.js';

interface Hit {
  file: string;
  line: number;
  col: number;
  qualname: string;
  kind: string;
  name: string;
  match: string;
}

let ws: string;

beforeAll(() => {
  ws = indexedExample();
}, 120_000);

afterAll(() => removeDir(ws));

function hits(args: string[]): Hit[] {
  const run = xref(['search', '--json', ...args], { cwd: ws });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Hit[];
}

describe('xref search', () => {
  it('takes a path ending in a name, and a kind', () => {
    const found = hits(['Shape::area', '--kind', 'method']);
    expect(found[0]).toMatchObject({ file: 'geometry/src/shapes/mod.rs', line: 20, col: 8, qualname: 'geometry::shapes::Shape::area', match: 'exact' });
    // The impls' methods sit in the trait too.
    expect(found.map((h) => h.qualname)).toContain('<canvas::scene::Canvas as geometry::shapes::Shape>::area');
    for (const hit of found) expect(hit.kind).toBe('method');
    expect(hits(['Shape::area', '--kind', 'fn'])).toEqual([]);
  });

  it('finds a path with typos in it', () => {
    const [first] = hits(['Cirlce::nwe']);
    expect(first).toMatchObject({ qualname: 'geometry::shapes::circle::Circle::new', match: 'fuzzy' });
    const text = xref(['search', 'Cirlce::nwe', '--limit', '1'], { cwd: ws });
    expect(text.stdout).toBe('geometry/src/shapes/circle.rs:21:12: fn geometry::shapes::circle::Circle::new\n');
  });

  it('keeps to one crate with --crate, by name', () => {
    const found = hits(['area', '--crate', 'canvas']);
    expect(found.map((h) => h.qualname)).toEqual(['<canvas::scene::Canvas as geometry::shapes::Shape>::area']);
    const none = xref(['search', 'area', '--crate', 'nosuch'], { cwd: ws });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe("xref: no symbol matches 'area'\n");
  });

  it('rejects an unknown kind and a missing query (exit 2)', () => {
    const bad = xref(['search', 'area', '--kind', 'fn,widget'], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^xref: bad --kind 'fn,widget': kinds are crate, mod, struct, .*\n$/);
    expect(bad.stderr).not.toMatch(/local/);
    const missing = xref(['search'], { cwd: ws });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing QUERY/);
  });
});
