// A small, valid dump of a one-file crate, built from real source text so its spans and
// file tables are true. Each call returns a fresh copy that a test may break as it likes.
import { createHash } from 'node:crypto';
import { buildFileTables, SCHEMA_VERSION, type Dump, type ItemRecord, type Span } from '../../schema/src/index.js';

export const SOURCE = [
  '//! Shapes with a café ☕ flavour 😀.',
  'pub mod shapes {',
  '    #[derive(Debug)]',
  '    pub struct Circle { pub r: f64 }',
  '    impl Circle {',
  '        pub fn area(&self) -> f64 { 3.14 * self.r * self.r }',
  '    }',
  '}',
  'pub fn total(c: &shapes::Circle) -> f64 { c.area() + missing() }',
  '',
].join('\n');

const C = 'cargo shapes 0.1.0 ';
export const IDS = {
  shapes: `${C}shapes/`,
  circle: `${C}shapes/Circle#`,
  r: `${C}shapes/Circle#r.`,
  impl: `${C}shapes/impl#[Circle]`,
  area: `${C}shapes/Circle#area().`,
  total: `${C}total().`,
  c: `${C}total().(c)`,
};

const bytes = new TextEncoder().encode(SOURCE);

/** Absolute byte offset of the `nth` occurrence of `needle` in SOURCE. */
function at(needle: string, nth = 0): number {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = SOURCE.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`sample source has no ${JSON.stringify(needle)} #${nth}`);
  }
  return Buffer.byteLength(SOURCE.slice(0, index));
}

/** Absolute span of the `nth` occurrence of `needle`. */
function abs(needle: string, nth = 0): Span {
  const start = at(needle, nth);
  return [start, start + Buffer.byteLength(needle)];
}

/** Absolute span of `part` inside the `nth` occurrence of `needle`. */
function within(needle: string, part: string, nth = 0): Span {
  const start = at(needle, nth) + Buffer.byteLength(needle.slice(0, needle.indexOf(part)));
  return [start, start + Buffer.byteLength(part)];
}

function rel(item: Span, span: Span): Span {
  return [span[0] - item[0], span[1] - item[0]];
}

function item(id: string, kind: ItemRecord['kind'], span: Span, rest: Partial<ItemRecord>): ItemRecord {
  const text = bytes.subarray(span[0], span[1]);
  return {
    item: id,
    kind,
    file: 'src/lib.rs',
    span,
    fingerprint: createHash('sha1').update(text).digest('hex'),
    surface: createHash('sha1').update(id).digest('hex'),
    defs: [],
    refs: [],
    impls: [],
    relations: [],
    diagnostics: [],
    ...rest,
  };
}

export function sampleDump(): Dump {
  const tables = buildFileTables(bytes);
  const modSpan: Span = [at('pub mod shapes'), at('}\npub fn') + 1];
  const structSpan: Span = [at('#[derive'), abs('f64 }')[1]];
  const implSpan: Span = [at('impl Circle'), abs('    }\n}')[0] + 5];
  const totalSpan: Span = [at('pub fn total'), abs('missing() }')[1]];
  return {
    header: {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'rust-xref', version: '0.1.0' },
      crate: {
        name: 'shapes', version: '0.1.0', edition: '2021', root: 'src/lib.rs', kind: 'lib',
        features: ['default'], cfgs: ['feature="default"'],
      },
      dependencies: { serde: 'cargo serde 1.0.200' },
      files: [{
        path: 'src/lib.rs',
        hash: createHash('sha1').update(bytes).digest('hex'),
        bytes: bytes.length,
        ...tables,
      }],
    },
    items: [
      item(IDS.shapes, 'mod', modSpan, {
        defs: [{
          id: IDS.shapes, kind: 'mod', name: 'shapes', qualname: 'shapes::shapes',
          span: rel(modSpan, modSpan), nameSpan: rel(modSpan, within('pub mod shapes', 'shapes')),
          parent: C, visibility: 'pub',
        }],
      }),
      item(IDS.circle, 'struct', structSpan, {
        defs: [
          {
            id: IDS.circle, kind: 'struct', name: 'Circle', qualname: 'shapes::shapes::Circle',
            span: rel(structSpan, structSpan), nameSpan: rel(structSpan, abs('Circle')),
            parent: IDS.shapes, visibility: 'pub', signature: 'pub struct Circle',
            attributes: ['derive(Debug)'],
          },
          {
            id: IDS.r, kind: 'field', name: 'r', qualname: 'shapes::shapes::Circle::r',
            span: rel(structSpan, abs('pub r: f64')), nameSpan: rel(structSpan, within('pub r:', 'r')),
            parent: IDS.circle, visibility: 'pub', type: 'f64',
          },
        ],
        refs: [
          { span: rel(structSpan, abs('Debug')), role: 'attribute', target: 'cargo core 1.0.0 fmt/macros/Debug!' },
          { span: rel(structSpan, abs('f64')), role: 'type', target: 'cargo core 1.0.0 f64#' },
        ],
        relations: [{ kind: 'implements', from: IDS.circle, to: 'cargo core 1.0.0 fmt/Debug#' }],
      }),
      item(IDS.impl, 'impl', implSpan, {
        defs: [{
          id: IDS.area, kind: 'method', name: 'area', qualname: 'shapes::shapes::Circle::area',
          span: rel(implSpan, [at('pub fn area'), abs('self.r }')[1]]),
          nameSpan: rel(implSpan, abs('area')), parent: IDS.circle, visibility: 'pub',
          signature: 'pub fn area(&self) -> f64', docs: '',
        }],
        refs: [
          { span: rel(implSpan, within('impl Circle', 'Circle')), role: 'type', target: IDS.circle },
          { span: rel(implSpan, within('self.r *', 'r')), role: 'field', target: IDS.r },
        ],
        impls: [{ id: IDS.impl, selfType: 'Circle', selfTarget: IDS.circle, items: [IDS.area] }],
      }),
      item(IDS.total, 'fn', totalSpan, {
        defs: [
          {
            id: IDS.total, kind: 'fn', name: 'total', qualname: 'shapes::total',
            span: rel(totalSpan, totalSpan), nameSpan: rel(totalSpan, abs('total')),
            parent: C, visibility: 'pub', signature: 'pub fn total(c: &shapes::Circle) -> f64',
          },
          {
            id: IDS.c, kind: 'param', name: 'c', qualname: 'c',
            span: rel(totalSpan, within('(c: &', 'c')),
            nameSpan: rel(totalSpan, within('(c: &', 'c')),
            parent: IDS.total, visibility: 'private', type: '&shapes::Circle',
          },
        ],
        refs: [
          { span: rel(totalSpan, abs('shapes::Circle')), role: 'type', target: IDS.circle },
          { span: rel(totalSpan, within('c.area', 'c')), role: 'read', target: IDS.c },
          { span: rel(totalSpan, within('c.area', 'area')), role: 'method', candidates: [IDS.area, 'cargo geo 2.0.0 Area#area().'] },
          { span: rel(totalSpan, abs('missing')), role: 'call', unresolved: 'missing' },
        ],
        diagnostics: [{ severity: 'warning', message: 'cannot find function `missing`', span: rel(totalSpan, abs('missing')) }],
      }),
    ],
  };
}
