// What a resumed analysis (resume.ts) compares between two runs, for every item record. They are
// taken once every record has its final id (after impls) and before any body is resolved, so
// the next run can take them at the same point without resolving anything:
// - text: the item's bytes. An item whose bytes are the same has the same record, relative spans
//   and all, unless something it refers to changed.
// - shape: the item's tokens outside its own fn bodies and const values, and outside the records
//   nested in it (an impl's methods, an inline module's items). Tokens only: whitespace and
//   comments do not count, so an edit inside a body, or lines added above an item, change no
//   shape. A changed shape is a changed signature, which its dependents must see.
// - defs: the ids of the item's defs at that point (its own name, fields, variants, members).
import { createHash } from 'node:crypto';
import type { CrateCtx, ItemRecordDraft } from '../resolve/model.js';
import type { SourceFile } from '../crate/modules.js';
import type { TokenStream } from '../syntax/lexer.js';

export interface RecordPrint {
  text: string;
  shape: string;
  defs: string;
}

export function recordPrints(crate: CrateCtx): Map<ItemRecordDraft, RecordPrint> {
  const bodies = bodyRanges(crate);
  const byFile = new Map<SourceFile, ItemRecordDraft[]>();
  for (const r of crate.records) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  const out = new Map<ItemRecordDraft, RecordPrint>();
  const scratch = new Scratch();
  for (const [file, records] of byFile) {
    // Outer records first; a record's children are the records inside it that no other child holds.
    const sorted = [...records].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    const children = new Map<ItemRecordDraft, ItemRecordDraft[]>();
    const open: ItemRecordDraft[] = [];
    for (const r of sorted) {
      while (open.length > 0 && open[open.length - 1].span[1] <= r.span[0]) open.pop();
      const parent = open[open.length - 1];
      if (parent !== undefined && r.span[1] <= parent.span[1] && (r.span[0] !== parent.span[0] || r.span[1] !== parent.span[1])) {
        const list = children.get(parent);
        if (list) list.push(r);
        else children.set(parent, [r]);
      }
      open.push(r);
    }
    for (const r of records) {
      const cut = [...(children.get(r) ?? []).map((c) => c.span), ...(bodies.get(r) ?? [])].sort((a, b) => a[0] - b[0]);
      out.set(r, {
        text: textPrint(r),
        shape: sha1(scratch.tokens(file.ts, r.span, cut)),
        defs: sha1(Buffer.from(r.defs.map((d) => d.id).join('\n'))),
      });
    }
  }
  return out;
}

/** A record's text fingerprint: a hash of its bytes. */
export function textPrint(record: ItemRecordDraft): string {
  return bytesPrint(record.file.ts.src, record.span);
}

/** The text fingerprint of the record spanning `span` of `src`. */
export function bytesPrint(src: Uint8Array, span: readonly [number, number]): string {
  return sha1(src.subarray(span[0], span[1]));
}

/** The byte ranges of what each record resolves as a body: fn bodies and const or static values. */
function bodyRanges(crate: CrateCtx): Map<ItemRecordDraft, Array<readonly [number, number]>> {
  const out = new Map<ItemRecordDraft, Array<readonly [number, number]>>();
  for (const d of crate.defs) {
    const item = d.item;
    if (item === undefined) continue;
    const range = item.kind === 'fn' ? item.body : item.kind === 'const' || item.kind === 'static' ? item.value : undefined;
    if (range === undefined || range[1] <= range[0]) continue;
    const ts = d.file.ts;
    const bytes = [ts.starts[range[0]], ts.ends[range[1] - 1]] as const;
    const list = out.get(d.record);
    if (list) list.push(bytes);
    else out.set(d.record, [bytes]);
  }
  return out;
}

/** A growing buffer for the tokens of a shape: each token's kind, its bytes, then 0xFF (never in UTF-8). */
class Scratch {
  private buf = new Uint8Array(1 << 16);
  private len = 0;

  tokens(ts: TokenStream, span: readonly [number, number], cut: ReadonlyArray<readonly [number, number]>): Uint8Array {
    this.len = 0;
    let c = 0;
    for (let t = firstTokenAt(ts, span[0]); t < ts.count && ts.starts[t] < span[1]; t++) {
      const start = ts.starts[t];
      while (c < cut.length && cut[c][1] <= start) c++;
      if (c < cut.length && cut[c][0] <= start) {
        // Jump past the cut range.
        t = firstTokenAt(ts, cut[c][1]) - 1;
        continue;
      }
      this.push(ts.kinds[t], ts.src.subarray(start, ts.ends[t]));
    }
    return this.buf.subarray(0, this.len);
  }

  private push(kind: number, bytes: Uint8Array): void {
    const need = this.len + bytes.length + 2;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf[this.len++] = kind;
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    this.buf[this.len++] = 0xff;
  }
}

/** The first token starting at or after byte `offset`. */
function firstTokenAt(ts: TokenStream, offset: number): number {
  let lo = 0;
  let hi = ts.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}
