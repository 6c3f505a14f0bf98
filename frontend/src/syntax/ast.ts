// The item-layer syntax tree the parser hands to name resolution. Offsets are absolute byte
// offsets in the file; token indices point into the file's TokenStream (bodies stay token
// ranges here, the body scanner walks them).

export type Range = [start: number, end: number];

/** A half-open range of token indices into the file's TokenStream. */
export type TokenRange = [first: number, end: number];

export interface Name {
  text: string;
  span: Range;
}

export interface GenericArgs {
  args: TypeNode[];
  /** Associated type constraints and bindings: `Item = T`, `Item: Bound`. */
  bindings: Array<{ name: Name; type?: TypeNode; bounds?: Bound[] }>;
  /** Const generic args and anything else kept as tokens. */
  other: TokenRange[];
}

export interface PathSegment {
  /** The identifier, or `self`, `super`, `crate`, `Self`, `$crate`. */
  name: Name;
  generics?: GenericArgs;
  /** Parenthesized args of `Fn(A, B) -> C` style segments. */
  fnArgs?: { inputs: TypeNode[]; output?: TypeNode };
}

export interface Path {
  /** Starts with `::` (2018: an extern crate; 2015: the crate root). */
  global: boolean;
  /** `<T as Trait>::rest`: the self type and the trait; `segments` are what follows. */
  qself?: { type: TypeNode; trait?: Path };
  segments: PathSegment[];
  span: Range;
}

export type TypeNode =
  | { kind: 'path'; path: Path; span: Range }
  | { kind: 'ref'; lifetime?: Name; mutable: boolean; inner: TypeNode; span: Range }
  | { kind: 'ptr'; mutable: boolean; inner: TypeNode; span: Range }
  | { kind: 'slice'; inner: TypeNode; span: Range }
  | { kind: 'array'; inner: TypeNode; len: TokenRange; span: Range }
  | { kind: 'tuple'; elems: TypeNode[]; span: Range }
  | { kind: 'fn'; inputs: TypeNode[]; output?: TypeNode; span: Range }
  | { kind: 'impl'; bounds: Bound[]; span: Range }
  | { kind: 'dyn'; bounds: Bound[]; span: Range }
  | { kind: 'never'; span: Range }
  | { kind: 'infer'; span: Range }
  | { kind: 'macro'; path: Path; span: Range }
  /** Anything the type grammar does not cover yet, kept as tokens. */
  | { kind: 'other'; tokens: TokenRange; span: Range };

export type Bound =
  | { kind: 'trait'; path: Path; maybe: boolean; forLifetimes: Name[]; span: Range }
  | { kind: 'lifetime'; name: Name; span: Range }
  | { kind: 'use'; span: Range };

export interface GenericParam {
  kind: 'type' | 'lifetime' | 'const';
  name: Name;
  bounds: Bound[];
  /** Type of a const param, default of a type param. */
  type?: TypeNode;
  span: Range;
}

export interface WherePredicate {
  forLifetimes: Name[];
  /** `T: Bound` — for a lifetime predicate `'a: 'b`, `type` is absent and `lifetime` is set. */
  type?: TypeNode;
  lifetime?: Name;
  bounds: Bound[];
}

export interface Generics {
  params: GenericParam[];
  where: WherePredicate[];
}

export interface Attribute {
  inner: boolean;
  /** The attribute's path, e.g. `derive`, `cfg`, `path`, `macro_export`. */
  path: string;
  /** Tokens inside the brackets after the path (`(Debug, Clone)`, `= "x.rs"`). */
  args: TokenRange;
  /** The text inside `#[ ]`. */
  text: string;
  span: Range;
}

export interface Param {
  /** Binding pattern tokens; `self` params have `self` set instead. */
  pattern: TokenRange;
  self?: { ref: boolean; mutable: boolean; type?: TypeNode; span: Range };
  type?: TypeNode;
  span: Range;
}

export interface Field {
  /** Absent for tuple fields. */
  name?: Name;
  index: number;
  vis: string;
  type: TypeNode;
  attrs: Attribute[];
  docs?: string;
  span: Range;
}

export type FieldsShape = { kind: 'named' | 'tuple' | 'unit'; fields: Field[] };

export interface Variant {
  name: Name;
  fields: FieldsShape;
  discriminant?: TokenRange;
  attrs: Attribute[];
  docs?: string;
  span: Range;
}

export type UseTree =
  | { kind: 'path'; path: Path; rename?: Name | '_'; span: Range }
  | { kind: 'glob'; prefix: Path; span: Range }
  | { kind: 'group'; prefix: Path; children: UseTree[]; span: Range };

interface ItemCommon {
  attrs: Attribute[];
  docs?: string;
  vis: string;
  /** The whole item, attributes and docs included. */
  span: Range;
  tokens: TokenRange;
}

export type Item =
  | (ItemCommon & { kind: 'mod'; name: Name; items?: Item[]; innerAttrs: Attribute[]; innerDocs?: string })
  | (ItemCommon & { kind: 'use'; tree: UseTree })
  | (ItemCommon & { kind: 'extern_crate'; name: Name; rename?: Name })
  | (ItemCommon & {
      kind: 'fn'; name: Name; generics: Generics; params: Param[]; ret?: TypeNode;
      qualifiers: string[]; abi?: string; body?: TokenRange; signature: string;
    })
  | (ItemCommon & { kind: 'struct' | 'union'; name: Name; generics: Generics; fields: FieldsShape })
  | (ItemCommon & { kind: 'enum'; name: Name; generics: Generics; variants: Variant[] })
  | (ItemCommon & {
      kind: 'trait'; name: Name; generics: Generics; supertraits: Bound[]; items: Item[];
      unsafe: boolean; auto: boolean;
    })
  | (ItemCommon & {
      kind: 'impl'; generics: Generics; trait?: Path; negative: boolean; selfType: TypeNode;
      items: Item[]; unsafe: boolean;
    })
  | (ItemCommon & { kind: 'const' | 'static'; name: Name; type?: TypeNode; value?: TokenRange; mutable: boolean })
  | (ItemCommon & { kind: 'type'; name: Name; generics: Generics; bounds: Bound[]; value?: TypeNode })
  | (ItemCommon & { kind: 'macro_rules'; name: Name; body: TokenRange })
  | (ItemCommon & { kind: 'macro_call'; path: Path; args: TokenRange })
  | (ItemCommon & { kind: 'extern_block'; abi?: string; items: Item[] })
  /** An item that did not parse: its diagnostic is in the file's parse result. */
  | (ItemCommon & { kind: 'error'; name?: Name });

export interface SyntaxError {
  offset: number;
  message: string;
}

export interface ParsedFile {
  items: Item[];
  innerAttrs: Attribute[];
  innerDocs?: string;
  errors: SyntaxError[];
}
