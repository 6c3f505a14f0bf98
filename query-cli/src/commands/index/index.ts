import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Flags } from '../../oclif.js';
import { indexAnalysis } from '../../../../indexer/src/index.js';
import { XrefCommand } from '../../base.js';
import { CliFailure, EXIT } from '../../failure.js';
import { workerCount, workersFlag } from '../../workers.js';
import { defaultStoreDir, findWatcher, nearestStore, storeDirFromFlag, withStore } from '../../store.js';
import { indexRun, printIndexRun, workspaceDirArgs, type IndexRun } from '../../indexing.js';
import { indexProgress } from '../../progress.js';
import { stdSources, stdSrcFlag } from '../../std-src.js';

export default class Index extends XrefCommand {
  static override summary = 'Analyze a Cargo workspace and load it into its index.';
  static override description =
    'Finds the workspace containing DIR, writes one analysis dump per crate to <root>/.xref/dumps and loads them ' +
    'into <root>/.xref/db (or --db). Only items that changed since the last run are rewritten. Syntax errors are ' +
    'printed on stderr as FILE:LINE:COL: message and do not stop the run.';

  static override examples = ['<%= config.bin %> index', '<%= config.bin %> index data/example --json'];

  static override args = workspaceDirArgs;

  static override flags = {
    full: Flags.boolean({ description: 'delete the index first and rebuild it from scratch' }),
    workers: workersFlag('one less than the available cores for a workspace of 2 MB or more, else 1'),
    'std-src': stdSrcFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Index);
    const workers = workerCount(flags.workers);
    const watcher = await findWatcher(args.dir, flags.db);
    if (watcher) {
      // `xref watch` owns the store: it runs the update and answers with its summary.
      try {
        if (flags.full) throw new CliFailure(EXIT.index, "'xref watch' holds this index: stop it to rebuild with --full");
        printIndexRun(await watcher.call<IndexRun>('index'), flags.json);
      } finally {
        await watcher.close();
      }
      return;
    }
    const started = performance.now();
    if (!flags.full) await refuseStaleStore(flags.db === undefined ? nearestStore(args.dir) : storeDirFromFlag(flags.db, process.cwd()));
    // On stderr, and only on a terminal: it cannot get into --json output or a log.
    const progress = indexProgress();
    let analysis, loaded;
    try {
      // The front end (parser, grammar) is loaded only here: query commands must start fast.
      const { analyzeWorkspace } = await import('../../../../frontend/src/index.js');
      analysis = await analyzeWorkspace(args.dir, {
        workers, stdSources: await stdSources(flags['std-src']), crateCache: true, incremental: !flags.full, onProgress: progress?.analyze,
      });
      const dbDir = flags.db === undefined ? defaultStoreDir(analysis.root) : storeDirFromFlag(flags.db, process.cwd());
      if (flags.full) await rm(dbDir, { recursive: true, force: true });
      // The store is opened only now, so that queries are locked out for the load alone.
      const output = analysis;
      loaded = await withStore(dbDir, (store) => indexAnalysis(store, output, { onProgress: progress?.load, sourceRoot: output.root }));
    } finally {
      progress?.clear();
    }
    printIndexRun(indexRun(analysis, loaded, started), flags.json);
  }
}

/**
 * Fails before the analysis, not after it, when the store there has another format (opening it
 * checks): on std the analysis takes seconds that the load would then throw away.
 */
async function refuseStaleStore(dbDir: string | undefined): Promise<void> {
  if (dbDir !== undefined && existsSync(dbDir)) await withStore(dbDir, async () => {});
}
