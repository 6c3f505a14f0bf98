import type { Location } from '../../../indexer/src/locate.js';
import { definitionsAt } from '../../../indexer/src/queries.js';
import type { StoreReader } from '../../../indexer/src/store.js';
import { describeSymbolId } from '../../../schema/src/symbol.js';
import { XrefCommand } from '../base.js';
import { CliFailure, EXIT, noIdentifierFailure } from '../failure.js';
import { outPaint } from '../color.js';
import { locationLine, printJson, printLine, SourceLines, symbolText } from '../output.js';
import type { Position } from '../position.js';
import { positionArgs, runPositionQuery, stdinFlags } from '../position-query.js';
import type { StoreLocation } from '../store.js';

type Definition =
  | Pick<Location, 'file' | 'line' | 'col' | 'endLine' | 'endCol' | 'id' | 'qualname' | 'kind'>
  /** A def in a crate that is not indexed (std without its sources): no position, only its path. */
  | { id: string; qualname: string; kind: string };

export interface DefAnswer {
  query: string;
  definitions: Definition[];
  /** The path as written, when the identifier is a reference the front end could not resolve. */
  unresolved?: string;
  /** Symbols the identifier refers to that are outside the index (e.g. std). */
  notIndexed?: string[];
}

export default class Def extends XrefCommand {
  static override summary = 'Print the definition of the identifier at FILE:LINE:COL.';
  static override description =
    'LINE counts from 1 and COL counts characters from 1. FILE is relative to the current directory or absolute; ' +
    'printed paths are relative to the workspace root.';

  static override examples = [
    '<%= config.bin %> def canvas/src/bin/draw.rs:9:24',
    '<%= config.bin %> def --json src/lib.rs:12:5',
    'printf "src/lib.rs:3:8\\nsrc/lib.rs:9:1\\n" | <%= config.bin %> def --stdin --json',
  ];

  static override args = positionArgs;

  static override flags = stdinFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Def);
    const ran = await runPositionQuery('def', args.position, flags, definitionAnswer);
    if (ran === undefined) return;
    const { answer, where } = ran;
    if (flags.json) printJson(answer);
    else printText(answer, where);
    if (answer.definitions.length === 0) {
      process.exitCode = EXIT.noResult;
      if (!flags.json) throw new CliFailure(EXIT.noResult, noDefinitionMessage(answer));
    }
  }
}

/** The answer to `def` at a root-relative position (also what bench/queries.ts times). */
export async function definitionAnswer(store: StoreReader, query: string, at: Position): Promise<DefAnswer> {
  const result = await definitionsAt(store, at.file, at.line, at.col);
  if (result.status === 'none') throw noIdentifierFailure(query);
  if (result.status === 'unresolved') return { query, definitions: [], unresolved: result.path };
  const definitions: Definition[] = result.locations.map(({ file, line, col, endLine, endCol, id, qualname, kind }) =>
    ({ file, line, col, endLine, endCol, id, qualname, kind }));
  for (const id of result.notIndexed) {
    const described = describeSymbolId(id);
    if (described) definitions.push({ id, qualname: described.qualname, kind: described.kind });
  }
  return { query, definitions, ...(result.notIndexed.length > 0 ? { notIndexed: result.notIndexed } : {}) };
}

function printText(answer: DefAnswer, where: StoreLocation): void {
  const source = new SourceLines(where.root);
  for (const d of answer.definitions) {
    if (!('file' in d)) {
      printLine(`${symbolText(d.kind, d.qualname)} ${outPaint().dim(`(not indexed: ${d.id})`)}`);
      continue;
    }
    printLine(locationLine(d, symbolText(d.kind, d.qualname)));
    for (const line of source.excerpt(d.file, d.line, d)) printLine(line);
  }
}

function noDefinitionMessage(answer: DefAnswer): string {
  if (answer.unresolved !== undefined) return `no definition for ${answer.query}: '${answer.unresolved}' did not resolve`;
  if (answer.notIndexed) return `no definition in the index for ${answer.query}: it refers to ${answer.notIndexed.join(', ')}`;
  return `no definition for ${answer.query}`;
}
