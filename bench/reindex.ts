// `npm run bench -- reindex DIR FILE [--rename NAME] [--runs N] [--cold]`: the edit scenarios of
// issue 5, as `xref watch` meets them: one process, an analysis session (the resolved model and
// parsed files kept), the store open. After a full index, each scenario edits FILE, re-analyzes
// and merges, and puts the file back. Prints one JSON line: per scenario, the medians of analysis
// and merge time, what the merge wrote, and how long writing the patched crates' dumps took (a
// watcher does that after it has answered). With --cold, as a one-shot `xref index` meets them:
// each analysis starts from the snapshot the last one left on disk (incremental/resume.ts), with
// nothing kept in memory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AnalysisSession, analyzeWorkspace } from '../frontend/src/index.js';
import { openStore, indexAnalysis, type Store } from '../indexer/src/index.js';
import { median } from './median.js';

type Edit = (text: string) => string;


/** Inserts a statement at the start of the body of the fn in the middle of the file. */
function bodyEdit(text: string): string {
  const bodies = [...text.matchAll(/\n(?:\s*pub(?:\([^)]*\))?\s+)?\s*fn [^;{]*\{\n/g)];
  if (bodies.length === 0) throw new Error('no fn body found');
  const m = bodies[bodies.length >> 1];
  const at = m.index! + m[0].length;
  return text.slice(0, at) + '        let _xref_edit = 1;\n' + text.slice(at);
}

const linesAtTop: Edit = (text) => '// edited\n// edited\n// edited\n' + text;

function rename(name: string): Edit {
  return (text) => {
    const re = new RegExp(`\\bfn ${name}\\b`);
    if (!re.test(text)) throw new Error(`no fn ${name} in the file`);
    return text.replace(re, `fn ${name}_renamed`);
  };
}

export async function benchReindex(dir: string, file: string, runs: number, renamed: string | undefined, cold = false) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'xref-reindex-'));
  const outDir = path.join(tmp, 'dumps');
  const session = new AnalysisSession();
  const store = await openStore(path.join(tmp, 'db'), { create: true });
  const original = readFileSync(file, 'utf8');
  const step = async (s: Store) => {
    const t0 = performance.now();
    const analysis = cold
      ? await analyzeWorkspace(dir, { outDir, useCargo: false, incremental: true })
      : await session.update(dir, { outDir, useCargo: false });
    const t1 = performance.now();
    const loaded = await indexAnalysis(s, analysis, { sourceRoot: analysis.root });
    const t2 = performance.now();
    session.writeStaleDumps();
    const t3 = performance.now();
    return { analyzeMs: t1 - t0, mergeMs: t2 - t1, dumpsMs: t3 - t2, incremental: analysis.patches !== undefined, loaded };
  };
  try {
    const full = await step(store);
    const scenarios: Array<[string, Edit]> = [['body edit', bodyEdit], ['lines at top', linesAtTop]];
    if (renamed) scenarios.push([`rename ${renamed}`, rename(renamed)]);
    const results = [];
    for (const [name, edit] of scenarios) {
      const samples = [];
      for (let r = 0; r < runs; r++) {
        writeFileSync(file, edit(original));
        samples.push(await step(store));
        writeFileSync(file, original);
        await step(store);
      }
      const last = samples[samples.length - 1];
      const { itemsAdded, itemsChanged, itemsRemoved, keysWritten, keysDeleted } = last.loaded;
      results.push({
        scenario: name, analyzeMs: Math.round(median(samples.map((s) => s.analyzeMs))),
        mergeMs: Math.round(median(samples.map((s) => s.mergeMs))), incremental: last.incremental,
        dumpsMs: Math.round(median(samples.map((s) => s.dumpsMs))),
        itemsAdded, itemsChanged, itemsRemoved, keysWritten, keysDeleted,
      });
    }
    return {
      bench: 'reindex', mode: cold ? 'one-shot' : 'watch', dir, file: path.relative(dir, file),
      full: { analyzeMs: Math.round(full.analyzeMs), mergeMs: Math.round(full.mergeMs), keysWritten: full.loaded.keysWritten },
      scenarios: results, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
    };
  } finally {
    writeFileSync(file, original);
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
