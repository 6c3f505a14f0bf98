// Turns resolution results into refs on an item record.
import type { RefRole, Ref } from '../../../schema/src/index.js';
import type { Path } from '../syntax/ast.js';
import type { DefInfo, ItemRecordDraft } from './model.js';
import type { SegmentDefs } from './paths.js';

export function pathText(path: Path): string {
  return (path.global ? '::' : '') + path.segments.map((s) => s.name.text).join('::');
}

export function targetRef(span: [number, number], role: RefRole, defs: DefInfo[]): Ref {
  if (defs.length === 1) return { span, role, target: defs[0].def.id };
  return { span, role, candidates: [...new Set(defs.map((d) => d.def.id))] };
}

/** Path keywords whose failure to resolve is a context problem (no impl, no parent), not a name to report. */
const PATH_KEYWORDS = new Set(['self', 'Self', 'super', 'crate']);

/**
 * One ref per segment: the last with `role`, earlier ones with role `path`. The first segment
 * that did not resolve becomes an `unresolved` ref carrying the path as written; later ones are dropped.
 *
 * With `wholeFrom`, segments `wholeFrom..` of a resolved path are one ref to the final target
 * instead of a ref on each end: rustc links a `use` path, a bound and an `impl Trait for` path
 * as a whole, so a lookup at its first token must give what the path names. Segments in between
 * keep their own, smaller refs, which a position lookup prefers.
 */
export function emitPathRefs(record: ItemRecordDraft, path: Path, segs: SegmentDefs, role: RefRole, wholeFrom?: number): void {
  const n = path.segments.length;
  const whole = wholeFrom !== undefined && wholeFrom < n - 1 && segs.length === n && segs[n - 1].length > 0;
  for (let i = 0; i < n; i++) {
    const seg = path.segments[i];
    const last = i === n - 1;
    const defs = segs[i];
    if (whole && i === wholeFrom) {
      record.refs.push(targetRef([seg.name.span[0], path.segments[n - 1].name.span[1]], role, segs[n - 1]));
      continue;
    }
    if (whole && last) continue;
    if (defs === undefined || defs.length === 0) {
      if (i === 0 && PATH_KEYWORDS.has(seg.name.text)) return;
      record.refs.push({ span: seg.name.span, role: last ? role : 'path', unresolved: pathText(path) });
      return;
    }
    record.refs.push(targetRef(seg.name.span, last ? role : 'path', defs));
  }
}
