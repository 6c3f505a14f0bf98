// The string side of symbol search: reading a query, where a name's words start, what a def
// sits in, and how far two names are apart. No store, no flexsearch.

export interface ParsedQuery {
  /** The last `::` segment: what the symbol's own name must match. */
  name: string;
  /** The segments before it, in order: each must match one segment of the symbol's path. */
  qualifiers: string[];
}

/** `HashMap::ins` → name `ins`, qualifiers [`HashMap`]; empty segments (`::x`, `x::`) are dropped. */
export function parseQuery(text: string): ParsedQuery | undefined {
  const segments = text.trim().split('::').map((s) => s.trim()).filter((s) => s !== '');
  const name = segments.pop();
  return name === undefined ? undefined : { name, qualifiers: segments };
}

/** How names compare when typos are allowed: lower case, without underscores (`size_hint` ~ `sizehint`). */
export function fold(text: string): string {
  return text.toLowerCase().replace(/_/g, '');
}

/** The typos a query of this many characters may have and still match. */
export function maxEdits(length: number): number {
  return length < 3 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps),
 * or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], max + 1);
}

/**
 * Whether `lowerQuery` starts a word of `name` other than its first: after an underscore
 * (`insert_with_key` has `with_key` and `key`) or at a capital (`HashMap` has `Map`, `IOError`
 * has `Error`).
 */
export function startsInnerWord(name: string, lowerQuery: string): boolean {
  for (let i = 1; i < name.length; i++) {
    const c = name[i];
    const prev = name[i - 1];
    const afterUnderscore = prev === '_' && c !== '_';
    const capital = isUpper(c) && (!isUpper(prev) || (i + 1 < name.length && isLowerOrDigit(name[i + 1])));
    if ((afterUnderscore || capital) && name.slice(i).toLowerCase().startsWith(lowerQuery)) return true;
  }
  return false;
}

function isUpper(c: string): boolean {
  return c >= 'A' && c <= 'Z';
}

function isLowerOrDigit(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/**
 * The identifiers of a qualified name before the symbol's own name, which query qualifiers are
 * matched against: `<std::vec::Vec as core::fmt::Debug>::fmt` → std, vec, Vec, core, fmt, Debug.
 */
export function pathIdentifiers(qualname: string, lowerName: string): string[] {
  const idents = (qualname.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => w !== 'as');
  if (idents.length > 0 && idents[idents.length - 1].toLowerCase() === lowerName) idents.pop();
  return idents;
}

/** How well a qualifier matches one identifier: 0 same name, 1 a prefix of it, 2 a typo away, or undefined. */
function segmentMatch(qualifier: string, ident: string): 0 | 1 | 2 | undefined {
  const q = qualifier.toLowerCase();
  const id = ident.toLowerCase();
  if (q === id) return 0;
  if (id.startsWith(q)) return 1;
  const fq = fold(q);
  const max = maxEdits(fq.length);
  return max > 0 && editDistance(fq, fold(id), max) <= max ? 2 : undefined;
}

/**
 * The names of what a def sits in, from its qualname: the segment before its own name
 * (`a::HashMap::insert` → HashMap), both sides of a trait impl (`<a::Vec<T> as b::Debug>::fmt`
 * → Vec, Debug). A segment without a name (`<[T]>`) gives none.
 */
export function parentNames(qualname: string): string[] {
  // The def's own name has no brackets, so the last `::` is the one before it.
  const end = qualname.lastIndexOf('::');
  if (end < 0) return [];
  const parent = qualname.slice(segmentStart(qualname, end), end);
  const paths = parent.startsWith('<') && parent.endsWith('>') ? splitTopLevel(parent.slice(1, -1), ' as ') : [parent];
  return paths.flatMap((path) => {
    const last = path.slice(segmentStart(path, path.length));
    const generics = last.indexOf('<');
    const name = trailingName(generics < 0 ? last : last.slice(0, generics));
    return name === undefined ? [] : [name];
  });
}

/** Where the path segment ending at `end` starts: after the `::` before it outside angle brackets. */
function segmentStart(path: string, end: number): number {
  let depth = 0;
  // Char codes, not one-letter strings: std's `fmt` alone has 717 qualnames to scan per search.
  for (let i = end - 1; i > 0; i--) {
    const c = path.charCodeAt(i);
    if (c === GT) depth++;
    else if (c === LT) depth--;
    else if (depth === 0 && c === COLON && path.charCodeAt(i - 1) === COLON) return i + 1;
  }
  return 0;
}

const LT = 0x3c;
const GT = 0x3e;
const COLON = 0x3a;
const SPACE = 0x20;

/** The identifier a path segment ends with: `Vec`, `Any` of `dyn Any`; none for `[T]`. */
function trailingName(segment: string): string | undefined {
  let end = segment.length;
  while (end > 0 && segment[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && isIdentChar(segment[start - 1])) start--;
  while (start < end && segment[start] >= '0' && segment[start] <= '9') start++;
  return start < end ? segment.slice(start, end) : undefined;
}

function isIdentChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
}

/** Splits at `separator` (which starts with a space) outside angle brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LT) depth++;
    else if (c === GT && depth > 0) depth--;
    else if (depth === 0 && c === SPACE && text.startsWith(separator, i)) {
      out.push(text.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/**
 * How well a query's qualifiers match a def, by its qualname: the last must match what the def
 * sits in (parentNames), each one before it an identifier of the path, in order; the worst
 * segment's match counts, undefined when one does not match. Segment matches are remembered:
 * one search checks hundreds of paths against the same few segments.
 */
export class QualifierMatcher {
  /** Per qualifier, identifier → its match. */
  private readonly memos: Array<Map<string, 0 | 1 | 2 | undefined>>;

  constructor(readonly qualifiers: string[]) {
    this.memos = qualifiers.map(() => new Map());
  }

  /** Whether the last qualifier matches `parent`, a name of what defs sit in; true without qualifiers. */
  fitsParent(parent: string): boolean {
    return this.qualifiers.length === 0 || this.segment(this.qualifiers.length - 1, parent) !== undefined;
  }

  score(qualname: string, lowerName: string): number | undefined {
    const last = this.qualifiers.length - 1;
    if (last < 0) return 0;
    const parent = this.best(last, parentNames(qualname), 0);
    if (parent === undefined) return undefined;
    let worst = parent.score;
    if (last === 0) return worst;
    const idents = pathIdentifiers(qualname, lowerName);
    let from = 0;
    for (let q = 0; q < last; q++) {
      const best = this.best(q, idents, from);
      if (best === undefined) return undefined;
      worst = Math.max(worst, best.score);
      from = best.at + 1;
    }
    return worst;
  }

  /** The closest match of qualifier `q` among `idents` from index `from`, the first of equals. */
  private best(q: number, idents: string[], from: number): { at: number; score: number } | undefined {
    let best: { at: number; score: number } | undefined;
    for (let i = from; i < idents.length && best?.score !== 0; i++) {
      const score = this.segment(q, idents[i]);
      if (score !== undefined && (best === undefined || score < best.score)) best = { at: i, score };
    }
    return best;
  }

  private segment(q: number, ident: string): 0 | 1 | 2 | undefined {
    const memo = this.memos[q];
    let match = memo.get(ident);
    if (match === undefined && !memo.has(ident)) memo.set(ident, (match = segmentMatch(this.qualifiers[q], ident)));
    return match;
  }
}

/** Code-unit order, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
