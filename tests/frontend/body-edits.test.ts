// Body edits that a resumed analysis resolves against the surface image, binding nothing
// (frontend/src/incremental/body-edits.ts): every fn of the example workspace, edited, must come
// out as a full analysis of the edited workspace makes it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { resumeAnalysis, type ResumeStats } from '../../frontend/src/incremental/resume.js';
import { lex } from '../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../frontend/src/syntax/parse.js';
import type { Item } from '../../frontend/src/syntax/ast.js';
import { readDumpHeader } from '../../schema/src/index.js';
import { copyFixture, dumpsIn } from '../support/workspace-copy.js';

/** The token ranges of every fn body in `items`, nested ones too, in order. */
function fnBodies(items: readonly Item[]): Array<[number, number]> {
  return items.flatMap((item): Array<[number, number]> => {
    if (item.kind === 'fn') return item.body ? [item.body] : [];
    return 'items' in item && Array.isArray(item.items) ? fnBodies(item.items) : [];
  });
}

describe('body edits resumed against the surface image', () => {
  it('resolve every fn of the example workspace as a full analysis does', async () => {
    const ws = copyFixture('xref-body-edits-');
    const outDir = path.join(ws, 'dumps');
    const options = { useCargo: false as const, outDir };
    const first = await analyzeWorkspace(ws, options);
    const files = [...new Set(first.dumpFiles.flatMap((d) => readDumpHeader(d).files.map((f) => path.join(ws, f.path))))].sort();
    let resolved = 0;
    // Round r edits the r-th fn body of every file: a statement at its start.
    for (let round = 0; ; round++) {
      let edited = 0;
      for (const file of files) {
        const text = readFileSync(file);
        const ts = lex(text);
        const body = fnBodies(parseFile(ts).items)[round];
        if (body === undefined) continue;
        const at = ts.ends[body[0]];
        writeFileSync(file, Buffer.concat([text.subarray(0, at), Buffer.from(` let _round${round} = ${round};`), text.subarray(at)]));
        edited++;
      }
      if (edited === 0) break;
      const stats: ResumeStats = { crates: 0, items: 0, bound: 0 };
      const result = await resumeAnalysis(ws, options, stats);
      expect(stats.bound, `round ${round}`).toBe(0);
      resolved += stats.items;
      const fresh = mkdtempSync(path.join(tmpdir(), 'xref-body-edits-fresh-'));
      const full = await analyzeWorkspace(ws, { ...options, outDir: fresh });
      expect(dumpsIn(outDir), `round ${round}`).toEqual(dumpsIn(fresh));
      expect(result?.items).toBe(full.items);
    }
    // Fns under a false #[cfg] are moved, not resolved.
    expect(resolved).toBeGreaterThan(30);
  });
});
