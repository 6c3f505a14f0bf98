// Turns a crate's item record drafts into a schema v1 dump: spans become relative to their
// item, and each item gets its two fingerprints.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { SCHEMA_VERSION, type DumpHeader, type ItemRecord, type Span, type CrateInfo } from '../../../schema/src/index.js';
import type { CrateCtx, ItemRecordDraft } from '../resolve/model.js';
import type { SourceFile } from '../crate/modules.js';
import { TOOL } from '../tool.js';

export interface DumpOptions {
  /**
   * Name files by absolute path rather than from the workspace root: the dump is shared by
   * workspaces at different roots (std's, in the cache of std-src/).
   */
  absolutePaths?: boolean;
  /**
   * An earlier record's line to take for a draft instead of building one (incremental/resume.ts:
   * the item is unchanged), given the file name the record must have.
   */
  reuse?: (draft: ItemRecordDraft, file: string) => string | undefined;
}

/**
 * A dump as it is written: the header, digest included, and each item record's JSON line. An
 * analysis that takes most records from the last dump (resume.ts, moved-items.ts) copies their
 * lines rather than parsing and writing them again.
 */
export interface DumpText {
  header: DumpHeader;
  lines: DumpLines;
}

/**
 * Record lines: each string one line; each byte run several whole lines of an earlier dump,
 * joined by newlines, which a resume copies without decoding them (incremental/moved-items.ts).
 */
export type DumpLines = Array<string | Uint8Array>;

export function buildDump(crate: CrateCtx, workspaceRoot: string, options: DumpOptions = {}): { dump: DumpText; warnings: string[] } {
  const warnings: string[] = [];
  const t = crate.target;
  const slashes = (p: string) => p.split(path.sep).join('/');
  const rel = (p: string) => slashes(options.absolutePaths ? p : path.relative(workspaceRoot, p));
  const fileName = options.absolutePaths ? (f: SourceFile) => slashes(f.abs) : undefined;
  const info: CrateInfo = {
    name: crate.name, version: t.version, edition: crate.edition, root: rel(t.rootFile), kind: t.kind,
    features: [...t.features].sort(), cfgs: [...crate.cfg.flags].sort(),
  };
  const dependencies: Record<string, string> = {};
  for (const [name, dep] of [...crate.deps].sort(([a], [b]) => a.localeCompare(b))) dependencies[name] = dep.idPrefix;
  const drafts = [...crate.records].sort((a, b) => cmp(a.file.rel, b.file.rel) || a.span[0] - b.span[0] || b.span[1] - a.span[1] || cmp(a.id, b.id));
  const nameOf = fileName ?? ((f: SourceFile) => f.rel);
  const lines = drafts.map((d) => options.reuse?.(d, nameOf(d.file)) ?? JSON.stringify(itemRecordOf(d, warnings, nameOf)));
  const files = crate.loaded.files.map((f) => (fileName ? { ...f.entry, path: fileName(f) } : f.entry)).sort((a, b) => cmp(a.path, b.path));
  return { dump: withDigest({ schemaVersion: SCHEMA_VERSION, tool: TOOL, crate: info, dependencies, files }, lines), warnings };
}

/** The dump of `header` (its digest aside) and `lines`, with its digest: a hash of all the rest of its text. */
export function withDigest(header: DumpHeader, lines: DumpLines): DumpText {
  const { digest: _old, ...rest } = header;
  const h = createHash('sha1').update(JSON.stringify(rest));
  for (const line of lines) h.update('\n').update(line);
  return { header: { ...rest, digest: h.digest('hex').slice(0, 16) }, lines };
}

/**
 * The first fields of a record's line, which `itemRecordOf` writes first, read without parsing
 * the rest: most of a dump's records are copied from the last one as they are.
 */
export function recordHead(line: string): Pick<ItemRecord, 'item' | 'kind' | 'file' | 'span'> {
  // No id or path holds an unescaped quote, so the key is found where it is a key.
  return JSON.parse(`${line.slice(0, line.indexOf(',"fingerprint":'))}}`) as Pick<ItemRecord, 'item' | 'kind' | 'file' | 'span'>;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The dump record of a draft; what lies outside the item is dropped, with a warning. */
export function itemRecordOf(d: ItemRecordDraft, warnings: string[], fileName: (f: SourceFile) => string = (f) => f.rel): ItemRecord {
  const base = d.span[0];
  const relSpan = (s: Span): Span => [s[0] - base, s[1] - base];
  const inside = (s: Span) => s[0] >= base && s[1] <= d.span[1] && s[0] <= s[1];
  const outside = (what: string, s: Span) => warnings.push(`${d.file.rel}: ${what} at bytes ${s[0]}..${s[1]} lies outside item ${d.id}; dropped`);
  const defs = d.defs.filter((x) => inside(x.span) && inside(x.nameSpan) || (outside('def', x.span), false))
    .map((x) => ({ ...x, span: relSpan(x.span), nameSpan: relSpan(x.nameSpan) }));
  const refs = d.refs.filter((x) => inside(x.span) || (outside('ref', x.span), false))
    .map((x) => ({ ...x, span: relSpan(x.span) }))
    .sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const diagnostics = d.diagnostics.map((x) => ({ ...x, span: relSpan(x.span) }));
  const record: ItemRecord = {
    item: d.id, kind: d.kind, file: fileName(d.file), span: [base, d.span[1]],
    fingerprint: recordFingerprint({ kind: d.kind, span: d.span, inactive: d.inactive, defs, refs, impls: d.impls, relations: d.relations, diagnostics }),
    surface: hash(JSON.stringify([d.kind, d.surface, defs.filter((x) => x.kind !== 'local' && x.kind !== 'param').map((x) => [x.id, x.signature ?? '', x.visibility])])),
    defs, refs, impls: d.impls, relations: d.relations, diagnostics,
  };
  if (d.inactive) record.inactive = true;
  return record;
}

/** The fingerprint of a record: everything in it but where it is (its id, file and absolute span). */
export function recordFingerprint(r: Pick<ItemRecord, 'kind' | 'span' | 'defs' | 'refs' | 'impls' | 'relations' | 'diagnostics'> & { inactive?: boolean }): string {
  const { kind, span, defs, refs, impls, relations, diagnostics } = r;
  return hash(JSON.stringify({ kind, len: span[1] - span[0], inactive: r.inactive === true, defs, refs, impls, relations, diagnostics }));
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}
