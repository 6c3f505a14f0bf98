// Qualified paths in expressions: `<T as Trait>::item`, `<*const T>::cast_mut`, `<[T]>::len`.
// The part in angle brackets is a type (and a trait); what follows are its items.
import { TK } from '../syntax/tokens.js';
import type { DefInfo } from './model.js';
import { resolveRelative } from './paths.js';
import { emitPathRefs } from './refs.js';
import { readPath, skipAngles } from './body-tokens.js';
import { typeDefOfTokens, typeList, typeTokens, type BodyContext } from './body-types.js';

export interface QualifiedPath {
  /** Index past the path. */
  end: number;
  /** What its last segment names. */
  defs: DefInfo[];
  /** The self type in the angle brackets, when known: the receiver of a method named this way. */
  owner?: DefInfo;
}

/** Reads and resolves the qualified path whose `<` is token `t`; undefined when none starts there. */
export function qualifiedPath(ctx: BodyContext, t: number, end: number): QualifiedPath | undefined {
  const { ts } = ctx;
  const k = ts.kinds;
  const close = skipAngles(ts, t, end);
  if (k[close - 1] !== TK['>'] || k[close] !== TK['::'] || k[close + 1] === TK['<']) return undefined;
  let asTok = -1;
  for (let u = t + 1, depth = 0; u < close - 1; u++) {
    if (k[u] === TK['<']) depth++;
    else if (k[u] === TK['>']) depth--;
    else if (k[u] === TK.as && depth === 0) { asTok = u; break; }
  }
  const typeEnd = asTok >= 0 ? asTok : close - 1;
  typeTokens(ctx, t + 1, typeEnd, false);
  const owner = typeDefOfTokens(ts, t + 1, typeEnd, ctx.lex);
  let owners = owner ? [owner] : [];
  if (asTok >= 0) owners = ctx.resolveAndEmit(readPath(ts, asTok + 1, close - 1, false), 'type', 'type');
  const rest = readPath(ts, close + 1, end);
  const role = k[rest.end] === TK['('] ? 'call' : 'read';
  const segs = owners.length > 0 ? resolveRelative(owners, rest.path.segments, 'value') : [];
  emitPathRefs(ctx.record, rest.path, segs, role);
  for (const [a, b] of rest.generics) typeList(ctx, a, b);
  const n = rest.path.segments.length;
  return { end: rest.end, defs: segs.length === n ? segs[n - 1] : [], owner };
}
