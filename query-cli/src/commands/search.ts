import { Args, Flags } from '@oclif/core';
import { search } from '../../../indexer/src/index.js';
import { XrefCommand } from '../base.js';
import { CliFailure, EXIT, usageFailure } from '../failure.js';
import { locationLine, printJson, printLine } from '../output.js';
import { locateStore, withReader } from '../store.js';

export default class Search extends XrefCommand {
  static override summary = 'Find symbols by name.';
  static override description =
    'Case-insensitive: exact names first, then names starting with TEXT, then names containing it. ' +
    'Locals and parameters are not listed.';

  static override examples = ['<%= config.bin %> search circle', '<%= config.bin %> search area --limit 5 --json'];

  static override args = {
    text: Args.string({ description: 'the name, or part of it', ignoreStdin: true }),
  };

  static override flags = {
    limit: Flags.integer({ description: 'most results to print', default: 20, min: 1 }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Search);
    const text = args.text;
    if (text === undefined) throw usageFailure("missing TEXT (see 'xref search --help')");
    const where = locateStore(flags.db, process.cwd());
    const found = await withReader(where.dbDir, (store) => search(store, text, { limit: flags.limit }));
    if (flags.json) {
      printJson(found.map(({ file, line, col, endLine, endCol, id, qualname, kind, name }) =>
        ({ file, line, col, endLine, endCol, id, qualname, kind, name })));
    } else {
      for (const hit of found) printLine(locationLine(hit, `${hit.kind} ${hit.qualname}`));
    }
    if (found.length === 0) {
      process.exitCode = EXIT.noResult;
      if (!flags.json) throw new CliFailure(EXIT.noResult, `no symbol matches '${text}'`);
    }
  }
}
