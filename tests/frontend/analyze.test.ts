// The front end on small workspaces written by the test: bad input must yield diagnostics
// and lose nothing else.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace, WorkspaceError } from '../../frontend/src/index.js';
import { parseDump, type Dump } from '../../schema/src/index.js';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'xref-fe-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

async function analyze(files: Record<string, string>): Promise<{ dump: Dump; diagnostics: Awaited<ReturnType<typeof analyzeWorkspace>>['diagnostics'] }> {
  const root = workspace(files);
  const result = await analyzeWorkspace(root, { useCargo: false });
  expect(result.dumpFiles).toHaveLength(1);
  return { dump: parseDump(readFileSync(result.dumpFiles[0], 'utf8'), result.dumpFiles[0]), diagnostics: result.diagnostics };
}

const MANIFEST = '[package]\nname = "demo"\nversion = "0.2.0"\nedition = "2021"\n';

describe('analyzeWorkspace', () => {
  it('keeps the good items of a file around a syntax error, and reports it as file:line:col', async () => {
    const { dump, diagnostics } = await analyze({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': 'pub fn before() -> u8 { 1 }\n\npub fn broken( -> u8 { 2 }\n\npub fn after() -> u8 { before() }\n',
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'src/lib.rs', line: 3 });
    const ids = dump.items.map((i) => i.item);
    expect(ids).toContain('cargo demo 0.2.0 before().');
    expect(ids).toContain('cargo demo 0.2.0 after().');
    const broken = dump.items.find((i) => i.kind === 'error');
    expect(broken?.diagnostics[0].message).toBe("unclosed delimiter '('");
    // The item after the error still resolves its call to the item before it.
    const after = dump.items.find((i) => i.item === 'cargo demo 0.2.0 after().')!;
    expect(after.refs.map((r) => r.target)).toContain('cargo demo 0.2.0 before().');
  });

  it('reports a module whose file is missing and still analyzes the rest', async () => {
    const { dump, diagnostics } = await analyze({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': 'mod gone;\nmod here;\npub use here::Thing;\n',
      'src/here.rs': 'pub struct Thing;\n',
    });
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'src/lib.rs', line: 1, col: 5, message: expect.stringMatching(/file not found for module `gone`/) })]);
    const use = dump.items.find((i) => i.kind === 'use')!;
    expect(use.refs.map((r) => r.target)).toContain('cargo demo 0.2.0 here/Thing#');
  });

  it('records items under a false cfg as inactive and resolves nothing to them', async () => {
    const { dump } = await analyze({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': '#[cfg(windows)]\nfn pick() -> u8 { 1 }\n#[cfg(not(windows))]\nfn pick() -> u8 { 2 }\npub fn main() { pick(); }\n',
    });
    const picks = dump.items.filter((i) => i.item.startsWith('cargo demo 0.2.0 pick().'));
    expect(picks.map((p) => [p.item, p.inactive ?? false])).toEqual([
      ['cargo demo 0.2.0 pick().', true],
      ['cargo demo 0.2.0 pick().~2', false],
    ]);
    const main = dump.items.find((i) => i.item === 'cargo demo 0.2.0 main().')!;
    expect(main.refs.find((r) => r.role === 'call')?.target).toBe('cargo demo 0.2.0 pick().~2');
  });

  it('writes the same dumps when files are parsed on worker threads', async () => {
    // A copy of the example workspace plus a module file that does not parse, so that
    // diagnostics and module-tree problems cross the threads too.
    const root = mkdtempSync(path.join(tmpdir(), 'xref-fe-workers-'));
    cpSync(path.resolve(import.meta.dirname, '../../data/example'), root, { recursive: true, filter: (src) => !src.includes('.xref') });
    const lib = path.join(root, 'geometry', 'src', 'lib.rs');
    writeFileSync(lib, readFileSync(lib, 'utf8') + '\npub mod broken;\nmod missing;\n');
    writeFileSync(path.join(root, 'geometry', 'src', 'broken.rs'), 'pub fn ok() {}\nfn bad( {}\npub fn after() { ok() }\n');
    const run = async (workers: number) => {
      const result = await analyzeWorkspace(root, { useCargo: false, workers, outDir: path.join(root, `dumps-${workers}`) });
      return { result, dumps: result.dumpFiles.map((f) => readFileSync(f, 'utf8')) };
    };
    const inThread = await run(1);
    const onWorkers = await run(2);
    expect(inThread.result.diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining([
      "unclosed delimiter '('", expect.stringMatching(/^file not found for module `missing`/),
    ]));
    expect(onWorkers.result.diagnostics).toEqual(inThread.result.diagnostics);
    expect(onWorkers.dumps).toEqual(inThread.dumps);
  });

  it('gives a clear error when there is no Cargo.toml', async () => {
    const root = workspace({ 'src/lib.rs': 'fn f() {}\n' });
    await expect(analyzeWorkspace(path.join(root, 'src'), { useCargo: false })).rejects.toThrow(WorkspaceError);
  });

  it('keeps spans relative to the item, so moving an item keeps its fingerprint', async () => {
    const a = await analyze({ 'Cargo.toml': MANIFEST, 'src/lib.rs': 'pub fn f() -> u8 { g() }\nfn g() -> u8 { 1 }\n' });
    const b = await analyze({ 'Cargo.toml': MANIFEST, 'src/lib.rs': '\n\n// moved\npub fn f() -> u8 { g() }\nfn g() -> u8 { 1 }\n' });
    const fp = (d: Dump, id: string) => d.items.find((i) => i.item === id)!;
    expect(fp(b.dump, 'cargo demo 0.2.0 f().').span[0]).toBeGreaterThan(fp(a.dump, 'cargo demo 0.2.0 f().').span[0]);
    expect(fp(b.dump, 'cargo demo 0.2.0 f().').fingerprint).toBe(fp(a.dump, 'cargo demo 0.2.0 f().').fingerprint);
    expect(fp(b.dump, 'cargo demo 0.2.0 g().').fingerprint).toBe(fp(a.dump, 'cargo demo 0.2.0 g().').fingerprint);
  });

  it('changes only the fingerprint, not the surface, on a body edit', async () => {
    const a = await analyze({ 'Cargo.toml': MANIFEST, 'src/lib.rs': 'pub fn f() -> u8 { 1 }\n' });
    const b = await analyze({ 'Cargo.toml': MANIFEST, 'src/lib.rs': 'pub fn f() -> u8 { 1 + 1 }\n' });
    const [fa, fb] = [a, b].map((x) => x.dump.items.find((i) => i.item === 'cargo demo 0.2.0 f().')!);
    expect(fb.fingerprint).not.toBe(fa.fingerprint);
    expect(fb.surface).toBe(fa.surface);
  });

  it('resolves std names through the built-in table when std is not indexed', async () => {
    const { dump } = await analyze({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': [
        'use std::collections::HashMap;',
        '#[derive(Debug, Clone)]',
        'pub struct S { pub n: u32 }',
        'pub fn f(m: HashMap<String, S>) -> Option<String> {',
        '    let s = String::from("x");',
        '    println!("{}", s);',
        '    Some(s.to_string())',
        '}',
      ].join('\n') + '\n',
    });
    const targets = dump.items.flatMap((i) => i.refs.map((r) => r.target)).filter(Boolean);
    expect(targets).toEqual(expect.arrayContaining([
      'cargo std 0.0.0 collections/HashMap#',
      'cargo core 0.0.0 fmt/Debug!',
      'cargo core 0.0.0 clone/Clone!',
      'cargo core 0.0.0 primitive/u32#',
      'cargo alloc 0.0.0 string/String#',
      'cargo core 0.0.0 option/Option#',
      'cargo core 0.0.0 option/Option#Some.',
      'cargo core 0.0.0 convert/From#from().',
      'cargo std 0.0.0 println!',
      'cargo alloc 0.0.0 string/ToString#to_string().',
    ]));
    expect(dump.items.flatMap((i) => i.refs.filter((r) => r.unresolved))).toEqual([]);
    expect(dump.header.dependencies).toMatchObject({ std: 'cargo std 0.0.0', core: 'cargo core 0.0.0' });
  });

  it('reports a syntax error inside a fn body in the dump, and keeps the fn and its refs', async () => {
    const { dump, diagnostics } = await analyze({
      'Cargo.toml': MANIFEST,
      'src/lib.rs': 'fn g() -> u8 { 1 }\npub fn f() -> u8 {\n    let x = ;\n    g()\n}\n',
    });
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'src/lib.rs', line: 3, message: "expected expression but found ';'" })]);
    const f = dump.items.find((i) => i.item === 'cargo demo 0.2.0 f().')!;
    expect(f.diagnostics).toHaveLength(1);
    expect(f.refs.map((r) => r.target)).toContain('cargo demo 0.2.0 g().');
  });
});
