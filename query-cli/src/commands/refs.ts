import { Args, Flags } from '../oclif.js';
import { REF_ROLES } from '../../../schema/src/kinds.js';
import type { RefRole } from '../../../schema/src/types.js';
import { listCrates } from '../../../indexer/src/crates.js';
import type { LineRange } from '../../../indexer/src/files.js';
import { defById } from '../../../indexer/src/queries.js';
import { references, type RefLocation } from '../../../indexer/src/references.js';
import type { StoreReader } from '../../../indexer/src/store.js';
import { answerEachLine } from '../batch.js';
import { XrefCommand } from '../base.js';
import { EXIT, usageFailure } from '../failure.js';
import { outPaint } from '../color.js';
import { locationLine, plural, printJson, printLine, SourceLines } from '../output.js';
import { parsePosition } from '../position.js';
import { isPosition, targetIds } from '../target.js';
import { locateStore, withReader } from '../store.js';

export interface RefsAnswer {
  query: string;
  /** The symbol ids the target named; the references are those of all of them, each place once. */
  targets: string[];
  references: RefLocation[];
  /** With --crate: the ids of the crates the references were kept from. */
  crates?: string[];
}

export interface RefsOptions {
  includeDecl: boolean;
  kinds?: RefRole[];
  /** Ids of the crates whose items may hold the references; every crate when absent. */
  crates?: string[];
}

export default class Refs extends XrefCommand {
  static override summary = 'List the references to a symbol.';
  static override description =
    'TARGET is FILE:LINE:COL of an identifier (its definition or a use of it), a Rust path ' +
    '(`geometry::shapes::Shape::area`, or a tail of one such as `Shape::area`) or a symbol id ' +
    '(`cargo geometry 0.1.0 shapes/Shape#area().`). Printed paths are relative to the workspace root.';

  static override examples = [
    '<%= config.bin %> refs geometry::shapes::Shape::area',
    '<%= config.bin %> refs canvas/src/bin/draw.rs:9:24 --kind call',
    "<%= config.bin %> refs 'cargo geometry 0.1.0 shapes/Shape#area().' --include-decl --json",
    '<%= config.bin %> refs geometry::shapes::Shape::area --crate canvas',
    'printf "Shape::area\\nCircle::new\\n" | <%= config.bin %> refs --stdin --json --crate geometry',
  ];

  static override args = {
    target: Args.string({ description: 'FILE:LINE:COL, a Rust path or a symbol id', ignoreStdin: true }),
  };

  static override flags = {
    kind: Flags.string({
      description: `only references with these roles, comma-separated: ${REF_ROLES.join(', ')}`,
      helpValue: 'ROLE,...',
    }),
    'include-decl': Flags.boolean({ description: "also list the symbol's own declaration (role decl)" }),
    crate: Flags.string({
      description: 'only references inside this crate (its name, as `xref stats` lists it, or its id)',
      helpValue: 'NAME',
    }),
    stdin: Flags.boolean({
      description: 'read one TARGET per line from stdin and print one JSON object per line, in order',
      dependsOn: ['json'],
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Refs);
    const options: RefsOptions = { includeDecl: flags['include-decl'], kinds: flags.kind === undefined ? undefined : parseRoles(flags.kind) };
    if (flags.stdin && args.target !== undefined) throw usageFailure('give TARGET or --stdin, not both');
    if (!flags.stdin && args.target === undefined) throw usageFailure("missing TARGET (see 'xref refs --help')");
    const target = args.target;
    // A malformed position is a usage error whether or not there is an index.
    if (target !== undefined && isPosition(target)) parsePosition(target);
    const where = locateStore(flags.db, process.cwd());
    const lookUp = (store: StoreReader, query: string) => findReferences(store, query, where.root, options);
    // Before any query, so that an unknown crate fails the command once, not each line of a batch.
    const restrict = async (store: StoreReader) => {
      if (flags.crate !== undefined) options.crates = await crateIds(store, flags.crate);
    };
    if (target === undefined) {
      await withReader(where.dbDir, async (store) => {
        await restrict(store);
        await answerEachLine('refs', (query) => lookUp(store, query));
      });
      return;
    }
    const [answer, names] = await withReader(where.dbDir, async (store) => {
      await restrict(store);
      const found = await lookUp(store, target);
      return [found, flags.json ? new Map<string, string>() : await qualnamesOf(store, idsToName(found))] as const;
    });
    if (flags.json) printJson(answer);
    else printText(answer, names, where.root);
    if (answer.references.length === 0) process.exitCode = EXIT.noResult;
  }
}

function parseRoles(list: string): RefRole[] {
  const roles = list.split(',').map((r) => r.trim()).filter((r) => r !== '');
  const unknown = roles.filter((r) => !(REF_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw usageFailure(`bad --kind '${list}': roles are ${REF_ROLES.join(', ')}`);
  }
  return roles as RefRole[];
}

/** The ids of the indexed crates named `name` (a lib and a bin may share one), or `name` as an id. */
async function crateIds(store: StoreReader, name: string): Promise<string[]> {
  const crates = await listCrates(store);
  const ids = crates.filter((c) => c.name === name || c.id === name).map((c) => c.id);
  if (ids.length > 0) return ids;
  const names = [...new Set(crates.map((c) => c.name))].sort();
  const shown = names.length > MAX_NAMES_SHOWN ? `${names.slice(0, MAX_NAMES_SHOWN).join(', ')} and ${names.length - MAX_NAMES_SHOWN} more` : names.join(', ');
  throw usageFailure(`no crate '${name}' in the index for --crate: the crates are ${shown} (see 'xref stats')`);
}

const MAX_NAMES_SHOWN = 30;

/** The answer to `refs TARGET` (also what bench/queries.ts times). */
export async function findReferences(store: StoreReader, query: string, root: string, options: RefsOptions): Promise<RefsAnswer> {
  const targets = await targetIds(store, query, root);
  const found = await Promise.all(targets.map((target) => references(store, target, options)));
  return { query, targets, references: found.length === 1 ? found[0] : merged(found), ...(options.crates ? { crates: options.crates } : {}) };
}

/**
 * The references of several targets (an impl method and the trait method it overrides), which
 * can share a use site: it is listed once per role, for the first target (the sort is stable),
 * as one target's references list it.
 */
function merged(lists: RefLocation[][]): RefLocation[] {
  const all = lists.flat().sort(byPlace);
  return all.filter((r, i) => i === 0 || byPlace(all[i - 1], r) !== 0 || all[i - 1].role !== r.role);
}

function byPlace(a: Place, b: Place): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col || a.endLine - b.endLine || a.endCol - b.endCol;
}

type Place = LineRange & { file: string };

/** The ids text output names: each ref's target when there are several, and the `via` methods. */
function idsToName(answer: RefsAnswer): Set<string> {
  const ids = new Set<string>(answer.targets.length > 1 ? answer.targets : []);
  for (const ref of answer.references) if (ref.via !== undefined) ids.add(ref.via);
  return ids;
}

async function qualnamesOf(store: StoreReader, ids: Set<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of ids) {
    const details = await defById(store, id);
    if (details !== undefined) names.set(id, details.location.qualname);
  }
  return names;
}

function printText(answer: RefsAnswer, names: Map<string, string>, root: string): void {
  const paint = outPaint();
  const source = new SourceLines(root);
  const several = answer.targets.length > 1;
  const name = (id: string) => names.get(id) ?? id;
  const files = new Set<string>();
  for (const ref of answer.references) {
    if (!files.has(ref.file)) {
      if (files.size > 0) printLine('');
      printLine(`${paint.path(ref.file)}:`);
      files.add(ref.file);
    }
    let detail = paint.kind(ref.role);
    if (ref.candidate) detail += ` ${paint.dim('(candidate)')}`;
    if (several) detail += ` ${paint.name(name(ref.target))}`;
    if (ref.via !== undefined) detail += ` ${paint.dim('via')} ${name(ref.via)}`;
    printLine(locationLine(ref, detail));
    for (const line of source.excerpt(ref.file, ref.line, ref)) printLine(line);
  }
  if (files.size > 0) printLine('');
  printLine(paint.dim(`${plural(answer.references.length, 'reference')} in ${plural(files.size, 'file')}`));
}
