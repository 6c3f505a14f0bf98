// Key layout of the xref store (LevelDB, utf8 keys, JSON-string values but the ref and cref
// keys', packed: packed-text.ts).
//
// Every key is a namespace and its parts joined by NUL ('\0'), which no id, path or name
// contains, so a prefix ending in NUL selects exactly one group and keys sort by their parts.
// <crate> is a crate id (`cargo NAME VERSION`); <item> and <def> are symbol ids; <list> is the
// hash of a candidate list (records.ts). <owner> names the item whose record the key derives
// from, relative to the id before it (ownerCode): its crate is the first three words of its id.
//
//   meta \0 format                          → STORE_FORMAT_VERSION (number)
//   meta \0 indexedAt                       → ISO time of the last `indexDumps`
//   crate \0 <crate>                        → CrateHeader: crate info, dependencies, its file
//                                             paths and its item/def/ref counts
//   file \0 <path> \0 <crate>               → FileTable (records.ts, encodeFileTable): the FileEntry tables (hash,
//                                             bytes, lines, lineStarts as the differences between
//                                             them, multibyte) and the file's items as
//                                             [item, absStart, absEnd, hitStart, hitEnd] sorted by
//                                             start, outer items before the items they contain
//   item \0 <crate> \0 <item>               → EncodedItem (records.ts): the ItemRecord without its
//                                             absolute span and surface hash, each def as its id and
//                                             name span, refs as tuples, a candidate list as its
//                                             hash; as [head, refs], then the item's stamp (of its
//                                             fingerprint and file, what a reload diffs against).
//                                             The defs of the item's own locals, params, closures
//                                             and generic params are whole in it, with no def key,
//                                             and so are its refs to them (isRecordLocal)
//   def \0 <def>                           → its item (ownerCode), then its DefEntry (encodeDefValue):
//                                             the def (kind, name, qualname, spans relative
//                                             to the item, visibility, signature, type, docs or,
//                                             for `///` and `//!` docs, their hash
//                                             (source-docs.ts); not its attributes nor its parent,
//                                             storedDef), its file, and the trait methods <def>
//                                             overrides, if any; the only place a def's details are
//                                             stored, but for a record-local def's
//   ref \0 <target> \0 <crate>              → TargetRefsValue (target-refs.ts): the refs to <target> of
//                                             the crate's items, by file and item, packed
//                                             (packed-text.ts), each file its path and its items'
//                                             rows, each row [item's hash (itemHash), length,
//                                             place, length, role…] (a place: a line and column
//                                             relative to the item's start, item-places.ts). The
//                                             key of
//                                             <target>'s own crate (its id's first three words)
//                                             starts with <target>'s directory (own-ref-keys.ts):
//                                             the hashes of the candidate lists holding it and the
//                                             ids of the other crates with a key for it, sorted;
//                                             it is there, if only for that, while the directory
//                                             names any
//   cref \0 <list> \0 <crate>               → TargetRefsValue: the refs of the crate's items whose
//                                             candidate list has the hash <list>
//   clist \0 <list>                         → the candidate list (symbol ids) of hash <list>
//   lcrates \0 <list>                       → the ids of the crates with a cref key for <list>,
//                                             sorted (list-crates.ts)
//   name \0 <lowercased name>               → SetMembers (set-keys.ts): the searchable defs of
//                                             that name, each [<def>, <owner>, kind, visibility,
//                                             qualname] (the qualname left out when <def> spells
//                                             it, id-names.ts): what search filters and ranks a
//                                             def by, and what resolveTarget finds a path's def by
//   qual \0 <path, segments reversed>       → SetMembers: the defs a `reexports` relation gives
//                                             this public path, each [<def>, <owner>], <owner>
//                                             the `use` item (resolveTarget)
//   relto \0 overrides \0 <to>            → SetMembers (set-keys.ts): the methods overriding trait
//                                             method <to>, each [<from>, <owner>]
//   impl \0 <trait|self> \0 <target>       → SetMembers: the impl blocks of trait <target> (`trait`)
//                                             or for type <target> (`self`), each [<impl>, <owner>],
//                                             whose details (self type, items) its item's record
//                                             holds
//   vocab \0 <crate> \0 <digest>             → CrateVocabulary: the crate's distinct searchable
//                                             names, each with the names of what it sits in
//                                             (types, traits, modules), and whether the crate is
//                                             in the workspace
//
// Why this shape:
// - A def's details are stored once, in its def key, which every query about a def reads first
//   (locate.ts); its item's record only names it. When the record held the defs too, they were
//   half of the records' bytes, and std's store was 1.9 MB larger (bench/RESULTS.md).
// - Nothing under item/def/ref/cref/name/qual/relto/impl holds an absolute position:
//   spans, and the lines and columns of ref keys' places, are relative to the item's start,
//   which only the file table knows. Moving an item
//   rewrites its file table and nothing else.
// - Every key under item/def/cref/name/qual/relto/impl is derived from one stored
//   item (deriveItemKeys), so an item's old record says exactly which keys to delete when it
//   changes or goes away. A ref key holds the refs of the items of one crate: each item derives
//   its part of it (a per-item ref key that the merge folds into its crate's, target-refs.ts), so
//   its old record, placed where its file's stored table says it started (merge.ts,
//   StoredPlaces), says exactly what to take out. One key per target and crate rather than per
//   item or per file: `Option` is referred to from 1,803 items of std in 253 files but 6 crates,
//   and the scan of its keys was most of the time of finding its references (bench/RESULTS.md).
// - A ref the front end could not narrow to one target lists every candidate (an unknown
//   receiver's `.len()`: every `len` method, hundreds of ids). On std, 9,354 such refs hold
//   363,016 candidates but only 790 distinct lists, so a list is stored once under its hash
//   (clist), shared by the items whose refs use it, and each candidate's directory (in its own
//   ref key) names the lists holding it. The refs through a list are kept as the refs to a target are,
//   one cref key per list and crate. The merge writes a list's keys when an item first uses it
//   and deletes them with the last cref key of the list (shared-lists.ts): the store holds a
//   list exactly while some item uses it.
// - Finding the references of a target reads none of its keys by a range: it gets the ref key of
//   the target's own crate (its id starts with the crate's), then the ref keys of the other
//   crates its directory names, and the cref keys of its lists' crates (an lcrates key per list
//   says which). Each range read is a trip to
//   LevelDB's thread pool, and two of them were half the time of finding `Option`'s refs. Most
//   targets (11,800 of std's 13,100) have refs in their own crate alone: reading a ref key for
//   every crate was 6 point reads where 1 does, and 826 for the 118 overriders of
//   `DoubleEndedIterator::next_back` (119 now).
// - A def id is unique in a store (a dump's def ids start with its crate's id, and a dump
//   defines each once, schema/src/validate.ts), so a def key is its id alone and finding a def
//   by id is one point read: a range read waits for LevelDB's threads, and on this machine one
//   in a hundred of those waits took 2 to 8 ms (bench/RESULTS.md, eleventh session). The item
//   holding the def is in the value. A def that moves between items in one load (old item
//   changed, new item added) is then a delete and a put of one key, and the batch lets the put
//   win whichever comes first (merge.ts, CountingBatch).
// - The impls of a trait or type, the overriders of a trait method, the defs of a name and the
//   defs of a re-export path are one key each, a set whose members are items' contributions,
//   folded in by the merge as ref keys are (set-keys.ts): reading them is one point read.
// - The members of name, qual, impl and relto sets end in the item they derive from, so that
//   such a move is a delete and a put of two different members.
//   The item is written relative to the id before it,
//   most often '' (a fn's name set member is the fn's item's) or a short `<N` (a local's item is its
//   id without the `$x@12`): with the crate and item in full these keys were 16 MB of std's
//   23 MB of key text (bench/RESULTS.md, ninth session).
//   A file compiled into several crates (tests/common/mod.rs) has one file table per crate.
// - A path is resolved through the name index: the defs named as its last segment, whose name
//   entries say their qualnames. A key per searchable def for its qualname as well cost 0.8 MB
//   on std. Re-export paths are no def's qualname, and have their own keys, segments in reverse
//   (`Circle::zoo`): an exact path is a point read, "ends with ::zoo::Circle" a prefix scan.
// - Only `overrides` relations are keyed, by the method overridden: find-references on a trait
//   method needs the methods overriding it. Goto-definition on an impl method reads the trait
//   method it overrides from its def key; `implements` relations are the impl keys, and nothing
//   asks for the others, which the store does not keep (storedItem).
// - An impl of a trait that did not resolve (`trait` is the path as written) gets no impl key
//   for it: nothing could ask for that text as a target.
// - Locals, params, labels, lifetimes and generic params get no name or qual keys: searching for
//   `x` should find items, not every local called x. Those of the item that holds them get no
//   def key either (records.ts, isRecordLocal).
// - A crate's vocabulary is one key per crate, written with its items in the crate's batch, so
//   a search process reads a few keys to know every name rather than scanning the name index.
//   Its digest is in the key: a keys-only scan tells a process whether its copy is current.
import type {
  CrateInfo, Def, DefKind, FileEntry, ItemRecord, Ref, RelationKind, Visibility,
} from '../../schema/src/types.js';
import { isSymbolId } from '../../schema/src/symbol.js';
import { InconsistentIndexError } from './errors.js';
import { candidateListHash, encodeItem, isRecordLocal, relationsInDefKeys, type RefSpans } from './records.js';
import { encodeRefEntry, type ItemPlaces } from './item-places.js';
import { nameLengthInId, qualnameInId } from './id-names.js';
import { encodeDefValue, itemDefEntry } from './def-values.js';

/** Bump when the key layout or a value shape changes; stores of another format need `xref index --full`. */
export const STORE_FORMAT_VERSION = 40;

export const SEP = '\0';
/** Upper bound for a prefix scan: no id, path or name contains U+10FFFF. */
export const HIGHEST = '\u{10ffff}';

/** An item record as the store knows it (decoded: candidate lists in full); `surface` is the front end's. */
export type StoredItem = Omit<ItemRecord, 'span' | 'surface'>;

/**
 * [itemId, absStart, absEnd, hitStart, hitEnd]. The hit span, relative to the item's start,
 * covers the item's def names and refs, what a position query can find in it; [0, 0] when it
 * has none. An item a macro call expands to spans the whole call, so a position there is inside
 * hundreds of items (std's env_consts.rs: 297); the hit span leaves out all but the few whose
 * names are there.
 */
export type FileItem = [item: string, start: number, end: number, hitStart: number, hitEnd: number];

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

/**
 * A def as its def key holds it, the only place a def's details are stored (its item's record
 * names it and where its name is): the Def without its id, which the key has, nor what the store
 * does not keep (storedDef), and with its file.
 */
export interface DefEntry extends Omit<Def, 'id' | 'parent' | 'attributes'> {
  file: string;
  /**
   * The trait methods this method overrides (its item's `overrides` relations, whose `from` is
   * always the item's own def), so goto-definition follows them without a range read.
   */
  overrides?: string[];
}

/** What a name set member holds: enough to filter and rank a search hit before reading its def. */
export type NameEntry = [kind: DefKind, visibility: Visibility, qualname: string];

/** A name set member's value: a NameEntry without the qualname when the def's id spells it (qualnameInId). */
export type StoredNameEntry = [kind: DefKind, visibility: Visibility, qualname?: string];

/** The entry of `def` in a name set, whose value is `stored`, its qualname put back from the id. */
export function nameEntryOf(def: string, [kind, visibility, qualname]: StoredNameEntry): NameEntry {
  if (qualname !== undefined) return [kind, visibility, qualname];
  const derived = qualnameInId(def);
  if (derived === undefined) throw new InconsistentIndexError(`the name set member of ${def} leaves out a qualname its id does not give`);
  return [kind, visibility, derived];
}

/**
 * A crate's searchable names, each once, sorted by their lower-case form, one per line; for each,
 * a line with the names of what its defs sit in, space-separated (`BTreeMap HashMap Vec` for
 * `insert`); whether the crate is a workspace member. Lines, not arrays: every search process
 * reads every crate's vocabulary, and a few long strings parse far faster than many small arrays.
 */
export interface CrateVocabulary {
  workspace: boolean;
  names: string;
  parents: string;
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
  def: (def: string) => key('def', def),
  /** An item's refs to a target: what the item contributes to its crate's key, never stored itself (target-refs.ts). */
  itemRefs: (target: string, crate: string, item: string) => key('ref', target, crate, item),
  /** The refs to a target of the items of a crate. */
  targetRefs: (target: string, crate: string) => key('ref', target, crate),
  /** An item's refs through a candidate list: like itemRefs, folded into its crate's key. */
  itemCandidateRefs: (list: string, crate: string, item: string) => key('cref', list, crate, item),
  /** The refs through a candidate list of the items of a crate. */
  candidateRefs: (list: string, crate: string) => key('cref', list, crate),
  candidateList: (list: string) => key('clist', list),
  /** The crates with a cref key for a candidate list (list-crates.ts). */
  listCrates: (list: string) => key('lcrates', list),
  /** A searchable def: a member of its name's set, never stored itself (set-keys.ts). */
  name: (def: Def, item: string) => key('name', def.name.toLowerCase(), def.id, ownerCode(def.id, item)),
  /** The searchable defs of a lower-case name (set-keys.ts). */
  names: (lowerName: string) => key('name', lowerName),
  /** A def a re-export gives a path: a member of the path's set, never stored itself. */
  qualname: (qualname: string, def: string, item: string) => key('qual', reverseQualname(qualname), def, ownerCode(def, item)),
  /** The defs re-exported under a path (set-keys.ts). */
  reexports: (qualname: string) => key('qual', reverseQualname(qualname)),
  /** An item's overriding method: a member of the method's set of overriders, never stored itself (set-keys.ts). */
  overriddenBy: (method: string, overrider: string, item: string) =>
    key('relto', 'overrides', method, overrider, ownerCode(overrider, item)),
  /** The methods overriding a trait method, and their items (set-keys.ts). */
  overriders: (method: string) => key('relto', 'overrides', method),
  /** An item's impl block: a member of its trait's or self type's set of impls, never stored itself. */
  impl: (link: ImplLink, target: string, impl: string, item: string) => key('impl', link, target, impl, ownerCode(impl, item)),
  /** The impl blocks of a trait (`trait`) or for a type (`self`), and their items (set-keys.ts). */
  impls: (link: ImplLink, target: string) => key('impl', link, target),
  vocabulary: (crate: string, digest: string) => key('vocab', crate, digest),
};

/** Key ranges for prefix scans; each `gte`/`lt` pair selects the keys starting with the prefix. */
export const ranges = {
  crates: () => below(key('crate', '')),
  filesOf: (path: string) => below(key('file', path, '')),
  itemsOf: (crate: string) => below(key('item', crate, '')),
  candidateRefs: (list: string) => below(key('cref', list, '')),
  /** Qualnames ending with `::<qualname>`: reversed, they start with `<reversed>::`. */
  qualnameSuffix: (qualname: string) => below(key('qual', reverseQualname(qualname) + '::')),
  /** The vocabulary key of a crate (one, whatever its digest). */
  vocabularyOf: (crate: string) => below(key('vocab', crate, '')),
  vocabularies: () => below(key('vocab', '')),
};

export interface Range {
  gte: string;
  lt: string;
}

function below(prefix: string): Range {
  return { gte: prefix, lt: prefix + HIGHEST };
}

/** Plain string order (by UTF-16 code unit), for sorting ids and paths deterministically. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `item` relative to `id`, the id before it in a key: '' for `id` itself, `<N` when `item` is `id`
 * without its last N characters (a local's item), else `item`.
 */
export function ownerCode(id: string, item: string): string {
  if (item === id) return '';
  return id.startsWith(item) ? `<${id.length - item.length}` : item;
}

/** The item (and its crate) whose record wrote a key holding `id` then `code` (ownerCode). */
export function ownerOf(id: string, code: string): { crate: string; item: string } {
  const item = code === '' ? id : code.startsWith('<') ? id.slice(0, id.length - Number(code.slice(1))) : code;
  return { crate: crateOfItem(item), item };
}

/** A symbol id's crate: its first three words (`cargo alloc 0.0.0 vec/Vec#` → `cargo alloc 0.0.0`). */
export function crateOfItem(item: string): string {
  const end = item.indexOf(' ', item.indexOf(' ', item.indexOf(' ') + 1) + 1);
  return end < 0 ? item : item.slice(0, end);
}

export function isDefKey(k: string): boolean {
  return k.startsWith('def\0');
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
  return segmentsOf(qualname).reverse().join('::');
}

/** A qualname's segments, split at `::` outside angle brackets. */
export function segmentsOf(qualname: string): string[] {
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
  return segments;
}

/**
 * Every key (with its JSON value) that one stored item contributes to the store, the keys of
 * the candidate lists it shares with other items included, its refs placed from where it starts
 * (`places`). Merge and removal both go through here, so the keys deleted for an old item are
 * exactly those written, given where it started.
 */
export function deriveItemKeys(crate: string, stored: StoredItem, places: ItemPlaces): Map<string, string> {
  const out = new Map<string, string>();
  const id = stored.item;
  // The keys below name the item without its crate, which its id's first words must say.
  if (crateOfItem(id) !== crate) throw new InconsistentIndexError(`item ${id} of crate ${crate} does not start with its crate's id`);
  out.set(keys.item(crate, id), encodeItem(stored));
  // The record holds its own locals' defs and the refs to them (records.ts, isRecordLocal).
  const ownLocals = new Set<string>();
  for (const def of stored.defs) {
    if (isRecordLocal(id, def.id)) ownLocals.add(def.id);
    else out.set(keys.def(def.id), encodeDefValue(def.id, itemDefEntry(stored, def), ownerCode(def.id, id)));
    // A fn or struct declared in a fn's body is record-local and still found by name.
    if (isSearchable(def.kind)) {
      const entry: StoredNameEntry = def.qualname === qualnameInId(def.id) ? [def.kind, def.visibility] : [def.kind, def.visibility, def.qualname];
      out.set(keys.name(def, id), JSON.stringify(entry));
    }
  }
  for (const relation of stored.relations) {
    if (relation.kind === 'overrides') out.set(keys.overriddenBy(relation.to, relation.from, id), '');
    if (relation.kind === 'reexports' && relation.qualname !== undefined) {
      out.set(keys.qualname(relation.qualname, relation.to, id), '');
    }
  }
  for (const impl of stored.impls) {
    if (impl.trait !== undefined && isSymbolId(impl.trait)) out.set(keys.impl('trait', impl.trait, impl.id, id), '');
    if (impl.selfTarget !== undefined) out.set(keys.impl('self', impl.selfTarget, impl.id, id), '');
  }
  const byTarget = new Map<string, RefSpans>();
  const byList = new Map<string, RefSpans>();
  const add = (groups: Map<string, RefSpans>, k: string, ref: Ref) => {
    const list = groups.get(k);
    if (list) list.push([ref.span[0], ref.span[1], ref.role]);
    else groups.set(k, [[ref.span[0], ref.span[1], ref.role]]);
  };
  for (const ref of stored.refs) {
    if (ref.target !== undefined && !ownLocals.has(ref.target)) add(byTarget, ref.target, ref);
    if (ref.candidates === undefined) continue;
    const list = candidateListHash(ref.candidates);
    add(byList, list, ref);
    // Shared with every item using the list: the merge settles it, and the lists holding each
    // candidate (shared-lists.ts).
    out.set(keys.candidateList(list), JSON.stringify(ref.candidates));
  }
  for (const [target, refs] of byTarget) out.set(keys.itemRefs(target, crate, id), encodeRefEntry(stored.file, refs, places, nameLengthInId(target)));
  for (const [list, refs] of byList) out.set(keys.itemCandidateRefs(list, crate, id), encodeRefEntry(stored.file, refs, places));
  return out;
}

/** Keys of candidate lists, which items share instead of owning (see the layout above). */
export function isSharedKey(k: string): boolean {
  return k.startsWith('clist\0');
}

/** The list hash of a clist key or of a cref key. */
export function listOfKey(k: string): string {
  return keyParts(k)[0];
}

/**
 * What the store keeps of a dump's item record: not its absolute span (the file table's) nor its
 * surface hash (the front end's), and of its relations only those a key derives from
 * (`overrides`, `reexports`). `implements` repeated the item's impls and `supertrait` was read by
 * nothing: 1 MB of std's records.
 */
export function storedItem(record: ItemRecord): StoredItem {
  const { span: _absolute, surface: _frontEnds, relations, defs, ...rest } = record;
  const kept = relations.filter((r) => KEYED_RELATIONS.has(r.kind));
  // Those its def keys keep come first, as reading the record puts them back (records.ts).
  const inDefKeys = relationsInDefKeys(record.item, defs, kept);
  const others = kept.filter((r) => !inDefKeys.includes(r));
  return { ...rest, defs: defs.map(storedDef), relations: [...inDefKeys, ...others] };
}

/**
 * What the store keeps of a def: not its attributes nor its parent, which no query reads (0.25
 * and 0.12 MB of std's store). The dumps have them, for tools that want them.
 */
function storedDef(def: Def): Def {
  if (def.attributes === undefined && def.parent === undefined) return def;
  const { attributes: _attributes, parent: _parent, ...rest } = def;
  return rest;
}

const KEYED_RELATIONS: ReadonlySet<RelationKind> = new Set<RelationKind>(['overrides', 'reexports']);
