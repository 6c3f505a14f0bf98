import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  DEF_KINDS, EDITIONS, ITEM_KINDS, REF_ROLES, RELATION_KINDS, SEVERITIES, serializeDump,
} from '../../schema/src/index.js';
import { IDS, sampleDump } from './sample-dump.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/dump.schema.json', import.meta.url), 'utf8'));
// Ajv's default strictness still throws on unknown keywords (typos in the schema); its tuple lint
// would complain about lineStarts' open tuple (a fixed 0, then any offsets), which is valid 2020-12.
const validateLine = new Ajv2020({ strictTuples: false, allErrors: true }).compile(schema);

/** The sample dump's lines as parsed JSON values, ready to be broken. */
function sampleLines(): Array<Record<string, any>> {
  return serializeDump(sampleDump()).trimEnd().split('\n').map((line) => JSON.parse(line));
}

function itemLine(lines: Array<Record<string, any>>, id: string): Record<string, any> {
  const found = lines.find((line) => line.item === id);
  if (!found) throw new Error(`sample has no item ${id}`);
  return found;
}

describe('dump.schema.json', () => {
  it('accepts every line of a good dump', () => {
    for (const line of sampleLines()) {
      expect(validateLine(line), JSON.stringify(validateLine.errors)).toBe(true);
    }
  });

  it('accepts a newer minor version with fields it does not know', () => {
    const [header, ...items] = sampleLines();
    header.schemaVersion = '1.12.0';
    header.target = 'wasm32-unknown-unknown';
    items[0].defs[0].stability = 'stable';
    expect(validateLine(header)).toBe(true);
    expect(validateLine(items[0])).toBe(true);
  });

  const broken: Array<[string, (lines: Array<Record<string, any>>) => Record<string, any>]> = [
    ['another major version', ([h]) => ({ ...h, schemaVersion: '2.0.0' })],
    ['a header without files', ([h]) => { delete h.files; return h; }],
    ['an unknown edition', ([h]) => { h.crate.edition = '2019'; return h; }],
    ['lineStarts not starting at 0', ([h]) => { h.files[0].lineStarts[0] = 3; return h; }],
    ['a multibyte length of 1', ([h]) => { h.files[0].multibyte[0][1] = 1; return h; }],
    ['a short file hash', ([h]) => { h.files[0].hash = 'abc'; return h; }],
    ['an unknown item kind', (l) => ({ ...itemLine(l, IDS.total), kind: 'function' })],
    ['an item id that is not a symbol id', (l) => ({ ...itemLine(l, IDS.total), item: 'shapes::total' })],
    ['an item without fingerprint', (l) => { const it = itemLine(l, IDS.total); delete it.fingerprint; return it; }],
    ['a span of three numbers', (l) => { const it = itemLine(l, IDS.total); it.span = [1, 2, 3]; return it; }],
    ['a negative span offset', (l) => { const it = itemLine(l, IDS.total); it.defs[0].nameSpan = [-1, 2]; return it; }],
    ['an unknown ref role', (l) => { const it = itemLine(l, IDS.total); it.refs[0].role = 'borrow'; return it; }],
    ['a ref with both target and candidates', (l) => { const it = itemLine(l, IDS.total); it.refs[2].target = IDS.area; return it; }],
    ['a ref with no target, candidates or unresolved', (l) => { const it = itemLine(l, IDS.total); delete it.refs[3].unresolved; return it; }],
    ['empty candidates', (l) => { const it = itemLine(l, IDS.total); it.refs[2].candidates = []; return it; }],
    ['a bad visibility', (l) => { const it = itemLine(l, IDS.total); it.defs[0].visibility = 'public'; return it; }],
    ['an unknown relation kind', (l) => { const it = itemLine(l, IDS.circle); it.relations[0].kind = 'derives'; return it; }],
    ['an impl without selfType', (l) => { const it = itemLine(l, IDS.impl); delete it.impls[0].selfType; return it; }],
    ['a diagnostic severity of note', (l) => { const it = itemLine(l, IDS.total); it.diagnostics[0].severity = 'note'; return it; }],
    ['a line that is both header and item', ([h, ...items]) => ({ ...h, ...items[0] })],
  ];
  for (const [what, breakLine] of broken) {
    it(`rejects ${what}`, () => {
      expect(validateLine(breakLine(sampleLines()))).toBe(false);
    });
  }

  it('lists the same enum values as the validator', () => {
    const defs = schema.$defs;
    expect(defs.Item.properties.kind.enum).toEqual(ITEM_KINDS);
    expect(defs.Def.properties.kind.enum).toEqual(DEF_KINDS);
    expect(defs.Ref.properties.role.enum).toEqual(REF_ROLES);
    expect(defs.Relation.properties.kind.enum).toEqual(RELATION_KINDS);
    expect(defs.Diagnostic.properties.severity.enum).toEqual(SEVERITIES);
    expect(defs.CrateInfo.properties.edition.enum).toEqual(EDITIONS);
  });
});
