import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDump } from '../../indexer/src/index.js';
import { keys } from '../../indexer/src/keys.js';
import { parseDef } from '../../indexer/src/def-values.js';
import { lineDocs, readHead, withSourceDocs } from '../../indexer/src/source-docs.js';
import type { Dump } from '../../schema/src/index.js';
import { makeDump, makeItem, Source, storeEachTest } from './fixture.js';

const current = storeEachTest();

const C = 'cargo docs 0.1.0 ';
const inc = `${C}inc().`;
const two = `${C}two().`;

/** A crate of two fns: one documented by `///` lines (and an attribute between them), one by `#[doc]`. */
function crate(incDocs = 'Adds one.\n\n  Keeps the indent.', body = 'x + 1'): { dump: Dump; lib: Source } {
  const lib = new Source(
    'src/lib.rs',
    `/// ${incDocs.split('\n').join('\n/// ').replace(/ \n/g, '\n')}\n#[inline]\n//// not a doc\npub fn inc(x: u8) -> u8 { ${body} }\n\n` +
      '#[doc = "Set by an attribute."]\npub fn two() {}\n',
  );
  const items = [
    makeItem(inc, 'fn', lib, lib.between('///', '}'), [{ id: inc, kind: 'fn', name: 'inc', qualname: 'docs::inc', at: lib.find('inc') }]),
    makeItem(two, 'fn', lib, lib.between('#[doc', '{}'), [{ id: two, kind: 'fn', name: 'two', qualname: 'docs::two', at: lib.find('two') }]),
  ];
  items[0].defs[0].docs = incDocs;
  items[1].defs[0].docs = 'Set by an attribute.';
  return { dump: makeDump('docs', [lib], items), lib };
}

function writeSources(lib: Source): void {
  mkdirSync(join(current.dir, dirname(lib.path)), { recursive: true });
  writeFileSync(join(current.dir, lib.path), lib.text);
}

describe('docs left in the source', () => {
  it('renders `///` lines as the front end does', () => {
    expect(lineDocs('/// One.\n    ///\n    ///  Two, indented.\r\n    #[inline]\n    //// no\n    // no\n    pub fn ')).toBe('One.\n\n Two, indented.');
    expect(lineDocs('#[inline]\npub fn ')).toBeUndefined();
  });

  it('stores the hash of `///` docs, other docs in full, and reads them back from the file', async () => {
    const { dump, lib } = crate();
    writeSources(lib);
    await loadDump(current.store, dump, { sourceRoot: current.dir });
    const incText = (await current.store.db.get(keys.def(inc)))!;
    expect(incText).not.toContain('Adds one');
    expect(parseDef(inc, incText)).toHaveProperty('docsInSource');
    expect((await current.store.db.get(keys.def(two)))!).toContain('Set by an attribute.');

    const def = parseDef(inc, incText);
    const head = () => readHead(join(current.dir, lib.path), dump.items[0].span[0], def);
    expect(withSourceDocs(def, head()).docs).toBe('Adds one.\n\n  Keeps the indent.');
    writeFileSync(join(current.dir, lib.path), lib.text.replace('Adds one', 'Adds two'));
    expect(withSourceDocs(def, head())).toMatchObject({ docsStale: true });
    expect(readHead(join(current.dir, 'src', 'gone.rs'), 0, def)).toBeUndefined();
    expect(withSourceDocs(def, undefined)).toMatchObject({ docsStale: true });
  });

  it('rewrites nothing when the same dump is loaded again, and only the edited item after an edit', async () => {
    const { dump, lib } = crate();
    writeSources(lib);
    await loadDump(current.store, dump, { sourceRoot: current.dir });
    expect(await loadDump(current.store, dump, { sourceRoot: current.dir })).toMatchObject({ keysWritten: 0, keysDeleted: 0 });

    const next = crate('Adds one.\n\n  Keeps the indent.', 'x.wrapping_add(1)');
    writeSources(next.lib);
    const before = new Map(await current.store.db.iterator().all());
    expect(await loadDump(current.store, next.dump, { sourceRoot: current.dir })).toMatchObject({ itemsChanged: 1, keysWritten: 3 });
    const after = await current.store.db.iterator().all();
    const changed = after.filter(([k, v]) => before.get(k) !== v).map(([k]) => k.split('\0')[0]);
    // The fn's record (its stamp: the fingerprint changed), its def key (its span grew) and the
    // file table (its end moved); not the other fn's def key, nor its docs.
    expect(changed.sort()).toEqual(['def', 'file', 'item']);
  });

  it("stores the hash of a file module's `//!` docs, and reads them back from the top of its file", async () => {
    expect(lineDocs('//! One.\n//!\n#![no_std]\n/// not inner\n//!  Two.\n', '//!')).toBe('One.\n\n Two.');
    const root = `${C}crate/`;
    const lib = new Source('src/lib.rs', '//! The crate.\n//!\n//! More.\n#![no_std]\n\npub fn two() {}\n');
    const innerEnd = lib.find('#![no_std]')[1];
    const dumpOf = (docs: string) => {
      const item = makeItem(root, 'mod', lib, [0, innerEnd], [{ id: root, kind: 'crate', name: 'docs', qualname: 'docs', at: [0, 0] }]);
      item.defs[0].docs = docs;
      // The fixture's fingerprint was taken before the docs were set.
      item.fingerprint = docs;
      return makeDump('docs', [lib], [item]);
    };
    writeSources(lib);
    await loadDump(current.store, dumpOf('The crate.\n\nMore.'), { sourceRoot: current.dir });
    const text = (await current.store.db.get(keys.def(root)))!;
    expect(text).not.toContain('The crate');
    const def = parseDef(root, text);
    const head = () => readHead(join(current.dir, lib.path), 0, def);
    expect(withSourceDocs(def, head()).docs).toBe('The crate.\n\nMore.');
    writeFileSync(join(current.dir, lib.path), lib.text.replace('More.', 'Less.'));
    expect(withSourceDocs(def, head())).toMatchObject({ docsStale: true });
    // A `mod x;`'s own `///` lines joined to its file's: not what the file's top says, so stored.
    await loadDump(current.store, dumpOf('Declared.\nThe crate.\n\nMore.'), { sourceRoot: current.dir });
    expect((await current.store.db.get(keys.def(root)))!).toContain('Declared.');
  });

  it('stores docs the file does not have as they are (a dump older than the file)', async () => {
    const { dump, lib } = crate();
    writeSources(new Source(lib.path, lib.text.replace('Adds one', 'Adds 1')));
    await loadDump(current.store, dump, { sourceRoot: current.dir });
    expect((await current.store.db.get(keys.def(inc)))!).toContain('Adds one.');
  });
});
