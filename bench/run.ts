// Benchmarks: `npm run bench -- parse DIR [--runs N] [--workers N]`, `npm run bench -- index DIR
// [--runs N]`, `npm run bench -- reparse FILE [--runs N]`, `reindex DIR FILE` (reindex.ts), `search DB` (search.ts) and `queries DB_OR_DIR` (queries.ts). Each prints one JSON line of
// medians; record them in bench/RESULTS.md with the command and date.
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lex } from '../frontend/src/syntax/lexer.js';
import { parseFile } from '../frontend/src/syntax/parse.js';
import { parseBodies, type BodyOptions } from '../frontend/src/syntax/body/parser.js';
import { ItemCache } from '../frontend/src/syntax/item-cache.js';
import { clearShapeMemo } from '../frontend/src/syntax/shape-memo.js';
import type { Item } from '../frontend/src/syntax/ast.js';
import { parsePaths } from '../frontend/src/parse-paths.js';
import { analyzeWorkspace } from '../frontend/src/index.js';
import { openStore, indexDumps } from '../indexer/src/index.js';
import { benchReindex } from './reindex.js';
import { benchSearch } from './search.js';
import { benchQueries } from './queries.js';
import { median } from './median.js';
import { walkRustFiles } from '../frontend/src/rust-files.js';

function rustFiles(dir: string): string[] {
  const out: string[] = [];
  walkRustFiles(dir, (file) => void out.push(file));
  return out;
}


function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

/** Lex and item parse, then body parse unless `--no-bodies` (`--no-fast-paths`: patterns and types all through the grammar). */
function benchParse(dir: string, runs: number, bodies: false | BodyOptions) {
  const sources = rustFiles(dir).map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
  const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
  const times: number[] = [];
  let errors = 0;
  let bodyErrors = 0;
  let items = 0;
  const errorFiles = new Set<string>();
  for (let r = 0; r < runs; r++) {
    errors = 0;
    bodyErrors = 0;
    items = 0;
    // Every run starts without memoized shapes: only the JIT is warm after the first.
    clearShapeMemo();
    const t0 = performance.now();
    for (const s of sources) {
      const ts = lex(s.bytes);
      const parsed = parseFile(ts);
      items += parsed.items.length;
      const n = parsed.errors.length + ts.errors.length;
      const b = bodies ? parseBodies(ts, parsed, bodies).length : 0;
      errors += n;
      bodyErrors += b;
      if (n + b > 0) errorFiles.add(path.relative(dir, s.f));
    }
    times.push((performance.now() - t0) / 1000);
  }
  const seconds = median(times);
  return {
    bench: 'parse', dir, bodies: bodies !== false, fastPaths: bodies !== false && bodies.fastPaths !== false,
    files: sources.length, mb: +(bytes / 1e6).toFixed(2), items, syntaxErrors: errors, bodySyntaxErrors: bodyErrors,
    filesWithErrors: errorFiles.size, seconds: +seconds.toFixed(3), mbPerSec: +(bytes / 1e6 / seconds).toFixed(2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
  };
}

/** `parsePaths` on worker threads: reading files, item and body parsing and line tables included. */
async function benchParseOnWorkers(dir: string, runs: number, workers: number) {
  const reports = [];
  for (let r = 0; r < runs; r++) {
    clearShapeMemo();
    reports.push(await parsePaths([dir], { workers }));
  }
  const { files, bytes, items, syntaxErrors } = reports[0];
  const seconds = median(reports.map((r) => r.seconds));
  return {
    bench: 'parse', dir, workers, files, mb: +(bytes / 1e6).toFixed(2), items, syntaxErrors: syntaxErrors.length,
    filesWithErrors: new Set(syntaxErrors.map((e) => e.file)).size, seconds: +seconds.toFixed(3),
    mbPerSec: +(bytes / 1e6 / seconds).toFixed(2), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
  };
}

/**
 * Re-parsing FILE after a one-line edit inside the body of its middle fn: without a cache, and
 * with an item cache holding the file as it was before the edit. Item parse only; lexing is
 * the same either way and timed apart.
 */
function benchReparse(file: string, runs: number) {
  const before = new Uint8Array(readFileSync(file));
  const fns: Array<Extract<Item, { kind: 'fn' }>> = [];
  const walk = (items: Item[]) => {
    for (const i of items) {
      if (i.kind === 'fn' && i.body) fns.push(i);
      if ('items' in i && i.items) walk(i.items);
    }
  };
  const beforeTs = lex(before);
  walk(parseFile(beforeTs).items);
  if (fns.length === 0) throw new Error(`${file} has no fn with a body`);
  fns.sort((a, b) => a.span[0] - b.span[0]);
  const edited = fns[fns.length >> 1];
  const at = beforeTs.ends[edited.body![0]];
  const after = new Uint8Array(Buffer.concat([before.subarray(0, at), Buffer.from('\n    let _xref_edit = 0;'), before.subarray(at)]));
  const time = (f: () => void) => { const t0 = performance.now(); f(); return performance.now() - t0; };
  const lexMs: number[] = [];
  const coldMs: number[] = [];
  const fillMs: number[] = [];
  const warmMs: number[] = [];
  let counts = { hits: 0, misses: 0 };
  for (let r = 0; r < runs; r++) {
    const ts = lex(after);
    lexMs.push(time(() => lex(after)));
    coldMs.push(time(() => parseFile(ts)));
    const cache = new ItemCache();
    fillMs.push(time(() => parseFile(beforeTs, { cache })));
    const filled = cache.stats();
    warmMs.push(time(() => parseFile(ts, { cache })));
    const s = cache.stats();
    counts = { hits: s.hits - filled.hits, misses: s.misses - filled.misses };
  }
  const ms = (xs: number[]) => +median(xs).toFixed(1);
  return {
    bench: 'reparse', file, bytes: before.length, editedFn: edited.name.text, lexMs: ms(lexMs),
    coldParseMs: ms(coldMs), fillParseMs: ms(fillMs), warmParseMs: ms(warmMs), ...counts,
    hitRate: +(counts.hits / (counts.hits + counts.misses)).toFixed(4), speedup: +(median(coldMs) / median(warmMs)).toFixed(1), runs,
  };
}

/** The bytes of the distinct source files the dumps list (a file compiled into two crates counts once). */
function indexedSourceBytes(dumpFiles: readonly string[]): number {
  const bytes = new Map<string, number>();
  for (const file of dumpFiles) {
    const text = readFileSync(file, 'utf8');
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { files: Array<{ path: string; bytes: number }> };
    for (const f of header.files) bytes.set(f.path, f.bytes);
  }
  return [...bytes.values()].reduce((n, b) => n + b, 0);
}

async function benchIndex(dir: string, runs: number, workers: number | undefined) {
  const analyze: number[] = [];
  const load: number[] = [];
  let summary: Record<string, unknown> = {};
  for (let r = 0; r < runs; r++) {
    const tmp = mkdtempSync(path.join(tmpdir(), 'xref-bench-'));
    const t0 = performance.now();
    const result = await analyzeWorkspace(dir, { outDir: path.join(tmp, 'dumps'), useCargo: false, workers });
    const t1 = performance.now();
    const store = await openStore(path.join(tmp, 'db'), { create: true });
    const loaded = await indexDumps(store, result.dumpFiles, { sourceRoot: result.root });
    await store.close();
    const t2 = performance.now();
    analyze.push((t1 - t0) / 1000);
    load.push((t2 - t1) / 1000);
    const storeBytes = dirSize(path.join(tmp, 'db'));
    const sourceBytes = indexedSourceBytes(result.dumpFiles);
    summary = {
      crates: result.crates, files: result.files, items: result.items, diagnostics: result.diagnostics.length,
      keysWritten: loaded.keysWritten, storeMb: +(storeBytes / 1e6).toFixed(2),
      // Issue 5's measure: the store against the bytes of the source files it indexes.
      sourceMb: +(sourceBytes / 1e6).toFixed(2), storeToSource: +(storeBytes / sourceBytes).toFixed(3),
      // The parsed files kept for a resumed index (crate/disk-source-cache.ts) apart from the dumps.
      dumpMb: +((dirSize(path.join(tmp, 'dumps')) - dirSize(path.join(tmp, 'dumps', 'parsed'))) / 1e6).toFixed(2),
      parsedFilesMb: +(dirSize(path.join(tmp, 'dumps', 'parsed')) / 1e6).toFixed(2),
    };
    rmSync(tmp, { recursive: true, force: true });
  }
  return {
    bench: 'index', dir, workers: workers ?? 'auto', ...summary, analyzeSeconds: +median(analyze).toFixed(3), loadSeconds: +median(load).toFixed(3),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
  };
}

async function main() {
  const [what, dir, ...rest] = process.argv.slice(2);
  const option = (name: string) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : undefined);
  // search times 58 queries a run: with 3 runs its p99 would be the second-largest of 174
  // samples, one GC pause. 10 runs make it the sixth-largest of 580.
  const runs = option('--runs') ?? (what === 'search' ? 10 : 3);
  const workers = option('--workers');
  if (!dir || !['parse', 'index', 'reparse', 'reindex', 'search', 'queries'].includes(what)) {
    console.error('usage: npm run bench -- parse DIR [--runs N] [--workers N] [--no-bodies] [--no-fast-paths] | index DIR [--runs N] | reparse FILE [--runs N] | reindex DIR FILE [--rename NAME] [--runs N] [--cold] | search DB [--runs N, default 10] | queries DB_OR_DIR [--runs N]');
    process.exit(2);
  }
  const text = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  const result = what === 'index' ? await benchIndex(dir, runs, workers)
    : what === 'reindex' ? await benchReindex(dir, rest[0], runs, text('--rename'), rest.includes('--cold'))
    : what === 'reparse' ? benchReparse(dir, runs)
    : what === 'search' ? await benchSearch(dir, runs)
    : what === 'queries' ? await benchQueries(dir, runs)
    : workers !== undefined ? await benchParseOnWorkers(dir, runs, workers)
    : benchParse(dir, runs, !rest.includes('--no-bodies') && { fastPaths: !rest.includes('--no-fast-paths') });
  console.log(JSON.stringify(result));
}

await main();
