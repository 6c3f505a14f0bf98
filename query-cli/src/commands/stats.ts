import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listCrates, stats } from '../../../indexer/src/crates.js';
import { STORE_FORMAT_VERSION } from '../../../indexer/src/keys.js';
import { SCHEMA_VERSION } from '../../../schema/src/version.js';
import { XrefCommand } from '../base.js';
import { plural, printJson, printLine } from '../output.js';
import { locateStore, withReader } from '../store.js';

export default class Stats extends XrefCommand {
  static override summary = 'Show what the index holds: crates, files, defs, refs, size, when it was last indexed.';
  static override examples = ['<%= config.bin %> stats', '<%= config.bin %> stats --json'];

  async run(): Promise<void> {
    const { flags } = await this.parse(Stats);
    const where = locateStore(flags.db, process.cwd());
    const [totals, crates] = await withReader(where.dbDir, async (store) => [await stats(store), await listCrates(store)] as const);
    const answer = {
      ...totals, storeBytes: dirBytes(where.dbDir), storeFormat: STORE_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, db: where.dbDir, crateList: crates,
    };
    if (flags.json) {
      printJson(answer);
      return;
    }
    printLine(`index ${where.dbDir} (store format ${STORE_FORMAT_VERSION}, dump schema ${SCHEMA_VERSION})`);
    printLine(`last indexed ${totals.indexedAt ?? 'never'}`);
    printLine(`${totals.crates} crates, ${totals.files} files, ${totals.items} items, ${totals.defs} defs, ${totals.refs} refs, ${(answer.storeBytes / 1e6).toFixed(1)} MB on disk`);
    for (const c of crates) printLine(`  ${c.name} ${c.version} (${c.kind}, edition ${c.edition}): ${plural(c.files, 'file')}, ${plural(c.items, 'item')}, ${plural(c.defs, 'def')}, ${plural(c.refs, 'ref')}`);
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) total += statSync(join(dir, name)).size;
  return total;
}
