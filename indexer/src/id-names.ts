// What a symbol id says of its def without reading it: the name it ends with, and for an id that
// is a path of plain names from its crate, the qualified name. The store leaves out what they
// give: a ref's length when it spans its target's name (records.ts), a def's name and qualname
// (def-values.ts).
import { parseSymbolId } from '../../schema/src/symbol.js';

/**
 * The name an id ends with, for an ASCII name (`push` in `…Vec#push().`, `x` in `+$x@12`, `T` in
 * `…[T]`): what a ref to it spans, most often.
 */
export function nameInId(id: string): string | undefined {
  return NAME_AT_END.exec(id)?.[1];
}

export function nameLengthInId(id: string): number | undefined {
  return NAME_AT_END.exec(id)?.[1].length;
}

const NAME_AT_END = /([A-Za-z_][A-Za-z0-9_]*)(?:\(\)\.|[/#.!\]]|@[0-9]+)$/;

/**
 * The qualified name of an id whose descriptors are all plain names (`cargo alloc 0.0.0
 * vec/Vec#push().` → `alloc::vec::Vec::push`, `cargo alloc 0.0.0 crate/` → `alloc`); undefined
 * for one through an impl, a local or a generic param, or with an escaped name.
 */
export function qualnameInId(id: string): string | undefined {
  const parsed = parseSymbolId(id);
  if (parsed === undefined) return undefined;
  const segments: string[] = [];
  PLAIN_DESCRIPTOR.lastIndex = 0;
  while (PLAIN_DESCRIPTOR.lastIndex < parsed.descriptors.length) {
    const match = PLAIN_DESCRIPTOR.exec(parsed.descriptors);
    if (match === null) return undefined;
    segments.push(match[1]);
  }
  if (segments.length === 0) return undefined;
  if (segments.length === 1 && segments[0] === 'crate') return parsed.crate;
  return [parsed.crate, ...segments].join('::');
}

const PLAIN_DESCRIPTOR = /([A-Za-z_][A-Za-z0-9_]*)(?:\(\)\.|[/#.!])/y;
