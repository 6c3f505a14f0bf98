import { Args } from '../oclif.js';
import { fileOutline, type OutlineNode } from '../../../indexer/src/symbols.js';
import { XrefCommand } from '../base.js';
import { usageFailure } from '../failure.js';
import { outPaint } from '../color.js';
import { printJson, printLine } from '../output.js';
import { rootRelative } from '../position.js';
import { locateStore, withReader } from '../store.js';

export default class Symbols extends XrefCommand {
  static override summary = "Print a file's outline: its items and what they define, nested.";
  static override description =
    'One line per symbol, `LINE:COL kind name`, indented under the item that holds it (a module, a type, a ' +
    'trait, an impl block). Locals and parameters are left out. --json prints the tree.';

  static override examples = ['<%= config.bin %> symbols geometry/src/shapes/circle.rs', '<%= config.bin %> symbols src/lib.rs --json'];

  static override args = {
    file: Args.string({ description: 'a Rust file of the index', ignoreStdin: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Symbols);
    if (args.file === undefined) throw usageFailure("missing FILE (see 'xref symbols --help')");
    const where = locateStore(flags.db, process.cwd());
    const file = rootRelative(args.file, process.cwd(), where.root);
    const outline = await withReader(where.dbDir, (store) => fileOutline(store, file));
    if (flags.json) printJson({ file, symbols: outline });
    else printTree(outline, 0);
  }
}

function printTree(nodes: OutlineNode[], depth: number): void {
  const paint = outPaint();
  for (const node of nodes) {
    printLine(`${'  '.repeat(depth)}${paint.pos(node.line)}:${paint.pos(node.col)} ${paint.kind(node.kind)} ${paint.name(node.name)}`);
    printTree(node.children, depth + 1);
  }
}
