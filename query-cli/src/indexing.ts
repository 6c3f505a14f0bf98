// What `xref index` and `xref watch` share: their DIR argument, the summary of one indexing run
// (analysis, then the merge of its dumps), and how it is printed.
import type { AnalyzeResult } from '../../frontend/src/index.js';
import type { IndexResult } from '../../indexer/src/index.js';
import { Args } from './oclif.js';
import { CliFailure, EXIT } from './failure.js';
import { errPaint } from './color.js';
import { locationLine, plural, printJson, printLine, warn } from './output.js';

/** DIR: the workspace to index is the one containing it. */
export const workspaceDirArgs = {
  dir: Args.string({ description: 'a directory inside the workspace', default: '.', ignoreStdin: true }),
};

/** What `xref index --json` prints. */
export interface IndexReport {
  crates: number;
  files: number;
  itemsAdded: number;
  itemsChanged: number;
  itemsRemoved: number;
  keysWritten: number;
  keysDeleted: number;
  /** The indexing work, not the process start. */
  seconds: number;
}

/** One run, as plain data: a watcher sends it to the `xref index` that asked for it. */
export interface IndexRun {
  report: IndexReport;
  items: number;
  diagnostics: AnalyzeResult['diagnostics'];
  warnings: string[];
  failures: string[];
}

export function indexRun(analysis: AnalyzeResult, loaded: IndexResult, startedMs: number): IndexRun {
  const { itemsAdded, itemsChanged, itemsRemoved, keysWritten, keysDeleted } = loaded;
  return {
    report: {
      crates: analysis.crates, files: analysis.files, itemsAdded, itemsChanged, itemsRemoved, keysWritten, keysDeleted,
      seconds: Number(((performance.now() - startedMs) / 1000).toFixed(3)),
    },
    items: analysis.items,
    diagnostics: analysis.diagnostics,
    warnings: analysis.warnings,
    failures: loaded.failures.map((f) => f.message),
  };
}

/** Diagnostics on stderr, the summary on stdout; a dump that did not load fails the command. */
export function printIndexRun(run: IndexRun, json: boolean): void {
  const paint = errPaint();
  for (const d of run.diagnostics) warn(locationLine(d, paint.problem(d.message), paint));
  for (const w of run.warnings) warn(`xref: ${paint.problem('warning:')} ${w}`);
  const r = run.report;
  if (json) printJson(r);
  else printLine(summaryLine(run));
  if (run.failures.length > 0) {
    for (const f of run.failures) warn(`xref: ${f}`);
    throw new CliFailure(EXIT.failure, `${plural(run.failures.length, 'dump')} not loaded; the index keeps the earlier state of those crates`);
  }
}

function summaryLine({ report: r, items }: IndexRun): string {
  return `indexed ${plural(r.crates, 'crate')}, ${plural(r.files, 'file')}, ${plural(items, 'item')} ` +
    `in ${r.seconds.toFixed(2)} s (items: ${r.itemsAdded} added, ${r.itemsChanged} changed, ${r.itemsRemoved} removed)`;
}
