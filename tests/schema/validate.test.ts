import { describe, expect, it } from 'vitest';
import {
  DEF_KINDS, ITEM_KINDS, REF_ROLES, validateDump, type Def, type Dump, type ItemRecord, type Ref,
} from '../../schema/src/index.js';
import { IDS, sampleDump } from './sample-dump.js';

/** A sample dump after `breakIt` has damaged it; items are looked up by id so edits read plainly. */
function broken(breakIt: (d: Dump, item: (id: string) => ItemRecord) => void): Dump {
  const dump = sampleDump();
  breakIt(dump, (id) => {
    const found = dump.items.find((it) => it.item === id);
    if (!found) throw new Error(`sample has no item ${id}`);
    return found;
  });
  return dump;
}

function lineOf(dump: Dump, id: string): number {
  return dump.items.findIndex((it) => it.item === id) + 2;
}

function lengthOf(dump: Dump, id: string): number {
  const { span } = dump.items[lineOf(dump, id) - 2];
  return span[1] - span[0];
}

describe('validateDump on a good dump', () => {
  it('accepts the sample', () => {
    expect(validateDump(sampleDump())).toBeUndefined();
  });

  it('accepts optional fields left out and unknown fields a newer minor version adds', () => {
    const dump = broken((d, item) => {
      d.header.schemaVersion = '1.4.2';
      Object.assign(d.header, { buildTarget: 'x86_64-unknown-linux-gnu' });
      const area = item(IDS.impl).defs[0];
      delete area.signature;
      delete area.docs;
      delete area.parent;
      Object.assign(area, { stability: 'stable' });
      item(IDS.total).inactive = true;
    });
    expect(validateDump(dump)).toBeUndefined();
  });

  it('accepts every visibility form', () => {
    for (const visibility of ['pub', 'pub(crate)', 'pub(super)', 'pub(self)', 'pub(in crate::shapes)', 'private'] as const) {
      const dump = broken((_, item) => { item(IDS.total).defs[0].visibility = visibility; });
      expect(validateDump(dump), visibility).toBeUndefined();
    }
  });

  it('accepts an empty item list and an empty span at the end of the file', () => {
    expect(validateDump(broken((d) => { d.items = []; }))).toBeUndefined();
    const dump = broken((d, item) => {
      const end = d.header.files[0].bytes;
      Object.assign(item(IDS.total), { span: [end, end], defs: [], refs: [], diagnostics: [] });
    });
    expect(validateDump(dump)).toBeUndefined();
  });
});

describe('validateDump on broken items', () => {
  it('reports a def span outside its item with the item, def and lengths', () => {
    const dump = broken((_, item) => { item(IDS.total).defs[1].nameSpan = [3, 900]; });
    expect(validateDump(dump)).toEqual({
      line: lineOf(dump, IDS.total),
      message: `item '${IDS.total}' def 1: nameSpan [3, 900] lies outside the item (length ${lengthOf(dump, IDS.total)})`,
    });
  });

  it('reports a span that starts after it ends', () => {
    const dump = broken((_, item) => { item(IDS.circle).refs[1].span = [9, 4]; });
    expect(validateDump(dump)?.message).toBe(`item '${IDS.circle}' ref 1: span [9, 4] starts after it ends`);
  });

  it('reports a span that is not a pair of non-negative integers', () => {
    for (const span of [[1, 2, 3], [-1, 2], [1.5, 2], '1,2', undefined]) {
      const dump = broken((_, item) => { (item(IDS.circle).defs[0] as unknown as Record<string, unknown>).span = span; });
      expect(validateDump(dump)?.message, JSON.stringify(span)).toMatch(/^item '.*' def 0: span .* is not a \[start, end\] pair of byte offsets$/);
    }
  });

  it('reports an item span past the end of its file', () => {
    const dump = broken((d, item) => { item(IDS.total).span = [10, d.header.files[0].bytes + 1]; });
    expect(validateDump(dump)?.message).toBe(
      `item '${IDS.total}' span [10, ${dump.header.files[0].bytes + 1}] lies outside the file (length ${dump.header.files[0].bytes})`,
    );
  });

  it('reports an unknown ref role and lists the valid ones', () => {
    const dump = broken((_, item) => { (item(IDS.circle).refs[0] as { role: string }).role = 'borrow'; });
    expect(validateDump(dump)).toEqual({
      line: lineOf(dump, IDS.circle),
      message: `item '${IDS.circle}' ref 0: role "borrow" is not one of ${REF_ROLES.join(', ')}`,
    });
  });

  it('reports a ref with both a target and candidates, or with neither', () => {
    const both = broken((_, item) => { item(IDS.total).refs[2].target = IDS.area; });
    expect(validateDump(both)?.message).toBe(
      `item '${IDS.total}' ref 2: needs exactly one of target, candidates, unresolved but has target and candidates`,
    );
    const none = broken((_, item) => { delete item(IDS.total).refs[3].unresolved; });
    expect(validateDump(none)?.message).toBe(
      `item '${IDS.total}' ref 3: needs exactly one of target, candidates, unresolved but has none of them`,
    );
  });

  it('reports empty candidates and a target that is not a symbol id', () => {
    const empty = broken((_, item) => { item(IDS.total).refs[2].candidates = []; });
    expect(validateDump(empty)?.message).toMatch(/ref 2: candidates must be a non-empty array of symbol ids \(got \[\]\)$/);
    const path = broken((_, item) => { item(IDS.total).refs[0].target = 'shapes::Circle'; });
    expect(validateDump(path)?.message).toMatch(/ref 0: target "shapes::Circle" is not a symbol id/);
  });

  it('reports a def id defined twice with the line of the first definition', () => {
    const dump = broken((_, item) => { item(IDS.total).defs[1].id = IDS.area; });
    expect(validateDump(dump)).toEqual({
      line: lineOf(dump, IDS.total),
      message: `item '${IDS.total}' def 1: id '${IDS.area}' is already defined by the item at line ${lineOf(dump, IDS.impl)}`,
    });
  });

  it('reports an item id used twice', () => {
    const dump = broken((d) => {
      const copy = structuredClone(d.items[0]);
      copy.defs = [];
      d.items.push(copy);
    });
    expect(validateDump(dump)).toEqual({
      line: dump.items.length + 1,
      message: `item '${IDS.shapes}' is a duplicate of the item at line 2`,
    });
  });

  it('reports an item in a file the header does not list', () => {
    const dump = broken((_, item) => { item(IDS.circle).file = 'src/other.rs'; });
    expect(validateDump(dump)).toEqual({
      line: lineOf(dump, IDS.circle),
      message: `item '${IDS.circle}' file "src/other.rs" is not listed in the header's files`,
    });
  });

  it('reports defs, items and impls that belong to another crate', () => {
    const def = broken((_, item) => { item(IDS.total).defs[0].id = 'cargo other 0.1.0 total().'; });
    expect(validateDump(def)?.message).toBe(
      `item '${IDS.total}' def 0: id "cargo other 0.1.0 total()." does not belong to this dump's crate 'cargo shapes 0.1.0'`,
    );
    const item = broken((_, it) => { it(IDS.total).item = 'cargo shapes 0.2.0 total().'; });
    expect(validateDump(item)?.message).toMatch(/^item 'cargo shapes 0\.2\.0 total\(\)\.' item .* does not belong to this dump's crate/);
  });

  it('reports an item id that is not a symbol id', () => {
    const dump = broken((_, item) => { item(IDS.total).item = 'shapes::total'; });
    expect(validateDump(dump)?.message).toBe(
      `item 'shapes::total' item "shapes::total" is not a symbol id (cargo CRATE VERSION DESCRIPTORS)`,
    );
  });

  it('reports bad enum values in items, defs, relations and diagnostics', () => {
    const cases: Array<[(d: Dump, item: (id: string) => ItemRecord) => void, RegExp]> = [
      [(_, it) => { (it(IDS.total) as { kind: string }).kind = 'function'; }, /' kind "function" is not one of mod, use,/],
      [(_, it) => { (it(IDS.total).defs[0] as { kind: string }).kind = 'function'; }, /def 0: kind "function" is not one of crate, mod,/],
      [(_, it) => { (it(IDS.total).defs[0] as { visibility: string }).visibility = 'public'; }, /def 0: visibility "public" is not one of pub,/],
      [(_, it) => { (it(IDS.circle).relations[0] as { kind: string }).kind = 'derives'; }, /relation 0: kind "derives" is not one of implements, overrides, reexports, supertrait$/],
      [(_, it) => { (it(IDS.total).diagnostics[0] as { severity: string }).severity = 'note'; }, /diagnostic 0: severity "note" is not one of error, warning$/],
    ];
    for (const [breakIt, expected] of cases) expect(validateDump(broken(breakIt))?.message).toMatch(expected);
    expect(DEF_KINDS).toContain('assoc_type');
    expect(ITEM_KINDS).toContain('macro_call');
  });

  it('reports missing and mistyped fields by name', () => {
    const cases: Array<[(d: Dump, item: (id: string) => ItemRecord) => void, RegExp]> = [
      [(_, it) => { it(IDS.total).fingerprint = ''; }, /' fingerprint must be a non-empty string \(got ""\)$/],
      [(_, it) => { delete (it(IDS.total) as Partial<ItemRecord>).surface; }, /' surface must be a non-empty string \(got nothing\)$/],
      [(_, it) => { (it(IDS.total) as unknown as Record<string, unknown>).refs = {}; }, /' refs must be an array \(got \{\}\)$/],
      [(_, it) => { (it(IDS.total) as unknown as Record<string, unknown>).inactive = 'yes'; }, /' inactive must be a boolean when present/],
      [(_, it) => { delete (it(IDS.total).defs[0] as Partial<Def>).qualname; }, /def 0: qualname must be a non-empty string/],
      [(_, it) => { it(IDS.circle).defs[0].attributes = ['derive(Debug)', 7 as unknown as string]; }, /def 0: attributes\[1\] must be a string \(got 7\)$/],
      [(_, it) => { (it(IDS.total).refs as unknown[])[0] = null; }, /ref 0: must be an object \(got null\)$/],
      [(_, it) => { it(IDS.impl).impls[0].items = ['area']; }, /impl 0: items\[0\] "area" is not a symbol id$/],
      [(_, it) => { it(IDS.impl).impls[0].selfType = ''; }, /impl 0: selfType must be a non-empty string/],
      [(_, it) => { it(IDS.circle).relations[0].to = 'Debug'; }, /relation 0: to "Debug" is not a symbol id/],
      [(_, it) => { (it(IDS.total).refs[3] as Ref).unresolved = ''; }, /ref 3: unresolved must be a non-empty string/],
      [(d) => { (d.items as unknown[])[1] = 'fn total'; }, /^item record must be an object \(got "fn total"\)$/],
    ];
    for (const [breakIt, expected] of cases) expect(validateDump(broken(breakIt))?.message).toMatch(expected);
  });

  it('keeps messages to one line even when values contain newlines or are huge', () => {
    const dump = broken((_, it) => { (it(IDS.total).defs[0] as { kind: string }).kind = 'a\n'.repeat(500); });
    const message = validateDump(dump)?.message ?? '';
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(400);
  });
});

describe('validateDump on broken headers', () => {
  const cases: Array<[string, (d: Dump) => void, RegExp]> = [
    ['a wrong major version', (d) => { d.header.schemaVersion = '2.0.0'; }, /^header schemaVersion: dump schema 2\.0\.0 is not readable by this xref \(reads 1\.x\)/],
    ['no tool', (d) => { delete (d.header as Partial<Dump['header']>).tool; }, /^header tool must be an object with name and version \(got nothing\)$/],
    ['an unknown edition', (d) => { (d.header.crate as { edition: string }).edition = '2019'; }, /^header crate\.edition "2019" is not one of 2015, 2018, 2021, 2024$/],
    ['a feature that is not a string', (d) => { (d.header.crate.features as unknown[]).push(1); }, /^header crate\.features\[1\] must be a string \(got 1\)$/],
    ['a dependency that is not a string', (d) => { (d.header.dependencies as Record<string, unknown>).serde = 1; }, /^header dependencies\["serde"\] must be a non-empty string \(got 1\)$/],
    ['a root that is not listed', (d) => { d.header.crate.root = 'src/main.rs'; }, /^header crate\.root "src\/main\.rs" is not listed in files$/],
    ['a file listed twice', (d) => { d.header.files.push(structuredClone(d.header.files[0])); }, /^header files\[1\] path "src\/lib\.rs" is listed twice$/],
    ['a short hash', (d) => { d.header.files[0].hash = 'abc'; }, /^header files\[0\] \("src\/lib\.rs"\) hash must be 40 lowercase hex digits \(got "abc"\)$/],
    ['lines disagreeing with lineStarts', (d) => { d.header.files[0].lines += 1; }, /^header files\[0\] \("src\/lib\.rs"\) lineStarts has \d+ entries but lines is \d+$/],
    ['lineStarts not starting at 0', (d) => { d.header.files[0].lineStarts[0] = 1; }, /lineStarts\[0\] must be 0 \(got 1\)$/],
    ['lineStarts not ascending', (d) => { const s = d.header.files[0].lineStarts; [s[1], s[2]] = [s[2], s[1]]; }, /lineStarts\[2\] \d+ must be an integer above lineStarts\[1\] and at most bytes/],
    ['a lineStart past the end', (d) => { const f = d.header.files[0]; f.lineStarts[f.lines - 1] = f.bytes + 1; }, /must be an integer above lineStarts\[\d+\] and at most bytes/],
    ['overlapping multibyte entries', (d) => { const m = d.header.files[0].multibyte; m[1] = [m[0][0] + 1, 2]; }, /multibyte\[1\] starts at \d+, inside or before the previous character$/],
    ['a multibyte length of 5', (d) => { d.header.files[0].multibyte[0][1] = 5; }, /multibyte\[0\] \[\d+,5\] is not a \[byteOffset, utf8Length\] pair with length 2\.\.4$/],
    ['a multibyte entry past the end', (d) => { const f = d.header.files[0]; f.multibyte.push([f.bytes - 1, 2]); }, /multibyte\[\d+\] ends at \d+, past the end of the file/],
  ];
  for (const [what, breakIt, expected] of cases) {
    it(`reports ${what} on line 1`, () => {
      const problem = validateDump(broken(breakIt));
      expect(problem?.line).toBe(1);
      expect(problem?.message).toMatch(expected);
    });
  }
});
