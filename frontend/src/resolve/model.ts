// The front end's in-memory model of a workspace during analysis: crates, their defs with
// the scopes they open, and the item records that become the dump.
import type { Def, Diagnostic, Impl, Ref, Relation, Visibility, ItemKind } from '../../../schema/src/index.js';
import type { Item, TypeNode } from '../syntax/ast.js';
import type { CrateTarget } from '../workspace/index.js';
import type { LoadedCrate, ModuleNode, SourceFile } from '../crate/modules.js';
import type { CfgSet } from '../crate/cfg.js';

export type Namespace = 'type' | 'value' | 'macro';

export interface CrateCtx {
  target: CrateTarget;
  /** Crate name as paths spell it. */
  name: string;
  /** `cargo NAME VERSION`, the prefix of every id of this crate. */
  idPrefix: string;
  edition: '2015' | '2018' | '2021' | '2024';
  cfg: CfgSet;
  loaded: LoadedCrate;
  root?: DefInfo;
  /** Extern prelude: dependency name → its context. */
  deps: Map<string, CrateCtx>;
  records: ItemRecordDraft[];
  scopes: Map<ModuleNode, Scope>;
  /** macro_rules by name, crate-wide: a simplification of textual scoping. */
  macros: Map<string, DefInfo[]>;
  usedIds: Set<string>;
  /** Names every module sees last: the std prelude of the crate's edition, primitive types. */
  prelude?: Record<Namespace, Map<string, DefInfo[]>>;
  /** Every def of the crate, in creation order. */
  defs: DefInfo[];
  /** Items whose ids depend on resolution (uses, impls) or on order (macro calls), for later passes. */
  deferred: Array<{ place: Place; item: Item }>;
}

/** Where a collector or resolver is: the crate, module, its scope and file. */
export interface Place {
  crate: CrateCtx;
  module: ModuleNode;
  scope: Scope;
  file: SourceFile;
  inactive: boolean;
}

/** An item record under construction; spans are absolute until the dump writer relativizes them. */
export interface ItemRecordDraft {
  id: string;
  kind: ItemKind;
  file: SourceFile;
  span: [number, number];
  inactive: boolean;
  defs: Def[];
  refs: Ref[];
  impls: Impl[];
  relations: Relation[];
  diagnostics: Diagnostic[];
  /** Signature-level facts, hashed into the surface fingerprint. */
  surface: string[];
}

export interface DefInfo {
  def: Def;
  ns: Namespace;
  crate: CrateCtx;
  file: SourceFile;
  record: ItemRecordDraft;
  /** The module the def is declared in, for visibility. */
  module: ModuleNode;
  inactive: boolean;
  /** Modules (and the crate root): their scope. */
  scope?: Scope;
  /** Enum variants, trait items, and inherent assoc items of a type, by name. */
  members: Map<string, DefInfo[]>;
  /** Items that trait impls add to a type, by name. */
  traitMembers: Map<string, DefInfo[]>;
  /** Fields by name (or tuple index). */
  fields: Map<string, DefInfo>;
  /** Traits this type implements / supertraits of this trait. */
  traits: DefInfo[];
  /** The declared type of a field, const, static or alias, with where to resolve it. */
  declaredType?: { type: TypeNode; scope: LexicalScope };
  /** The return type of a fn, with where to resolve it. */
  returnType?: { type: TypeNode; scope: LexicalScope };
  item?: Item;
  /** What an extern crate or a resolved type alias stands for. */
  aliasOf?: DefInfo;
  /** What calling a fn of the built-in std table returns: it has no signature to resolve. */
  returns?: DefInfo;
}

export interface Binding {
  defs: DefInfo[];
  vis: Visibility;
  /** Module whose scope holds the binding (for private-import visibility). */
  module: ModuleNode;
  glob: boolean;
}

export interface Scope {
  module: ModuleNode;
  crate: CrateCtx;
  def: DefInfo;
  names: Record<Namespace, Map<string, Binding>>;
}

/** What a path inside an item can see besides its module: generics and `Self`. */
export interface LexicalScope {
  module: Scope;
  generics: Map<string, DefInfo>;
  selfType?: DefInfo;
  /** In a trait or impl of a trait: the trait, for `Self::Item`. */
  selfTrait?: DefInfo;
  parent?: LexicalScope;
  /** Names that items and `use` declarations inside a block bind, by namespace-free name. */
  blockNames?: Map<string, DefInfo[]>;
}

export function newDefInfo(partial: Omit<DefInfo, 'members' | 'traitMembers' | 'fields' | 'traits'>): DefInfo {
  return { ...partial, members: new Map(), traitMembers: new Map(), fields: new Map(), traits: [] };
}

export function addMember(map: Map<string, DefInfo[]>, name: string, d: DefInfo): void {
  const list = map.get(name);
  if (list) list.push(d);
  else map.set(name, [d]);
}

export function normalizeVisibility(vis: string): Visibility {
  const v = vis.replace(/\s+/g, '');
  if (v === '' || v === 'private') return 'private';
  if (v === 'pub' || v === 'pub(crate)' || v === 'pub(super)' || v === 'pub(self)') return v;
  if (v === 'crate') return 'pub(crate)';
  const m = /^pub\(in(.*)\)$/.exec(v);
  return m ? `pub(in ${m[1]})` : 'pub';
}
