// The flow `def` and `hover` share: one FILE:LINE:COL, or a --stdin batch of them, looked up in
// the store with positions made relative to the workspace root.
import { Args, Flags } from './oclif.js';
import type { StoreReader } from '../../indexer/src/store.js';
import { answerEachLine } from './batch.js';
import { usageFailure } from './failure.js';
import { inWorkspace, parsePosition, type Position } from './position.js';
import { locateStore, withReader, type StoreLocation } from './store.js';

/** The argument and flag of a command that looks up positions. */
export const positionArgs = {
  position: Args.string({ description: 'FILE:LINE:COL of an identifier', ignoreStdin: true }),
};

export const stdinFlags = {
  stdin: Flags.boolean({
    description: 'read one FILE:LINE:COL per line from stdin and print one JSON object per line, in order',
    dependsOn: ['json'],
  }),
};

/** Answers a query at a root-relative position; `root` is the workspace root, where the sources are. */
export type PositionLookUp<A> = (store: StoreReader, query: string, at: Position, root: string) => Promise<A>;

/**
 * Answers `position`, or with `stdin` every line of stdin (printed as it goes, and then the
 * result is undefined).
 */
export async function runPositionQuery<A extends object>(
  commandId: string, position: string | undefined, flags: { stdin: boolean; db?: string }, lookUp: PositionLookUp<A>,
): Promise<{ answer: A; where: StoreLocation } | undefined> {
  const cwd = process.cwd();
  if (flags.stdin) {
    if (position !== undefined) throw usageFailure('give FILE:LINE:COL or --stdin, not both');
    const where = locateStore(flags.db, cwd);
    await withReader(where.dbDir, (store) =>
      answerEachLine(commandId, (query) => lookUp(store, query, inWorkspace(parsePosition(query), cwd, where.root), where.root)));
    return undefined;
  }
  if (position === undefined) throw usageFailure(`missing FILE:LINE:COL (see 'xref ${commandId} --help')`);
  // A malformed position is a usage error whether or not there is an index.
  const at = parsePosition(position);
  const where = locateStore(flags.db, cwd);
  const answer = await withReader(where.dbDir, (store) => lookUp(store, position, inWorkspace(at, cwd, where.root), where.root));
  return { answer, where };
}
