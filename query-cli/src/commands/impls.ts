import { Args } from '../oclif.js';
import { implementations, type ImplLocation } from '../../../indexer/src/implementations.js';
import type { Location } from '../../../indexer/src/locate.js';
import type { StoreReader } from '../../../indexer/src/store.js';
import { traitName } from '../../../indexer/src/symbols.js';
import { XrefCommand } from '../base.js';
import { EXIT, usageFailure } from '../failure.js';
import { outPaint } from '../color.js';
import { locationLine, plural, printJson, printLine, SourceLines, symbolText } from '../output.js';
import { parsePosition } from '../position.js';
import { locateStore, withReader } from '../store.js';
import { isPosition, targetIds } from '../target.js';

interface ImplsAnswer {
  query: string;
  targets: string[];
  impls: ImplLocation[];
  /** For a trait method: the impl methods that override it. */
  methods: Location[];
}

export default class Impls extends XrefCommand {
  static override summary = 'List the implementations of a trait, the impls for a type, or the overrides of a trait method.';
  static override description =
    'TARGET is FILE:LINE:COL of an identifier, a Rust path (`geometry::shapes::Shape`, or a tail of one) or a ' +
    'symbol id. For a trait: the impl blocks implementing it; for a type: its impl blocks, inherent and trait ' +
    'impls; for a trait method: the methods overriding it.';

  static override examples = [
    '<%= config.bin %> impls geometry::shapes::Shape',
    '<%= config.bin %> impls geometry::shapes::Shape::area --json',
  ];

  static override args = {
    target: Args.string({ description: 'FILE:LINE:COL, a Rust path or a symbol id', ignoreStdin: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Impls);
    const target = args.target;
    if (target === undefined) throw usageFailure("missing TARGET (see 'xref impls --help')");
    if (isPosition(target)) parsePosition(target);
    const where = locateStore(flags.db, process.cwd());
    const answer = await withReader(where.dbDir, (store) => findImpls(store, target, where.root));
    if (flags.json) printJson(answer);
    else printText(answer, where.root);
    if (answer.impls.length + answer.methods.length === 0) process.exitCode = EXIT.noResult;
  }
}

async function findImpls(store: StoreReader, query: string, root: string): Promise<ImplsAnswer> {
  const targets = await targetIds(store, query, root);
  const answer: ImplsAnswer = { query, targets, impls: [], methods: [] };
  for (const target of targets) {
    const found = await implementations(store, target);
    answer.impls.push(...found.impls);
    answer.methods.push(...found.methods);
  }
  return answer;
}

function printText(answer: ImplsAnswer, root: string): void {
  const source = new SourceLines(root);
  const paint = outPaint();
  for (const impl of answer.impls) {
    const what = impl.trait === undefined ? paint.name(impl.selfType) : `${paint.name(traitName(impl.trait))} for ${paint.name(impl.selfType)}`;
    printLine(locationLine(impl, `${paint.kind('impl')} ${what}`));
    for (const line of source.excerpt(impl.file, impl.line)) printLine(line);
  }
  for (const method of answer.methods) {
    printLine(locationLine(method, symbolText(method.kind, method.qualname)));
    for (const line of source.excerpt(method.file, method.line, method)) printLine(line);
  }
  const counts = [answer.impls.length > 0 || answer.methods.length === 0 ? plural(answer.impls.length, 'impl') : '',
    answer.methods.length > 0 ? plural(answer.methods.length, 'overriding method') : ''].filter((c) => c !== '');
  printLine(paint.dim(counts.join(', ')));
}
