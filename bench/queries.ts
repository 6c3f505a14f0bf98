// `npm run bench -- queries DB_OR_DIR [--runs N]`: def, refs and hover latency in one process,
// through the functions the CLI's commands call (so the figures are the commands' minus process
// start and printing), on identifiers drawn at random from the indexed files with a fixed seed
// (samplePositions), so every query is real and a rerun asks the same ones. Prints one JSON
// line: p50, p99 and max per query kind over `runs` passes after one warm-up pass (which is not
// counted), each pass def, then hover, then refs of typical targets, then (timed passes only)
// refs of the heavy targets, each HEAVY_REPEATS times in a row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsAt, openStore, type StoreReader } from '../indexer/src/index.js';
import { HIGHEST, keyParts } from '../indexer/src/keys.js';
import { definitionAnswer } from '../query-cli/src/commands/def.js';
import { hoverAnswer } from '../query-cli/src/commands/hover.js';
import { findReferences } from '../query-cli/src/commands/refs.js';
import type { Position } from '../query-cli/src/position.js';
import { locateStore } from '../query-cli/src/store.js';
import { median } from './median.js';
// The property tests' generator: a seed gives the same sample on every run.
import { prng as seededRandom } from '../tests/support/random.js';

/** Symbols with thousands of refs in std; on another store the ones it lacks are left out. */
const HEAVY_TARGETS = ['core::option::Option', 'core::option::Option::Some', 'core::result::Result::Ok'];
const POSITIONS = 1000;
const TYPICAL_TARGETS = 200;
const SEED = 20261121;
const MAX_EMPTY_DRAWS = 1000;
const SLOWEST_SHOWN = 8;
/**
 * How many times in a row each heavy target is asked a pass: with ten, three passes gave 30
 * timings, whose p99 was their largest; with 100, the p99 of 300 is the third largest.
 */
const HEAVY_REPEATS = 100;

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const ms = (x: number) => +x.toFixed(3);
/** p50, p99 and max of some timings; none of an empty list (then JSON leaves the field out). */
const summary = (xs: number[]) => (xs.length === 0 ? undefined : { p50: ms(median(xs)), p99: ms(percentile(xs, 99)), max: ms(Math.max(...xs)) });

export interface SampledPosition extends Position {
  /** A symbol the identifier there refers to (or defines), when it resolved to one. */
  target?: string;
  /** The identifier is a ref the front end left with several candidates. */
  ambiguous: boolean;
}

/** Words the regex below takes for identifiers but no query is about. */
const KEYWORDS = new Set((
  'as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut ' +
  'pub ref return static struct super trait true type unsafe use where while'
).split(' '));

/**
 * `count` identifiers at random in the indexed files, as a user might point at them: a file
 * at random, then a word of it at random; a word the index has nothing at (in a comment, a
 * string, an attribute) is drawn again. So the mix of resolved refs, defs, ambiguous refs and
 * unresolved ones is the tree's own.
 */
export async function samplePositions(store: StoreReader, root: string, count: number, seed = SEED): Promise<SampledPosition[]> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  // File tables are keyed `file \0 <path> \0 <crate>` (keys.ts).
  const files = new Set<string>();
  for await (const k of store.keys({ gte: 'file\0', lt: `file\0${HIGHEST}` })) files.add(keyParts(k)[0]);
  const paths = [...files].sort();
  if (paths.length === 0) throw new Error('the store has no files to sample');
  const words = new Map<string, Position[]>();
  const out: SampledPosition[] = [];
  for (let draws = 0; out.length < count; draws++) {
    if (draws === MAX_EMPTY_DRAWS && out.length === 0) throw new Error(`no identifier of the index found in the files under ${root}: is it the workspace root?`);
    const file = pick(paths);
    let list = words.get(file);
    if (list === undefined) words.set(file, (list = wordsOf(file, root)));
    if (list.length === 0) continue;
    const at = pick(list);
    const found = await definitionsAt(store, at.file, at.line, at.col);
    if (found.status === 'none') continue;
    const target = found.status === 'found' ? (found.locations[0]?.id ?? found.notIndexed[0]) : undefined;
    out.push({ ...at, target, ambiguous: found.status === 'found' && found.ambiguous });
  }
  return out;
}

/** The identifier-like words of a file that are not keywords, with their columns in characters. */
function wordsOf(file: string, root: string): Position[] {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return [];
  }
  const out: Position[] = [];
  text.split('\n').forEach((lineText, i) => {
    for (const m of lineText.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      if (KEYWORDS.has(m[0])) continue;
      // Columns count characters (code points), as the store does.
      out.push({ file, line: i + 1, col: Array.from(lineText.slice(0, m.index)).length + 1 });
    }
  });
  return out;
}

async function timeEach<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    await run(item);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function benchQueries(dbOrDir: string, runs: number) {
  // A store outside `<root>/.xref/db` has the current directory as its root, as for the CLI;
  // `npm run` changes directory, and says where it was run in INIT_CWD.
  const { dbDir, root } = locateStore(dbOrDir, process.env.INIT_CWD ?? process.cwd());
  const store = await openStore(dbDir, { create: false });
  try {
    const sampleStart = performance.now();
    const positions = await samplePositions(store, root, POSITIONS);
    const sampleSeconds = (performance.now() - sampleStart) / 1000;
    const query = (p: Position) => `${p.file}:${p.line}:${p.col}`;
    const def = (p: Position) => definitionAnswer(store, query(p), p);
    const hover = (p: Position) => hoverAnswer(store, query(p), p, root);
    const refsOptions = { includeDecl: false };
    const refs = (target: string) => findReferences(store, target, root, refsOptions);

    // The symbols at random identifiers: the typical refs query. Those without a def in the
    // store (a primitive type) are no TARGET the CLI takes.
    const typical: string[] = [];
    const typicalCounts: number[] = [];
    for (const t of new Set(positions.flatMap((p) => (p.target === undefined ? [] : [p.target])))) {
      const answer = await refs(t).catch(() => undefined);
      if (answer === undefined) continue;
      typical.push(t);
      typicalCounts.push(answer.references.length);
      if (typical.length === TYPICAL_TARGETS) break;
    }
    const heavy: Array<{ target: string; refs: number }> = [];
    for (const t of HEAVY_TARGETS) {
      const answer = await refs(t).catch(() => undefined);
      if (answer !== undefined) heavy.push({ target: t, refs: answer.references.length });
    }

    // A ref the front end left with several candidates (an unknown receiver's `.fmt()`) is
    // answered with every candidate's def, up to hundreds: its figures are given apart too.
    const times = new Map<SampledPosition, { def: number[]; hover: number[] }>(positions.map((p) => [p, { def: [], hover: [] }]));
    const refsTimes: number[] = [];
    const refsTimesOf = typical.map((): number[] => []);
    const heavyTimes = new Map<string, number[]>(heavy.map((h) => [h.target, []]));
    // One pass to warm up (the sampling has read the files' blocks already), then `runs` timed.
    for (let r = -1; r < runs; r++) {
      const defMs = await timeEach(positions, def);
      const hoverMs = await timeEach(positions, hover);
      const refsMs = await timeEach(typical, refs);
      if (r < 0) continue;
      positions.forEach((p, i) => {
        times.get(p)!.def.push(defMs[i]);
        times.get(p)!.hover.push(hoverMs[i]);
      });
      refsTimes.push(...refsMs);
      refsMs.forEach((t, i) => refsTimesOf[i].push(t));
      for (const h of heavy) heavyTimes.get(h.target)!.push(...(await timeEach(Array(HEAVY_REPEATS).fill(h.target), refs)));
    }
    const of = (kind: 'def' | 'hover', keep: (p: SampledPosition) => boolean) => positions.filter(keep).flatMap((p) => times.get(p)![kind]);
    const all = () => true;
    const resolved = (p: SampledPosition) => !p.ambiguous;
    const ambiguous = (p: SampledPosition) => p.ambiguous;
    return {
      bench: 'queries', db: dbDir, positions: positions.length, ambiguousPositions: positions.filter(ambiguous).length,
      unresolvedPositions: positions.filter((p) => p.target === undefined).length, sampleSeconds: +sampleSeconds.toFixed(2),
      def: summary(of('def', all)), defResolved: summary(of('def', resolved)), defAmbiguous: summary(of('def', ambiguous)),
      hover: summary(of('hover', all)), hoverResolved: summary(of('hover', resolved)), hoverAmbiguous: summary(of('hover', ambiguous)),
      refsTypical: { targets: typical.length, medianRefs: median(typicalCounts), maxRefs: Math.max(...typicalCounts), ...summary(refsTimes) },
      // What sets the p99: the typical targets slowest at their median.
      refsTypicalSlowest: typical.map((target, i) => ({ target, refs: typicalCounts[i], p50: ms(median(refsTimesOf[i])) }))
        .sort((a, b) => b.p50 - a.p50).slice(0, SLOWEST_SHOWN),
      refsHeavy: heavy.map((h) => ({ ...h, ...summary(heavyTimes.get(h.target)!) })),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
    };
  } finally {
    await store.close();
  }
}
