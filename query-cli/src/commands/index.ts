import { rm } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { indexDumps } from '../../../indexer/src/index.js';
import { XrefCommand } from '../base.js';
import { CliFailure, EXIT } from '../failure.js';
import { locationLine, plural, printJson, printLine, warn } from '../output.js';
import { workerCount, workersFlag } from '../workers.js';
import { defaultStoreDir, storeDirFromFlag, withStore } from '../store.js';

export default class Index extends XrefCommand {
  static override summary = 'Analyze a Cargo workspace and load it into its index.';
  static override description =
    'Finds the workspace containing DIR, writes one analysis dump per crate to <root>/.xref/dumps and loads them ' +
    'into <root>/.xref/db (or --db). Only items that changed since the last run are rewritten. Syntax errors are ' +
    'printed on stderr as FILE:LINE:COL: message and do not stop the run.';

  static override examples = ['<%= config.bin %> index', '<%= config.bin %> index data/example --json'];

  static override args = {
    dir: Args.string({ description: 'a directory inside the workspace', default: '.', ignoreStdin: true }),
  };

  static override flags = {
    full: Flags.boolean({ description: 'delete the index first and rebuild it from scratch' }),
    workers: workersFlag('one less than the available cores for a workspace of 2 MB or more, else 1'),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Index);
    const started = performance.now();
    // The front end (parser, grammar) is loaded only here: query commands must start fast.
    const { analyzeWorkspace } = await import('../../../frontend/src/index.js');
    const analysis = await analyzeWorkspace(args.dir, { workers: workerCount(flags.workers) });
    for (const d of analysis.diagnostics) warn(locationLine(d, d.message));
    for (const w of analysis.warnings) warn(`xref: warning: ${w}`);

    const dbDir = flags.db === undefined ? defaultStoreDir(analysis.root) : storeDirFromFlag(flags.db, process.cwd());
    if (flags.full) await rm(dbDir, { recursive: true, force: true });
    const loaded = await withStore(dbDir, true, (store) => indexDumps(store, analysis.dumpFiles));
    const seconds = Number(((performance.now() - started) / 1000).toFixed(3));

    const { itemsAdded, itemsChanged, itemsRemoved, keysWritten, keysDeleted } = loaded;
    if (flags.json) {
      printJson({ crates: analysis.crates, files: analysis.files, itemsAdded, itemsChanged, itemsRemoved, keysWritten, keysDeleted, seconds });
    } else {
      printLine(
        `indexed ${plural(analysis.crates, 'crate')}, ${plural(analysis.files, 'file')}, ${plural(analysis.items, 'item')} ` +
          `in ${seconds.toFixed(2)} s (items: ${itemsAdded} added, ${itemsChanged} changed, ${itemsRemoved} removed)`,
      );
    }
    if (loaded.failures.length > 0) {
      for (const f of loaded.failures) warn(`xref: ${f.message}`);
      throw new CliFailure(EXIT.failure, `${plural(loaded.failures.length, 'dump')} not loaded; the index keeps the earlier state of those crates`);
    }
  }
}
