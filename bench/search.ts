// `npm run bench -- search DB [--runs N]`: `xref search` latency in one process, on a store
// (e.g. /work/corpus-std/.xref/db), over a fixed query mix: exact names, prefixes,
// `Type::method` paths and typos. Prints one JSON line: what the first search costs (reading
// the vocabulary), the first pass over the mix (each typo's flexsearch part built on first
// use), then p50 and p99 over `runs` further passes, overall and per kind of query, and the
// load average before and after.
import { loadavg } from 'node:os';
import { openStore, search } from '../indexer/src/index.js';
import { median } from './median.js';

/** Names and paths of std (/work/corpus-std); on another store the figures hold, the answers differ. */
const QUERIES: Record<string, string[]> = {
  exact: [
    'insert', 'push', 'len', 'fmt', 'new', 'unwrap', 'from_utf8', 'HashMap', 'Vec', 'Option', 'iter', 'clone',
    'BTreeMap', 'Arc', 'Mutex', 'spawn', 'read_to_string', 'as_ptr', 'with_capacity', 'drop',
  ],
  prefix: ['ins', 'from_u', 'HashM', 'unwr', 'to_str', 'as_mu', 'iter_', 'read_', 'with_cap', 'spl', 'i', 'Str'],
  path: [
    'HashMap::insert', 'Vec::push', 'Option::map', 'String::from_utf8', 'Arc::clone', 'Mutex::lock', 'BTreeMap::get',
    'Rc::new', 'Path::join', 'File::open', 'HashMap::ins', 'Vec::with_cap', 'collections::HashMap::get', 'Debug::fmt',
  ],
  typo: [
    'HashMpa::insrt', 'unwarp', 'lenght', 'psuh', 'hashmpa', 'mutx', 'Optoin::unwrap_or', 'from_ut8', 'capacitiy',
    'spwan', 'Vec::pusj', 'to_stirng',
  ],
};

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const ms = (x: number) => +x.toFixed(2);

export async function benchSearch(dbDir: string, runs: number) {
  const loadBefore = loadavg()[0];
  const store = await openStore(dbDir, { create: false });
  try {
    const all = Object.entries(QUERIES).flatMap(([kind, list]) => list.map((q) => ({ kind, q })));
    // CPU time (all threads, LevelDB's included) next to wall time: on a shared machine the
    // wall time of a few milliseconds mostly measures waiting for a core.
    const time = async (q: string) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const hits = await search(store, q);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      return { ms: wall, cpuMs: (cpu.user + cpu.system) / 1000, hits: hits.length };
    };
    const first = await time(all[0].q);
    const firstPass = [];
    for (const { q } of all) firstPass.push((await time(q)).ms);
    const byKind = new Map<string, number[]>();
    const samples: number[] = [];
    const cpu: number[] = [];
    const noHits: string[] = [];
    for (let r = 0; r < runs; r++) {
      for (const { kind, q } of all) {
        const t = await time(q);
        samples.push(t.ms);
        cpu.push(t.cpuMs);
        const list = byKind.get(kind);
        if (list) list.push(t.ms);
        else byKind.set(kind, [t.ms]);
        if (r === 0 && t.hits === 0) noHits.push(q);
      }
    }
    const summary = (xs: number[]) => ({ p50: ms(median(xs)), p99: ms(percentile(xs, 99)), max: ms(Math.max(...xs)) });
    return {
      bench: 'search', db: dbDir, queries: all.length, firstSearchMs: ms(first.ms),
      firstPass: summary(firstPass), ...summary(samples), cpu: summary(cpu),
      byKind: Object.fromEntries([...byKind].map(([k, xs]) => [k, summary(xs)])),
      noHits, load: [+loadBefore.toFixed(2), +loadavg()[0].toFixed(2)],
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), runs,
    };
  } finally {
    await store.close();
  }
}
