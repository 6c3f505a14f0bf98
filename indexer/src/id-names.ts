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
  const end = nameEnd(id);
  if (end < 0) return undefined;
  const start = nameStart(id, end);
  return start < end ? id.slice(start, end) : undefined;
}

export function nameLengthInId(id: string): number | undefined {
  const end = nameEnd(id);
  if (end < 0) return undefined;
  const start = nameStart(id, end);
  return start < end ? end - start : undefined;
}

/**
 * The name span a local's id says (`…$value@40` → [40, 45], a name of 5 bytes at 40), for an
 * ASCII name; undefined for an id that ends otherwise.
 */
export function localNameSpan(id: string): [number, number] | undefined {
  const at = id.lastIndexOf('@');
  if (at < 0 || at === id.length - 1) return undefined;
  for (let i = at + 1; i < id.length; i++) if (!isDigit(id.charCodeAt(i))) return undefined;
  const start = nameStart(id, at);
  if (start === at || id.charCodeAt(start - 1) !== DOLLAR) return undefined;
  const offset = Number(id.slice(at + 1));
  return [offset, offset + at - start];
}

/**
 * Where the name an id ends with ends: before `().`, one of `/#.!]`, or `@` and digits; -1 for
 * an id that ends otherwise. Scanned by hand: a regex anchored at the end tried every start of
 * the id, 9% of an ambiguous goto-definition's time.
 */
function nameEnd(id: string): number {
  const last = id.length - 1;
  if (id.endsWith('().')) return last - 2;
  const c = id.charCodeAt(last);
  if (c === SLASH || c === HASH || c === DOT || c === BANG || c === CLOSE) return last;
  let at = last;
  while (at >= 0 && isDigit(id.charCodeAt(at))) at--;
  return at < last && at >= 0 && id.charCodeAt(at) === AT ? at : -1;
}

/** The start of the name ending at `end`: the word characters before it, less leading digits. */
function nameStart(id: string, end: number): number {
  let start = end;
  while (start > 0 && isWord(id.charCodeAt(start - 1))) start--;
  while (start < end && isDigit(id.charCodeAt(start))) start++;
  return start;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWord(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const [SLASH, HASH, DOT, BANG, CLOSE, AT, DOLLAR] = ['/', '#', '.', '!', ']', '@', '$'].map((c) => c.charCodeAt(0));

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
