// What `xref callers` and `xref callees` share: the same TARGET, depth and output, in two directions.
import { Args, Flags } from './oclif.js';
import { callHierarchy, type CallDirection, type CallNode } from '../../indexer/src/calls.js';
import { describeSymbolId } from '../../schema/src/symbol.js';
import { XrefCommand } from './base.js';
import { EXIT, usageFailure } from './failure.js';
import { outPaint } from './color.js';
import { locationLine, plural, printJson, printLine, symbolText } from './output.js';
import { parsePosition } from './position.js';
import { locateStore, withReader } from './store.js';
import { isPosition, targetIds } from './target.js';

/** The command class of one direction (oclif needs one class per command). */
export function callHierarchyCommand(direction: CallDirection, summary: string) {
  class CallHierarchy extends XrefCommand {
    static override summary = summary;
    static override description =
      'TARGET is as for xref refs. Each line is a symbol with its number of call sites; --depth N follows N levels.';

    static override examples = [
      `<%= config.bin %> ${direction} geometry::shapes::Shape::area`,
      `<%= config.bin %> ${direction} geometry::shapes::circle::Circle::new --depth 2 --json`,
    ];

    static override args = {
      target: Args.string({ description: 'FILE:LINE:COL, a Rust path or a symbol id', ignoreStdin: true }),
    };

    static override flags = {
      depth: Flags.integer({ description: 'levels to follow', default: 1, min: 1, max: 20 }),
    };

    async run(): Promise<void> {
      const { args, flags } = await this.parse(CallHierarchy);
      await runCallHierarchy(direction, args.target, flags);
    }
  }
  return CallHierarchy;
}

async function runCallHierarchy(
  direction: CallDirection, target: string | undefined, flags: { depth: number; json: boolean; db?: string },
): Promise<void> {
  if (target === undefined) throw usageFailure(`missing TARGET (see 'xref ${direction} --help')`);
  if (isPosition(target)) parsePosition(target);
  const where = locateStore(flags.db, process.cwd());
  const answer = await withReader(where.dbDir, async (store) => {
    const targets = await targetIds(store, target, where.root);
    const tree: CallNode[] = [];
    for (const id of targets) tree.push(...(await callHierarchy(store, id, direction, flags.depth)));
    return { query: target, targets, [direction]: tree };
  });
  const tree = answer[direction] as CallNode[];
  if (flags.json) printJson(answer);
  else printTree(tree, 0);
  if (tree.length === 0) process.exitCode = EXIT.noResult;
}

function printTree(nodes: CallNode[], depth: number): void {
  const paint = outPaint();
  const indent = '  '.repeat(depth);
  for (const node of nodes) {
    const described = describeSymbolId(node.id);
    const name = node.location ? symbolText(node.location.kind, node.location.qualname)
      : described ? symbolText(described.kind, described.qualname) : node.id;
    const calls = plural(node.sites.length, 'call');
    printLine(node.location ? `${indent}${locationLine(node.location, `${name} ${paint.dim(`(${calls})`)}`)}`
      : `${indent}${name} ${paint.dim(`(${calls}, not indexed)`)}`);
    if (node.children) printTree(node.children, depth + 1);
  }
}
