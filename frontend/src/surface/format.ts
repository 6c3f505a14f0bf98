// The surface image's file: the resolved model of a workspace's crates as a body sees it, so that
// a one-shot `xref index` resolves an edited fn body against it without loading, parsing or
// binding any crate (incremental/body-edits.ts). Written by write.ts, read on demand by read.ts.
//
// Layout, each length a u32 (little-endian): the header's length, the header as JSON; the fn
// table's length, the fn table (`id \t entry` lines, one per fn resolved as one); the entry count
// n, n + 1 offsets; then the entries, each a JSON array, at those offsets from the end of the
// offsets. The file is read piece by piece, as needed (std's is 30 MB; a body edit reads 1-2).
// Modules, files and crates are few and in the header; defs, scopes and lexical scopes are
// entries, decoded when first used: a body touches a few hundred of std's hundred thousand.
// An entry names another object by its entry number; modules, files and crates by their index
// in the header's lists; -1 is none.
//
// Entries:
//   ['d', [id, kind, name, qualname], ns, crate, file, recordId, module, inactive, scope, members,
//    traitMembers, fields, traits, declaredType, returnType, item, aliasOf, returns, fn]   a DefInfo
//      of its Def, what bodies read of it; recordId: 0 when it is the def's id
//      members, traitMembers: [name, [entry…]][]   fields: [name, entry][]   traits: entry[]
//      declaredType, returnType: [TypeNode, lexical scope entry] or 0
//      item: the AST of an assoc type (its bounds), or 0
//      fn: a fn resolved as one: [outer lexical scope, derives (0|1), visible set, collected defs,
//          collected refs, its record's surface, its record's kind], or 0
//   ['s', module, crate, def, [type, value, macro]]      a module's Scope; each namespace is
//      [name, [entry…], visibility, module, glob (0|1)][]
//   ['l', scope, generics, selfType, selfTrait, parent, blockNames]   a LexicalScope;
//      generics: [name, entry][]   blockNames: [name, [entry…]][] or 0
//   ['m', [entry…]]                                       the methods or fields of one name
import type { Edition } from '../syntax/lexer.js';
import type { CrateTarget } from '../workspace/index.js';
import type { BuiltinType } from '../resolve/builtins.js';

export const SURFACE_FILE = 'surface.img';
export const SURFACE_FORMAT = 2;

export interface ImageFile {
  abs: string;
  rel: string;
}

export interface ImageModule {
  name: string;
  path: string[];
  file: number;
  parent: number;
  children: number[];
  inactive: boolean;
}

export type NamedEntries = Array<[name: string, entries: number[]]>;

export interface ImageCrate {
  target: CrateTarget;
  name: string;
  idPrefix: string;
  edition: Edition;
  cfg: { flags: string[]; pairs: string[] };
  root: number;
  rootModule: number;
  files: number[];
  deps: Array<[name: string, crate: number]>;
  scopes: Array<[module: number, scope: number]>;
  macros: NamedEntries;
  /** Index into the header's preludes, or -1. */
  prelude: number;
  /** What `builtinType` finds in this crate, when it is a `core`. */
  builtins: Array<[BuiltinType, number]>;
  /** The crate's surface digest when the image was written (snapshot.ts `surfaceDigest`); absent for the std table's crates. */
  surface?: string;
}

export interface SurfaceHeader {
  format: number;
  /** The snapshot key of the analysis that wrote it (analyze.ts `snapshotKey`). */
  key: string;
  crates: ImageCrate[];
  modules: ImageModule[];
  files: ImageFile[];
  /** Each prelude: its type, value and macro names. */
  preludes: Array<[NamedEntries, NamedEntries, NamedEntries]>;
  /** Sets of crates (indexes) that items see (`resolvingFrom`). */
  visible: number[][];
  /** Method and field names → their 'm' entry. */
  methods: Record<string, number>;
  fields: Record<string, number>;
  /** Std table methods whose call has their receiver's type (builtins.ts `markReturnsSelf`). */
  returnsSelf: number[];
  /** Assoc types whose bounds are among their traits already (paths.ts `boundAssocType`). */
  boundsResolved: number[];
}
