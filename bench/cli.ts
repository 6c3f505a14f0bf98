// `node dist/bench/cli.js DIR [--db DB] [--runs N]`: the `xref` command end to end, run in DIR as
// a user would, on positions sampled from the store (queries.ts):
// - `xref def FILE:LINE:COL`, each a cold process: median and p90 wall time, next to `node -e 0`
//   (what any Node command costs before it does anything);
// - `rg -w NAME -t rust` on the same tree for the name of a few symbols: its wall time, its
//   matches, and how many of them `xref refs --include-decl` lists as the symbol's references;
// - `xref def --stdin --json` on a batch of positions: queries per second.
// Prints one JSON line.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../indexer/src/index.js';
import { locateStore } from '../query-cli/src/store.js';
import { median } from './median.js';
import { percentile, samplePositions } from './queries.js';

const XREF = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/xref.js');
/** Symbols of std (/work/corpus-std): very common, common and rare, by path. */
const RG_TARGETS = ['core::option::Option::Some', 'alloc::vec::Vec::len', 'std::collections::HashMap', 'core::option::Option::unwrap_or_default'];
const COLD_POSITIONS = 8;
const BATCH_POSITIONS = 10_000;

interface Timed {
  ms: number;
  stdout: string;
  status: number | null;
}

function run(command: string, args: string[], cwd: string, input?: string): Timed {
  const t0 = performance.now();
  const done = spawnSync(command, args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (done.error) throw done.error;
  return { ms, stdout: done.stdout, status: done.status };
}

const round = (x: number) => +x.toFixed(1);

async function benchCli(dir: string, dbFlag: string | undefined, runs: number) {
  const cwd = resolve(dir);
  const { dbDir, root } = locateStore(dbFlag ?? cwd, cwd);
  const db = ['--db', dbDir];
  const store = await openStore(dbDir, { create: false });
  let cold, batch;
  try {
    cold = await samplePositions(store, root, COLD_POSITIONS, 7);
    batch = await samplePositions(store, root, BATCH_POSITIONS, 11);
  } finally {
    // A store is one process's at a time: the xref processes below open it themselves.
    await store.close();
  }

  const nodeStart: number[] = [];
  const def: number[] = [];
  for (let r = 0; r < runs; r++) {
    nodeStart.push(run(process.execPath, ['-e', '0'], cwd).ms);
    for (const p of cold) {
      const answer = run(process.execPath, [XREF, 'def', ...db, `${p.file}:${p.line}:${p.col}`], cwd);
      if (answer.status !== 0 && answer.status !== 1) throw new Error(`xref def ${p.file}:${p.line}:${p.col} exited with ${answer.status}`);
      def.push(answer.ms);
    }
  }

  const grep = [];
  for (const target of RG_TARGETS) {
    const refs = run(process.execPath, [XREF, 'refs', ...db, '--json', '--include-decl', target], cwd);
    if (refs.status !== 0) continue;
    const answer = JSON.parse(refs.stdout) as { references: Array<{ file: string; line: number; col: number; candidate: boolean }> };
    const at = (r: { file: string; line: number; col: number }) => `${r.file}:${r.line}:${r.col}`;
    // A candidate is a ref resolution could not narrow to one symbol: it may be one.
    const real = new Set(answer.references.filter((r) => !r.candidate).map(at));
    const candidates = new Set(answer.references.filter((r) => r.candidate).map(at));
    const name = target.slice(target.lastIndexOf('::') + 2);
    const rgTimes: number[] = [];
    let matches: string[] = [];
    for (let r = 0; r < runs; r++) {
      // A path, or rg searches its stdin, a pipe here.
      const rg = run('rg', ['-w', '--vimgrep', '-t', 'rust', name, '.'], cwd);
      rgTimes.push(rg.ms);
      matches = rg.stdout.split('\n').filter((l) => l !== '');
    }
    const xrefTimes = [refs.ms];
    for (let r = 1; r < runs; r++) xrefTimes.push(run(process.execPath, [XREF, 'refs', ...db, '--json', target], cwd).ms);
    grep.push({
      target, name, xrefRefs: real.size, xrefCandidates: candidates.size, xrefRefsMs: round(median(xrefTimes)),
      rgMatches: matches.length, rgMatchesThatAreRefs: matches.filter((m) => real.has(charPosition(m))).length,
      rgMatchesThatAreCandidates: matches.filter((m) => candidates.has(charPosition(m))).length, rgMs: round(median(rgTimes)),
    });
  }

  const batchSeconds: number[] = [];
  let answered = 0;
  const text = batch.map((p) => `${p.file}:${p.line}:${p.col}\n`).join('');
  for (let r = 0; r < runs; r++) {
    const out = run(process.execPath, [XREF, 'def', ...db, '--stdin', '--json'], cwd, text);
    batchSeconds.push(out.ms / 1000);
    answered = out.stdout.split('\n').filter((l) => l !== '' && !l.includes('"error":')).length;
  }

  return {
    bench: 'cli', dir: cwd, db: dbDir,
    nodeStartMs: round(median(nodeStart)),
    def: { positions: cold.length, medianMs: round(median(def)), p90Ms: round(percentile(def, 90)), maxMs: round(Math.max(...def)) },
    grep,
    batch: { positions: batch.length, answered, seconds: +median(batchSeconds).toFixed(2), queriesPerSecond: Math.round(batch.length / median(batchSeconds)) },
    runs,
  };
}

/** `file:line:col` of a `rg --vimgrep` line, its byte column turned into characters as xref counts them. */
function charPosition(vimgrep: string): string {
  const m = /^(?:\.\/)?(.*?):(\d+):(\d+):(.*)$/.exec(vimgrep);
  if (!m) return '';
  const bytesBefore = Buffer.from(m[4]).subarray(0, Number(m[3]) - 1).toString('utf8');
  return `${m[1]}:${m[2]}:${Array.from(bytesBefore).length + 1}`;
}

const [dir, ...rest] = process.argv.slice(2);
const option = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
if (!dir) {
  console.error('usage: node dist/bench/cli.js DIR [--db DB] [--runs N]');
  process.exit(2);
}
console.log(JSON.stringify(await benchCli(dir, option('--db'), Number(option('--runs') ?? 3))));
