import type { FoundDef } from '../../../indexer/src/locate.js';
import { fullDefs, symbolsAt, type FullDef } from '../../../indexer/src/queries.js';
import type { StoreReader } from '../../../indexer/src/store.js';
import { describeSymbolId } from '../../../schema/src/symbol.js';
import { XrefCommand } from '../base.js';
import { CliFailure, EXIT, noIdentifierFailure } from '../failure.js';
import { outPaint } from '../color.js';
import { printJson, printLine, symbolText } from '../output.js';
import type { Position } from '../position.js';
import { positionArgs, runPositionQuery, stdinFlags } from '../position-query.js';

interface HoverCard {
  id: string;
  kind: string;
  qualname: string;
  /** `cargo NAME VERSION` of the def's crate. */
  crate?: string;
  signature?: string;
  /** A local's declared or inferred type. */
  type?: string;
  visibility?: string;
  docs?: string;
  /** Set when the docs are in a source file edited since it was indexed, which no longer has them. */
  docsStale?: true;
  /** Set for a def outside the index (std without its sources): only its path is known. */
  notIndexed?: true;
}

export interface HoverAnswer {
  query: string;
  hover: HoverCard[];
  unresolved?: string;
  /** Set when the cards are too many to carry docs and types (BRIEF_CARDS): each is its def's one line. */
  brief?: true;
}

/**
 * Most cards an answer gives in full. An ambiguous call can name hundreds of methods (`.next()`
 * on a receiver of unknown type); past this many, each card is what the def key holds (kind,
 * path, signature, visibility, crate), which reading and printing a doc per candidate would
 * not make more useful.
 */
const BRIEF_CARDS = 16;

export default class Hover extends XrefCommand {
  static override summary = 'Describe the identifier at FILE:LINE:COL: kind, path, signature, type, docs, crate.';
  static override examples = [
    '<%= config.bin %> hover canvas/src/bin/draw.rs:9:24',
    'printf "src/lib.rs:3:8\\n" | <%= config.bin %> hover --stdin --json',
  ];

  static override args = positionArgs;

  static override flags = stdinFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Hover);
    const ran = await runPositionQuery('hover', args.position, flags, hoverAnswer);
    if (ran === undefined) return;
    const { answer } = ran;
    const query = answer.query;
    if (flags.json) printJson(answer);
    else printCards(answer);
    if (answer.hover.length === 0) {
      process.exitCode = EXIT.noResult;
      if (!flags.json) throw new CliFailure(EXIT.noResult, `nothing known about ${query}${answer.unresolved ? `: '${answer.unresolved}' did not resolve` : ''}`);
    }
  }
}

/** The answer to `hover` at a root-relative position (also what bench/queries.ts times). */
export async function hoverAnswer(store: StoreReader, query: string, at: Position, root: string): Promise<HoverAnswer> {
  const result = await symbolsAt(store, at.file, at.line, at.col);
  if (result.status === 'none') throw noIdentifierFailure(query);
  if (result.status === 'unresolved') return { query, hover: [], unresolved: result.path };
  const { symbols } = result;
  const brief = symbols.length > BRIEF_CARDS;
  // A brief card is what finding the symbol read of its def key; a full one reads the rest.
  const defs: Array<FullDef | FoundDef | undefined> = brief ? symbols : await fullDefs(store, symbols, root);
  const hover: HoverCard[] = [];
  symbols.forEach((symbol, i) => {
    const def = defs[i];
    if (def === undefined) return;
    const card: HoverCard = { id: symbol.id, kind: def.kind, qualname: def.qualname, crate: symbol.item.crate, visibility: def.visibility };
    if (def.signature !== undefined) card.signature = def.signature;
    if ('type' in def && def.type !== undefined) card.type = def.type;
    if ('docs' in def && def.docs !== undefined) card.docs = def.docs;
    if ('docsStale' in def) card.docsStale = true;
    hover.push(card);
  });
  for (const id of result.notIndexed) {
    const described = describeSymbolId(id);
    if (described) hover.push({ id, kind: described.kind, qualname: described.qualname, notIndexed: true });
  }
  return { query, hover, ...(brief ? { brief: true as const } : {}) };
}

function printCards({ hover: cards, brief }: HoverAnswer): void {
  const paint = outPaint();
  // Brief cards are a list, one def (and its signature) after the other.
  if (brief) printLine(paint.dim(`${cards.length} candidates, without docs (more than ${BRIEF_CARDS}):`));
  cards.forEach((card, i) => {
    if (i > 0 && !brief) printLine('');
    printLine(`${symbolText(card.kind, card.qualname)}${card.notIndexed ? ` ${paint.dim('(not indexed)')}` : ''}`);
    if (card.signature !== undefined) printLine(`    ${card.signature}`);
    if (card.type !== undefined) printLine(`    : ${card.type}`);
    if (card.crate !== undefined && !brief) printLine(`    ${paint.dim(`in ${card.crate}`)}`);
    if (card.docsStale) printLine(`    ${paint.dim('docs: its file changed since it was indexed (run xref index)')}`);
    if (card.docs !== undefined) {
      printLine('');
      for (const line of card.docs.split('\n')) printLine(line === '' ? '' : `  ${line}`);
    }
  });
}
