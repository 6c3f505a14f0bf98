// The analysis dump, schema v1: the one contract between the front end and the indexer.
// Every field is documented in schema/README.md; keep the two in step.

/** Half-open byte range `[start, end)`. Inside an item record it is relative to the item's start. */
export type Span = [start: number, end: number];

export type ItemKind =
  | 'mod' | 'use' | 'extern_crate' | 'fn' | 'struct' | 'enum' | 'union' | 'trait' | 'impl'
  | 'const' | 'static' | 'type' | 'macro_rules' | 'macro_call' | 'extern_block' | 'error';

export type DefKind =
  | 'crate' | 'mod' | 'struct' | 'enum' | 'variant' | 'field' | 'union' | 'trait' | 'fn' | 'method'
  | 'assoc_const' | 'assoc_type' | 'const' | 'static' | 'type_alias' | 'macro' | 'local' | 'param'
  | 'generic_param' | 'lifetime' | 'label' | 'extern_crate';

export type RefRole =
  | 'read' | 'write' | 'call' | 'type' | 'import' | 'impl' | 'macro' | 'field' | 'method'
  | 'pattern' | 'path' | 'attribute';

export type Visibility = 'pub' | 'pub(crate)' | 'pub(super)' | 'pub(self)' | `pub(in ${string})` | 'private';

export interface Def {
  /** Stable symbol id, e.g. `cargo mycrate 0.1.0 shapes/Circle#area().`. */
  id: string;
  kind: DefKind;
  name: string;
  /** Rust path, e.g. `mycrate::shapes::Circle::area`. */
  qualname: string;
  span: Span;
  nameSpan: Span;
  /** Id of the enclosing def (module, type, trait, impl's self type, fn for locals). */
  parent?: string;
  visibility: Visibility;
  /** One-line declaration text, e.g. `pub fn area(&self) -> f64`. */
  signature?: string;
  /** Declared or inferred type, when known. */
  type?: string;
  docs?: string;
  /** Outer attributes other than doc comments, as written without `#[` `]`. */
  attributes?: string[];
}

export interface Ref {
  span: Span;
  role: RefRole;
  /** The def it resolves to, when resolution found exactly one. */
  target?: string;
  /** Every def it may resolve to, when resolution found more than one. */
  candidates?: string[];
  /** The path as written, when resolution found nothing. */
  unresolved?: string;
}

export interface Impl {
  /** Id of the impl block: `…/impl#[SelfType][Trait]`. */
  id: string;
  /** The trait's id, or the trait path as written when it did not resolve. */
  trait?: string;
  /** The self type as written, whitespace-normalized. */
  selfType: string;
  /** The self type's def id when it names a type of an indexed crate. */
  selfTarget?: string;
  /** Ids of the associated items the impl defines. */
  items: string[];
}

export type RelationKind = 'implements' | 'overrides' | 'reexports' | 'supertrait';

export interface Relation {
  kind: RelationKind;
  from: string;
  to: string;
  /** `reexports` only: the public path under which `to` is re-exported, e.g. `geometry::Circle`. */
  qualname?: string;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  span: Span;
}

export interface FileEntry {
  /** Path relative to the workspace root, with `/` separators. */
  path: string;
  /** Hex SHA-1 of the file's bytes. */
  hash: string;
  bytes: number;
  lines: number;
  /** Byte offset where each line starts; `lineStarts[0]` is 0. */
  lineStarts: number[];
  /** `[byteOffset, utf8Length]` of every character outside ASCII, so columns can count characters. */
  multibyte: Array<[number, number]>;
}

export interface CrateInfo {
  name: string;
  version: string;
  edition: '2015' | '2018' | '2021' | '2024';
  /** Root file relative to the workspace root. */
  root: string;
  /** `lib`, `bin`, `proc-macro`, `test`, `bench` or `example`. */
  kind: string;
  features: string[];
  cfgs: string[];
}

export interface DumpHeader {
  schemaVersion: string;
  tool: { name: string; version: string };
  crate: CrateInfo;
  /** Extern name → crate id (`cargo NAME VERSION`). */
  dependencies: Record<string, string>;
  files: FileEntry[];
  /**
   * Since 1.1: a hash of everything else in the dump, header and items. Two dumps of a crate with
   * the same digest load to the same store contents, so an indexer may skip one it has loaded.
   */
  digest?: string;
}

export interface ItemRecord {
  /** Stable id of the item; for items that define a name, the id of that def. */
  item: string;
  kind: ItemKind;
  file: string;
  /** Absolute byte range of the item in its file, attributes and docs included. */
  span: Span;
  /** Hash of the item's records with relative spans: unchanged when only the item's position moves. */
  fingerprint: string;
  /** Hash of the item's signature-level facts: unchanged by an edit inside a body. */
  surface: string;
  /** Set when a `#[cfg]` on the item is false: its defs are kept, nothing resolves to them. */
  inactive?: boolean;
  defs: Def[];
  refs: Ref[];
  impls: Impl[];
  relations: Relation[];
  diagnostics: Diagnostic[];
}

export interface Dump {
  header: DumpHeader;
  items: ItemRecord[];
}

/**
 * An edit to one file of a crate whose dump the indexer has loaded, as an incremental front end
 * sends it instead of a whole dump: the file's new entry, its new item table, and the records of
 * the items that changed. Items of the crate not listed keep their records.
 */
export interface DumpPatch {
  /** The crate's id (`cargo NAME VERSION`). */
  crate: string;
  file: FileEntry;
  /** Every item of the file, with its absolute span in the new text. */
  fileItems: Array<[item: string, start: number, end: number]>;
  items: ItemRecord[];
  /**
   * Set when the front end wrote the crate's new dump too (a one-shot resume): the digest of the
   * dump the patch applies to, and of the new one. A store holding the `base` dump takes the
   * crate's patches instead of merging the new dump, and then holds it exactly.
   */
  dump?: { base: string; digest: string };
}
