import { indexAnalysis, openStore, serveStore } from '../../../indexer/src/index.js';
import { XrefCommand } from '../base.js';
import { indexRun, printIndexRun, workspaceDirArgs, type IndexRun } from '../indexing.js';
import { printJson, printLine, warn } from '../output.js';
import { defaultStoreDir, lockWaitMs, storeDirFromFlag } from '../store.js';
import { stdSources, stdSrcFlag } from '../std-src.js';

export default class Watch extends XrefCommand {
  static override summary = 'Keep the index of a workspace fresh as its files change, and answer queries meanwhile.';
  static override description =
    'Indexes the workspace containing DIR, then re-indexes it whenever a .rs file or a Cargo manifest changes ' +
    '(debounced). It owns the index while it runs: other xref commands (def, refs, search, and index, which asks ' +
    'it for an update) are answered through it over a local socket next to the store. With --json it prints one ' +
    'JSON line per update, as `xref index --json` does. Ctrl-C stops it.';

  static override examples = ['<%= config.bin %> watch', '<%= config.bin %> watch data/example --json'];

  static override args = workspaceDirArgs;

  static override flags = { 'std-src': stdSrcFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Watch);
    // Loaded only here: query commands must start fast.
    const { discoverWorkspace, openAnalyzer, watchSources } = await import('../../../frontend/src/index.js');
    const ws = await discoverWorkspace(args.dir, { useCargo: 'auto' });
    const std = await stdSources(flags['std-src']);
    const dbDir = flags.db === undefined ? defaultStoreDir(ws.root) : storeDirFromFlag(flags.db, process.cwd());
    const store = await openStore(dbDir, { create: true, waitForLockMs: lockWaitMs() });
    const analyzer = openAnalyzer();

    // One update at a time. A request during an update gets the next one, which starts when the
    // current one ends: an edit made while an update runs may have come too late for it. The
    // paths the file watcher saw are passed on (the analyzer takes edits inside fn bodies without
    // a full analysis); a request without paths (`xref index`) has every file checked.
    let running: Promise<IndexRun> | undefined;
    let queued: Promise<IndexRun> | undefined;
    let queuedPaths: Set<string> | 'all' = new Set();
    const run = async (changed: string[] | undefined): Promise<IndexRun> => {
      const started = performance.now();
      const analysis = await analyzer.analyze(ws.root, { changed, stdSources: std, crateCache: true });
      return indexRun(analysis, await indexAnalysis(store, analysis, { sourceRoot: ws.root }), started);
    };
    const take = (): string[] | undefined => {
      const paths = queuedPaths;
      queuedPaths = new Set();
      return paths === 'all' ? undefined : [...paths];
    };
    const update = (paths?: string[]): Promise<IndexRun> => {
      if (paths === undefined) queuedPaths = 'all';
      else if (queuedPaths !== 'all') for (const p of paths) queuedPaths.add(p);
      if (running === undefined) {
        running = run(take()).finally(() => {
          running = undefined;
        });
        return running;
      }
      const after = () => {
        queued = undefined;
        return update([]);
      };
      queued ??= running.then(after, after);
      return queued;
    };
    const report = (run: IndexRun) => {
      try {
        printIndexRun(run, flags.json);
      } catch (error) {
        reportError(error);
      }
    };
    const reportError = (error: unknown) => warn(`xref: ${error instanceof Error ? error.message : String(error)}`);

    report(await update(undefined));
    const server = await serveStore(store, { index: () => update(undefined) });
    const watcher = watchSources(ws.root, (paths) => void update(paths).then(report, reportError));
    if (flags.json) printJson({ watching: ws.root, db: dbDir });
    else printLine(`watching ${ws.root}; queries on this index are answered here (Ctrl-C stops)`);

    // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and from bin/xref.js),
    // and a signal without a listener would end it before the cleanup.
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => resolve());
    });
    watcher.close();
    await server.close();
    await running?.catch(() => undefined);
    await analyzer.close();
    await store.close();
  }
}
