// Benchmarks: `npm run bench -- parse DIR [--runs N]` and `npm run bench -- index DIR [--runs N]`.
// Each prints one JSON line of medians; record them in bench/RESULTS.md with the command and date.
import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lex } from '../frontend/src/syntax/lexer.js';
import { parseFile } from '../frontend/src/syntax/parse.js';
import { analyzeWorkspace } from '../frontend/src/index.js';
import { openStore, indexDumps } from '../indexer/src/index.js';

function rustFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.')) rustFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.rs')) out.push(p);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

function benchParse(dir: string, runs: number) {
  const sources = rustFiles(dir).map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
  const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
  const times: number[] = [];
  let errors = 0;
  let items = 0;
  const errorFiles = new Set<string>();
  for (let r = 0; r < runs; r++) {
    errors = 0;
    items = 0;
    const t0 = performance.now();
    for (const s of sources) {
      const ts = lex(s.bytes);
      const parsed = parseFile(ts);
      items += parsed.items.length;
      const n = parsed.errors.length + ts.errors.length;
      errors += n;
      if (n > 0) errorFiles.add(path.relative(dir, s.f));
    }
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = median(times);
  return {
    bench: 'parse', dir, files: sources.length, mb: +(bytes / 1e6).toFixed(2), items, syntaxErrors: errors,
    filesWithErrors: errorFiles.size, seconds: +seconds.toFixed(3), mbPerSec: +(bytes / 1e6 / seconds).toFixed(2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
  };
}

async function benchIndex(dir: string, runs: number) {
  const analyze: number[] = [];
  const load: number[] = [];
  let summary: Record<string, unknown> = {};
  for (let r = 0; r < runs; r++) {
    const tmp = mkdtempSync(path.join(tmpdir(), 'xref-bench-'));
    const t0 = performance.now();
    const result = await analyzeWorkspace(dir, { outDir: path.join(tmp, 'dumps'), useCargo: false });
    const t1 = performance.now();
    const store = await openStore(path.join(tmp, 'db'), { create: true });
    const loaded = await indexDumps(store, result.dumpFiles);
    await store.close();
    const t2 = performance.now();
    analyze.push((t1 - t0) / 1000);
    load.push((t2 - t1) / 1000);
    summary = {
      crates: result.crates, files: result.files, items: result.items, diagnostics: result.diagnostics.length,
      keysWritten: loaded.keysWritten, storeMb: +(dirSize(path.join(tmp, 'db')) / 1e6).toFixed(2),
      dumpMb: +(dirSize(path.join(tmp, 'dumps')) / 1e6).toFixed(2),
    };
    rmSync(tmp, { recursive: true, force: true });
  }
  return {
    bench: 'index', dir, ...summary, analyzeSeconds: +median(analyze).toFixed(3), loadSeconds: +median(load).toFixed(3),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
  };
}

async function main() {
  const [what, dir, ...rest] = process.argv.slice(2);
  const runsAt = rest.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(rest[runsAt + 1]) : 3;
  if (!dir || (what !== 'parse' && what !== 'index')) {
    console.error('usage: npm run bench -- parse|index DIR [--runs N]');
    process.exit(2);
  }
  const result = what === 'parse' ? benchParse(dir, runs) : await benchIndex(dir, runs);
  console.log(JSON.stringify(result));
}

await main();
