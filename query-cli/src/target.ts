// A TARGET on the command line: FILE:LINE:COL of an identifier, a Rust path (or a tail of one)
// or a symbol id, and the symbol ids it names.
import { isSymbolId } from '../../schema/src/symbol.js';
import { definitionsAt, resolveTarget } from '../../indexer/src/queries.js';
import type { StoreReader } from '../../indexer/src/store.js';
import { CliFailure, EXIT } from './failure.js';
import { inWorkspace, looksLikePosition, parsePosition } from './position.js';

/** The symbol ids a TARGET names. */
export async function targetIds(store: StoreReader, query: string, root: string): Promise<string[]> {
  if (!isPosition(query)) {
    const ids = await resolveTarget(store, query);
    if (ids.length === 0) throw new CliFailure(EXIT.noResult, `no symbol in the index matches '${query}'`);
    return ids;
  }
  const at = inWorkspace(parsePosition(query), process.cwd(), root);
  const result = await definitionsAt(store, at.file, at.line, at.col);
  if (result.status === 'none') throw new CliFailure(EXIT.badLocation, `no identifier at ${query}`);
  if (result.status === 'unresolved') {
    throw new CliFailure(EXIT.noResult, `no symbol for ${query}: '${result.path}' did not resolve`);
  }
  // References are keyed by target id, so a symbol outside the index (std) still has them.
  return [...result.locations.map((l) => l.id), ...result.notIndexed];
}

export function isPosition(target: string): boolean {
  return !isSymbolId(target) && looksLikePosition(target);
}
