// The progress line of `xref index`: its rendering and throttling against a fake terminal, and
// that a run whose stderr is not a terminal prints none of it.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexProgress, ProgressLine, renderStep, type ProgressStream } from '../../query-cli/src/progress.js';
import { copyExample, REPO, removeDir, xref } from './cli.js';

class FakeTerminal implements ProgressStream {
  readonly isTTY = true;
  readonly writes: string[] = [];
  constructor(readonly columns = 80) {}
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

describe('renderStep', () => {
  it('draws the phase, a bar, the count and the time', () => {
    expect(renderStep('xref index:', { phase: 'parsing', done: 12, total: 24, unit: 'files' }, 1.25, 200))
      .toBe(`xref index: parsing       [${'='.repeat(12)}>${' '.repeat(11)}] 12/24 files 1.3 s`);
    expect(renderStep('xref index:', { phase: 'loading', done: 6, total: 6, unit: 'crates' }, 2, 200))
      .toBe(`xref index: loading       [${'='.repeat(24)}] 6/6 crates 2.0 s`);
    expect(renderStep('xref index:', { phase: 'resolving names' }, 0.04, 200)).toBe('xref index: resolving names 0.0 s');
  });

  it('cuts the line to the width, so that it never wraps', () => {
    const line = renderStep('xref index:', { phase: 'parsing', done: 1, total: 3, unit: 'files' }, 0, 30);
    expect(line).toHaveLength(30);
    expect(line.startsWith('xref index: parsing')).toBe(true);
  });
});

describe('ProgressLine', () => {
  it('redraws in place at most every 100 ms within a phase, at once on a new phase, and clears', () => {
    const terminal = new FakeTerminal(60);
    let now = 0;
    const line = new ProgressLine(terminal, 'x:', () => now);
    line.update({ phase: 'parsing', done: 1, total: 10 });
    now = 50;
    line.update({ phase: 'parsing', done: 2, total: 10 });
    now = 120;
    line.update({ phase: 'parsing', done: 3, total: 10 });
    now = 130;
    line.update({ phase: 'loading', done: 0, total: 2 });
    expect(terminal.writes.map((w) => /(\d+\/\d+)/.exec(w)?.[1])).toEqual(['1/10', '3/10', '0/2']);
    for (const w of terminal.writes) {
      expect(w.startsWith('\r')).toBe(true);
      expect(w.endsWith('\x1b[K')).toBe(true);
      expect(w.length - '\r\x1b[K'.length).toBeLessThanOrEqual(59);
    }
    line.clear();
    expect(terminal.writes.at(-1)).toBe('\r\x1b[K');
    line.clear();
    expect(terminal.writes).toHaveLength(4);
  });

  it('writes nothing when cleared before any update', () => {
    const terminal = new FakeTerminal();
    new ProgressLine(terminal, 'x:').clear();
    expect(terminal.writes).toEqual([]);
  });
});

describe('indexProgress', () => {
  it('is off unless the stream is a terminal that takes cursor codes', () => {
    expect(indexProgress({ isTTY: false, write: () => true }, {})).toBeUndefined();
    expect(indexProgress({ write: () => true }, {})).toBeUndefined();
    expect(indexProgress(new FakeTerminal(), { TERM: 'dumb' })).toBeUndefined();
  });

  it("names the analysis's phases and the load", () => {
    const terminal = new FakeTerminal();
    const progress = indexProgress(terminal, {})!;
    progress.analyze({ phase: 'discover' });
    progress.analyze({ phase: 'parse', done: 3, total: 7 });
    progress.analyze({ phase: 'resolve' });
    progress.analyze({ phase: 'write', done: 1, total: 3 });
    progress.load(2, 3);
    progress.clear();
    const text = terminal.writes.join('');
    for (const part of ['discovering the workspace', 'parsing', '3/7 files', 'resolving names', 'writing dumps', '1/3 crates', 'loading', '2/3 crates']) {
      expect(text).toContain(part);
    }
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('xref index', () => {
  let ws: string;
  beforeAll(() => {
    ws = copyExample();
  }, 120_000);
  afterAll(() => removeDir(ws));

  it('prints no progress when stderr is not a terminal', () => {
    const run = xref(['index', '--full'], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^indexed 3 crates, 13 files, \d+ items in [\d.]+ s \(items: \d+ added, 0 changed, 0 removed\)\n$/);
  }, 60_000);

  // script(1) gives the command a terminal; without it (not every system has util-linux) the
  // rendering is still covered above.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('draws the line on a terminal and clears it before the summary', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(`${REPO}/bin/xref.js`)} index --full --json`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ws, encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } });
    expect(run.status).toBe(0);
    const out = run.stdout;
    // Each phase's first step is drawn however quick it is: the front end and the indexer report them.
    for (const phase of ['discovering the workspace', 'parsing', 'resolving names', 'writing dumps', 'loading']) {
      expect(out).toContain(`xref index: ${phase}`);
    }
    expect(out).toMatch(/parsing +\[[=> ]+\] \d+\/\d+ files/);
    expect(out).toMatch(/loading +\[[=> ]+\] \d\/3 crates/);
    // The last line drawn is cleared, and the JSON summary follows on a line of its own.
    const cleared = out.lastIndexOf('\r\x1b[K');
    expect(cleared).toBeGreaterThan(out.lastIndexOf('xref index:'));
    const summary = JSON.parse(out.slice(cleared + '\r\x1b[K'.length).trim());
    expect(summary).toMatchObject({ crates: 3, files: 13 });
  }, 60_000);
});
