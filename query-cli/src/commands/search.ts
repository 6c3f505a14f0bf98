import { Args, Flags } from '../oclif.js';
import { search, SEARCH_KINDS } from '../../../indexer/src/search.js';
import type { DefKind } from '../../../schema/src/types.js';
import { XrefCommand } from '../base.js';
import { CliFailure, EXIT, usageFailure } from '../failure.js';
import { locationLine, printJson, printLine } from '../output.js';
import { locateStore, withReader } from '../store.js';

export default class Search extends XrefCommand {
  static override summary = 'Find symbols by name, or by a path ending in a name, typos allowed.';
  static override description =
    'QUERY is a name (`insert`) or the end of a path (`HashMap::ins`): the last segment is matched ' +
    'against names, each segment before it against a segment of the path, in order. Case-insensitive. ' +
    'Exact names come first, then names starting with the last segment, then names with a later word ' +
    'starting with it (`area` finds `total_area`), then, when no symbol has the name as typed, names one ' +
    'or two typos away (`HashMpa::insrt`); within each, public items and workspace crates first. Locals and ' +
    'parameters are not listed. ' +
    '--json adds `match`: exact, prefix, word or fuzzy.';

  static override examples = [
    '<%= config.bin %> search circle',
    '<%= config.bin %> search Shape::area --kind method',
    '<%= config.bin %> search area --crate geometry --limit 5 --json',
  ];

  static override args = {
    query: Args.string({ description: 'a name, or a path ending in one (`Type::method`)', ignoreStdin: true }),
  };

  static override flags = {
    kind: Flags.string({
      description: `only symbols of these kinds, comma-separated: ${SEARCH_KINDS.join(', ')}`,
      helpValue: 'KIND,...',
    }),
    crate: Flags.string({ description: 'only symbols of this crate (its name, or its id)', helpValue: 'NAME' }),
    limit: Flags.integer({ description: 'most results to print', default: 20, min: 1 }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Search);
    const query = args.query;
    if (query === undefined) throw usageFailure("missing QUERY (see 'xref search --help')");
    const kinds = flags.kind === undefined ? undefined : parseKinds(flags.kind);
    const where = locateStore(flags.db, process.cwd());
    const options = { limit: flags.limit, kinds, crate: flags.crate };
    const found = await withReader(where.dbDir, (store) => search(store, query, options));
    if (flags.json) {
      printJson(found.map(({ file, line, col, endLine, endCol, id, qualname, kind, name, match }) =>
        ({ file, line, col, endLine, endCol, id, qualname, kind, name, match })));
    } else {
      for (const hit of found) printLine(locationLine(hit, `${hit.kind} ${hit.qualname}`));
    }
    if (found.length === 0) {
      process.exitCode = EXIT.noResult;
      if (!flags.json) throw new CliFailure(EXIT.noResult, `no symbol matches '${query}'`);
    }
  }
}

function parseKinds(list: string): DefKind[] {
  const kinds = list.split(',').map((k) => k.trim()).filter((k) => k !== '');
  const unknown = kinds.filter((k) => !(SEARCH_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0 || kinds.length === 0) {
    throw usageFailure(`bad --kind '${list}': kinds are ${SEARCH_KINDS.join(', ')}`);
  }
  return kinds as DefKind[];
}
