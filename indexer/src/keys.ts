// Key layout of the xref store (LevelDB, utf8 keys, JSON-string values).
//
// Every key is a namespace and its parts joined by NUL ('\0'), which no id, path or name
// contains, so a prefix ending in NUL selects exactly one group and keys sort by their parts.
// <crate> is a crate id (`cargo NAME VERSION`); <item> and <def> are symbol ids.
//
//   meta \0 format                          → STORE_FORMAT_VERSION (number)
//   meta \0 indexedAt                       → ISO time of the last `indexDumps`
//   crate \0 <crate>                        → CrateHeader: crate info, dependencies, its file
//                                             paths and its item/def/ref counts
//   file \0 <path> \0 <crate>               → FileTable: the FileEntry tables (hash, bytes, lines,
//                                             lineStarts, multibyte) and the file's items as
//                                             [item, absStart, absEnd] sorted by start, outer
//                                             items before the items they contain
//   item \0 <crate> \0 <item>               → StoredItem: the ItemRecord without its absolute span
//   fp \0 <crate> \0 <item>                 → [fingerprint, file]: what a reload diffs against
//   def \0 <def> \0 <crate> \0 <item>       → DefEntry: file, kind, name, qualname, relative nameSpan
//   ref \0 <target> \0 <crate> \0 <item>    → RefEntry: file and the item's refs to <target> as
//                                             [relStart, relEnd, role, candidate 0|1]
//   name \0 <lowercased name> \0 <def> \0 <crate> \0 <item>   → '' (search)
//   qual \0 <qualname, segments reversed> \0 <def> \0 <crate> \0 <item>   → '' (resolveTarget);
//                                             a `reexports` relation adds its public path here too,
//                                             pointing at the re-exported def, under the `use` item
//   relto \0 <kind> \0 <to> \0 <from> \0 <crate> \0 <item>     → '' (what points at <to>: the
//                                             methods overriding a trait method, a trait's subtraits)
//   relfrom \0 <kind> \0 <from> \0 <to> \0 <crate> \0 <item>   → '' (what <from> points at: the
//                                             trait method an impl method overrides)
//   impl \0 <trait|self> \0 <target> \0 <impl> \0 <crate> \0 <item>   → ImplEntry: an impl block of
//                                             trait <target> (`trait`) or for type <target> (`self`)
//
// Why this shape:
// - Nothing under item/fp/def/ref/name/qual/relto/relfrom/impl holds an absolute position:
//   spans are relative to the item's start, which only the file table knows. Moving an item
//   rewrites its file table and nothing else.
// - Every key under item/fp/def/ref/name/qual/relto/relfrom/impl is derived from one stored
//   item (deriveItemKeys), so an item's old record says exactly which keys to delete when it
//   changes or goes away.
// - Keys under def/ref/name/qual/relto/relfrom/impl end in <crate> \0 <item> although a def id
//   is unique, so a def (or relation, or impl) that moves between items in one load (old item
//   changed, new item added) is a delete and a put of two different keys, never two writes to
//   one key whose order in the batch would matter.
//   A file compiled into several crates (tests/common/mod.rs) has one file table per crate.
// - The qualname index stores segments in reverse (`area::Circle::shapes::geometry`) so both an
//   exact qualname and "ends with ::Circle::area" are prefix scans.
// - Relations are keyed both ways because queries walk them both ways: find-references on a
//   trait method needs the methods overriding it, goto-definition on an impl method needs the
//   trait method it overrides. The kind comes first so one scan never mixes kinds.
// - An impl of a trait that did not resolve (`trait` is the path as written) gets no impl key
//   for it: nothing could ask for that text as a target.
// - Locals, params, labels, lifetimes and generic params get def and ref keys but no name or
//   qual keys: searching for `x` should find items, not every local called x.
import {
  isSymbolId, type CrateInfo, type Def, type DefKind, type FileEntry, type Impl, type ItemRecord, type RefRole,
  type RelationKind, type Span,
} from '../../schema/src/index.js';

/** Bump when the key layout or a value shape changes; stores of another format need `xref index --full`. */
export const STORE_FORMAT_VERSION = 2;

const SEP = '\0';
/** Upper bound for a prefix scan: no id, path or name contains U+10FFFF. */
export const HIGHEST = '\u{10ffff}';

export type StoredItem = Omit<ItemRecord, 'span'>;

/** [itemId, absStart, absEnd] */
export type FileItem = [item: string, start: number, end: number];

export interface FileTable extends Omit<FileEntry, 'path'> {
  items: FileItem[];
}

export interface CrateHeader {
  id: string;
  schemaVersion: string;
  tool: { name: string; version: string };
  crate: CrateInfo;
  dependencies: Record<string, string>;
  files: string[];
  counts: { items: number; defs: number; refs: number };
  /** The loaded dump's digest, when it had one: a dump with the same digest needs no merge. */
  digest?: string;
}

export interface DefEntry {
  file: string;
  kind: DefKind;
  name: string;
  qualname: string;
  nameSpan: Span;
}

/** [relStart, relEnd, role, candidate (1 when the ref only may resolve to the target)] */
export type StoredRef = [start: number, end: number, role: RefRole, candidate: 0 | 1];

export interface RefEntry {
  file: string;
  refs: StoredRef[];
}

/** An impl block as its item holds it, with the item's file so the block can be located. */
export interface ImplEntry extends Impl {
  file: string;
}

/** How an impl key relates the impl to its target: it implements the trait, or is for the type. */
export type ImplLink = 'trait' | 'self';

export class KeyPartError extends Error {}

function part(text: string): string {
  if (text.includes(SEP)) throw new KeyPartError(`id or path contains a NUL character: ${JSON.stringify(text)}`);
  return text;
}

function key(...parts: string[]): string {
  return parts.map(part).join(SEP);
}

export const keys = {
  format: () => key('meta', 'format'),
  indexedAt: () => key('meta', 'indexedAt'),
  crate: (crate: string) => key('crate', crate),
  file: (path: string, crate: string) => key('file', path, crate),
  item: (crate: string, item: string) => key('item', crate, item),
  fingerprint: (crate: string, item: string) => key('fp', crate, item),
  def: (def: string, crate: string, item: string) => key('def', def, crate, item),
  ref: (target: string, crate: string, item: string) => key('ref', target, crate, item),
  name: (def: Def, crate: string, item: string) => key('name', def.name.toLowerCase(), def.id, crate, item),
  qualname: (qualname: string, def: string, crate: string, item: string) =>
    key('qual', reverseQualname(qualname), def, crate, item),
  relationTo: (kind: RelationKind, to: string, from: string, crate: string, item: string) =>
    key('relto', kind, to, from, crate, item),
  relationFrom: (kind: RelationKind, from: string, to: string, crate: string, item: string) =>
    key('relfrom', kind, from, to, crate, item),
  impl: (link: ImplLink, target: string, impl: string, crate: string, item: string) =>
    key('impl', link, target, impl, crate, item),
};

/** Key ranges for prefix scans; each `gte`/`lt` pair selects the keys starting with the prefix. */
export const ranges = {
  crates: () => below(key('crate', '')),
  filesOf: (path: string) => below(key('file', path, '')),
  fingerprintsOf: (crate: string) => below(key('fp', crate, '')),
  defsOf: (def: string) => below(key('def', def, '')),
  refsTo: (target: string) => below(key('ref', target, '')),
  exactName: (lowerName: string) => below(key('name', lowerName, '')),
  namesStartingWith: (lowerText: string) => below(key('name', lowerText)),
  allNames: () => below(key('name', '')),
  exactQualname: (qualname: string) => below(key('qual', reverseQualname(qualname), '')),
  /** Qualnames ending with `::<qualname>`: reversed, they start with `<reversed>::`. */
  qualnameSuffix: (qualname: string) => below(key('qual', reverseQualname(qualname) + '::')),
  /** Keys whose parts after `relto`, kind, `to` are from, crate, item. */
  relationsTo: (kind: RelationKind, to: string) => below(key('relto', kind, to, '')),
  /** Keys whose parts after `relfrom`, kind, `from` are to, crate, item. */
  relationsFrom: (kind: RelationKind, from: string) => below(key('relfrom', kind, from, '')),
  impls: (link: ImplLink, target: string) => below(key('impl', link, target, '')),
};

export interface Range {
  gte: string;
  lt: string;
}

function below(prefix: string): Range {
  return { gte: prefix, lt: prefix + HIGHEST };
}

/** The parts after the namespace of a key. */
export function keyParts(k: string): string[] {
  return k.split(SEP).slice(1);
}

/** Defs a name search or a qualname lookup should find. */
export function isSearchable(kind: DefKind): boolean {
  return !NOT_SEARCHABLE.has(kind);
}

const NOT_SEARCHABLE: ReadonlySet<DefKind> = new Set<DefKind>(['local', 'param', 'label', 'lifetime', 'generic_param']);

/**
 * `a::b::C<T::X>::f` → `f::C<T::X>::b::a`. Splits only at `::` outside angle brackets, so a
 * generic argument's path stays inside its segment.
 */
export function reverseQualname(qualname: string): string {
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < qualname.length; i++) {
    const c = qualname[i];
    if (c === '<') depth++;
    else if (c === '>' && depth > 0) depth--;
    else if (c === ':' && depth === 0 && qualname[i + 1] === ':') {
      segments.push(qualname.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  segments.push(qualname.slice(start));
  return segments.reverse().join('::');
}

/**
 * Every key (with its JSON value) that one stored item contributes to the store. Merge and
 * removal both go through here, so the keys deleted for an old item are exactly those written.
 */
export function deriveItemKeys(crate: string, stored: StoredItem): Map<string, string> {
  const out = new Map<string, string>();
  const id = stored.item;
  out.set(keys.item(crate, id), JSON.stringify(stored));
  out.set(keys.fingerprint(crate, id), JSON.stringify([stored.fingerprint, stored.file]));
  for (const def of stored.defs) {
    const entry: DefEntry = { file: stored.file, kind: def.kind, name: def.name, qualname: def.qualname, nameSpan: def.nameSpan };
    out.set(keys.def(def.id, crate, id), JSON.stringify(entry));
    if (isSearchable(def.kind)) {
      out.set(keys.name(def, crate, id), '');
      out.set(keys.qualname(def.qualname, def.id, crate, id), '');
    }
  }
  for (const relation of stored.relations) {
    out.set(keys.relationTo(relation.kind, relation.to, relation.from, crate, id), '');
    out.set(keys.relationFrom(relation.kind, relation.from, relation.to, crate, id), '');
    if (relation.kind === 'reexports' && relation.qualname !== undefined) {
      out.set(keys.qualname(relation.qualname, relation.to, crate, id), '');
    }
  }
  for (const impl of stored.impls) {
    const entry = JSON.stringify({ ...impl, file: stored.file } satisfies ImplEntry);
    if (impl.trait !== undefined && isSymbolId(impl.trait)) out.set(keys.impl('trait', impl.trait, impl.id, crate, id), entry);
    if (impl.selfTarget !== undefined) out.set(keys.impl('self', impl.selfTarget, impl.id, crate, id), entry);
  }
  const byTarget = new Map<string, StoredRef[]>();
  const add = (target: string, ref: StoredRef) => {
    const list = byTarget.get(target);
    if (list) list.push(ref);
    else byTarget.set(target, [ref]);
  };
  for (const ref of stored.refs) {
    if (ref.target !== undefined) add(ref.target, [ref.span[0], ref.span[1], ref.role, 0]);
    for (const candidate of ref.candidates ?? []) add(candidate, [ref.span[0], ref.span[1], ref.role, 1]);
  }
  for (const [target, refs] of byTarget) {
    refs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const entry: RefEntry = { file: stored.file, refs };
    out.set(keys.ref(target, crate, id), JSON.stringify(entry));
  }
  return out;
}

export function storedItem(record: ItemRecord): StoredItem {
  const { span: _absolute, ...rest } = record;
  return rest;
}
