import { XrefCommand } from '../base.js';
import { CliFailure, EXIT, usageFailure } from '../failure.js';
import { outPaint } from '../color.js';
import { locationLine, plural, printJson, printLine } from '../output.js';
import { workerCount, workersFlag } from '../workers.js';

export default class Parse extends XrefCommand {
  static override summary = 'Check the syntax of Rust files, without indexing them.';
  static override description =
    'Lexes and parses every .rs file under each PATH (a file or a directory; target/ and directories starting ' +
    'with a dot are skipped) on worker threads and prints each syntax error as FILE:LINE:COL: message. ' +
    'Exits with 1 when there are syntax errors. --json prints a report: files, bytes, items, syntaxErrors, ' +
    'workers, seconds, mbPerSec, peakRssMb.';

  static override usage = 'parse PATH... [--json] [--workers N]';

  static override examples = ['<%= config.bin %> parse src', '<%= config.bin %> parse . --json --workers 2'];

  // PATH… is variadic, which oclif only allows with strict off; unknown flags are caught in run().
  static override strict = false;

  // No --db: parsing reads no index.
  static override baseFlags = { json: XrefCommand.baseFlags.json } as typeof XrefCommand.baseFlags;

  static override flags = {
    workers: workersFlag('the available cores'),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Parse);
    const paths = argv as string[];
    const flag = paths.find((p) => p.startsWith('-'));
    if (flag !== undefined) throw usageFailure(`nonexistent flag: ${flag} (see 'xref parse --help')`);
    if (paths.length === 0) throw usageFailure("missing PATH (see 'xref parse --help')");
    const workers = workerCount(flags.workers);
    // The front end is loaded only here: query commands must start fast.
    const { parsePaths, PathNotFoundError } = await import('../../../frontend/src/parse-paths.js');
    let report;
    try {
      report = await parsePaths(paths, { workers });
    } catch (error) {
      if (error instanceof PathNotFoundError) throw usageFailure(error.message);
      throw error;
    }
    const errors = report.syntaxErrors;
    if (flags.json) printJson(report);
    else for (const e of errors) printLine(locationLine(e, outPaint().problem(e.message)));
    if (errors.length === 0) return;
    process.exitCode = EXIT.noResult;
    if (!flags.json) {
      const files = new Set(errors.map((e) => e.file)).size;
      throw new CliFailure(EXIT.noResult, `${plural(errors.length, 'syntax error')} in ${plural(files, 'file')}`);
    }
  }
}
