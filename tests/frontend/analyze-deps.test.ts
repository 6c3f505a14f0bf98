// End to end through analyzeWorkspace: references in a member resolve into registry
// dependencies found in $CARGO_HOME or vendor/, each at the version Cargo.lock pins, and
// tests/examples resolve into their dev-dependencies. Fixtures: data/workspaces/.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { parseDump, type Dump } from '../../schema/src/index.js';
import { cargoInstalled, registryFixtures } from './workspace/fixture-copy.js';


const fx = registryFixtures();

const dumpName = (file: string) => path.basename(file, '.jsonl');

function dumps(files: string[]): Map<string, Dump> {
  return new Map(files.map((f) => [dumpName(f), parseDump(readFileSync(f, 'utf8'), f)]));
}

/** The targets an item's refs point to. */
function targets(dump: Dump, item: string): string[] {
  const found = dump.items.find((i) => i.item === item);
  if (!found) throw new Error(`no item ${item} in ${dump.items.map((i) => i.item).join(', ')}`);
  return found.refs.flatMap((r) => (r.target === undefined ? [] : [r.target]));
}

describe('analyzing a workspace with registry dependencies', () => {
  it('resolves into the $CARGO_HOME copies at the locked versions, and tests/examples into the dev-dependency', async () => {
    const result = await analyzeWorkspace(fx.path('registry-home/app'), { useCargo: false, includeDevTargets: true });
    expect(result.warnings).toEqual([]);
    // Only the members' dumps: those of crates outside the root do not load yet (see the last test).
    const byName = dumps(result.dumpFiles.filter((f) => dumpName(f).startsWith('regapp-')));
    expect(result.dumpFiles.map(dumpName).sort()).toEqual([
      'checkmate-0.3.0-lib-checkmate',
      'regapp-0.1.0-example-show',
      'regapp-0.1.0-lib-regapp',
      'regapp-0.1.0-test-labels',
      'tinyfmt-0.9.1-lib-tinyfmt',
      'tinyfmt-1.2.3-lib-tinyfmt',
    ]);
    const lib = byName.get('regapp-0.1.0-lib-regapp')!;
    expect(lib.header.dependencies).toMatchObject({ tinyfmt: 'cargo tinyfmt 1.2.3', oldfmt: 'cargo tinyfmt 0.9.1' });
    expect(lib.header.dependencies.checkmate).toBeUndefined();
    expect(targets(lib, 'cargo regapp 0.1.0 label().')).toEqual(expect.arrayContaining([
      'cargo tinyfmt 1.2.3 render().', 'cargo tinyfmt 1.2.3 Padding#Left.',
    ]));
    expect(targets(lib, 'cargo regapp 0.1.0 legacy_label().')).toContain('cargo tinyfmt 0.9.1 format_u32().');

    const test = byName.get('regapp-0.1.0-test-labels')!;
    expect(targets(test, 'cargo labels:test 0.1.0 pads().')).toEqual(expect.arrayContaining([
      'cargo checkmate 0.3.0 expect_eq().', 'cargo regapp 0.1.0 label().',
    ]));
    const example = byName.get('regapp-0.1.0-example-show')!;
    expect(targets(example, 'cargo show:example 0.1.0 main().')).toContain('cargo checkmate 0.3.0 expect_eq().');
  });

  // A crate outside the workspace root ($CARGO_HOME, a `../` path dependency) has paths with `../`.
  it('writes dumps of crates outside the workspace root that load', async () => {
    const result = await analyzeWorkspace(fx.path('registry-home/app'), { useCargo: false });
    const file = result.dumpFiles.find((f) => dumpName(f) === 'tinyfmt-1.2.3-lib-tinyfmt')!;
    const header = JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as Dump['header'];
    expect(header.crate.root).toBe('../cargo-home/registry/src/index.crates.io-1949cf8c6b5b557f/tinyfmt-1.2.3/src/lib.rs');
    expect(dumps([file]).get('tinyfmt-1.2.3-lib-tinyfmt')!.items.map((i) => i.item)).toContain('cargo tinyfmt 1.2.3 render().');
  });

  it.skipIf(!cargoInstalled)('resolves into vendored dependencies with cargo metadata too', async () => {
    const result = await analyzeWorkspace(fx.path('vendored'), { useCargo: true });
    expect(result.warnings).toEqual([]);
    const byName = dumps(result.dumpFiles);
    const shop = byName.get('shop-0.2.0-lib-shop')!;
    expect(targets(shop, 'cargo shop 0.2.0 price_tag().')).toContain('cargo tinyfmt 1.2.3 render().');
    expect(targets(shop, 'cargo shop 0.2.0 receipt_line().')).toContain('cargo tinyfmt 0.9.1 format_u32().');
    const till = byName.get('till-0.2.0-bin-till')!;
    expect(targets(till, 'cargo till:bin 0.2.0 main().')).toContain('cargo shop 0.2.0 price_tag().');
  }, 60_000);
});
