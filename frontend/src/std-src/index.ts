// Std's real sources as crates of every analysis (issue 4): core, alloc and std are analyzed once
// per set of sources and analyzer code, into the per-user cache (crate-cache/cache.ts), and each
// workspace loads those dumps into its store like its own. The analysis also maps the built-in table's
// defs to the real ones (real-ids.ts), which the workspace's resolution then adopts.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { attachDiagnostics, dumpFileOf, loadCrates, resolveCrates, type AnalyzeOptions } from '../analyze.js';
import { buildDump } from '../dump/write.js';
import { writeDumpFile } from '../dump/write-file.js';
import { buildStdCrates } from '../resolve/std.js';
import { locateStdSources, stdTargets } from '../workspace/std-sources.js';
import type { CrateTarget } from '../workspace/index.js';
import { analyzerFingerprint, cacheRoot, findEntry, keyOf, sourcesHash, writeEntry } from '../crate-cache/cache.js';
import { adoptRealIdsOfStd, type RealIds } from './real-ids.js';

export interface StdSources {
  /** The `library` directory. */
  library: string;
  /** The std crates' dumps, in the cache. */
  dumpFiles: string[];
  /** The built-in table's ids → the real defs' ids. */
  ids: RealIds;
  /** Whether this call analyzed them; false when the cache had them. */
  analyzed: boolean;
}

const IDS_FILE = 'real-ids.json';

/** The std crates of the sources at `dir`, from the cache, or analyzed into it first. */
export async function prepareStdSources(dir: string, opts: Pick<AnalyzeOptions, 'workers' | 'onProgress'> = {}): Promise<StdSources | undefined> {
  const library = await locateStdSources(dir);
  if (library === undefined) return undefined;
  const targets = stdTargets(library);
  const key = keyOf({ code: analyzerFingerprint(), library, crates: targets.map((t) => [t.key, t.edition, sourcesHash(t.packageDir)]) });
  const root = cacheRoot();
  let analyzed = false;
  let entry = findEntry(root, 'std', key);
  if (!entry) {
    const dumps = await analyzeStd(targets, library, opts);
    entry = writeEntry(root, 'std', key, library, (into) => dumps.write(into));
    analyzed = true;
  }
  const ids = JSON.parse(readFileSync(path.join(entry.dir, IDS_FILE), 'utf8')) as RealIds;
  return { library, dumpFiles: entry.info.dumps.map((d) => path.join(entry.dir, d)), ids, analyzed };
}

/**
 * Analyzes the std crates as a workspace of their own, resolved against the built-in table as
 * `xref index` of std's sources does, and returns how to write their dumps (files named by
 * absolute path) and the table's real ids.
 */
async function analyzeStd(targets: CrateTarget[], library: string, opts: Pick<AnalyzeOptions, 'workers' | 'onProgress'>): Promise<{ write(dir: string): string[] }> {
  const root = path.dirname(library);
  const crates = await loadCrates(targets, root, opts);
  opts.onProgress?.({ phase: 'resolve' });
  const table = buildStdCrates();
  resolveCrates(crates, table);
  const ids = adoptRealIdsOfStd(table, crates);
  return {
    write(dir) {
      writeFileSync(path.join(dir, IDS_FILE), JSON.stringify(ids));
      return crates.map((c, i) => {
        // Std's syntax errors stay in its records, as in an index of std itself; they are not the workspace's to print.
        attachDiagnostics(c);
        const file = dumpFileOf(dir, c.target);
        writeDumpFile(file, buildDump(c, root, { absolutePaths: true }).dump);
        opts.onProgress?.({ phase: 'write', done: i + 1, total: crates.length });
        return path.basename(file);
      });
    },
  };
}
