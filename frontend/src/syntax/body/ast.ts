// The syntax tree of fn bodies, const initializers and enum discriminants. Spans are absolute
// byte offsets like the item AST's; paths, types and generic args reuse the item AST's types,
// so name resolution reads one kind of path everywhere. Macro arguments stay token ranges.
import type { Attribute, GenericArgs, Item, Name, Path, Range, TokenRange, TypeNode } from '../ast.js';

export type LitKind = 'int' | 'float' | 'str' | 'char' | 'bool';

export interface Block {
  stmts: Stmt[];
  /** `#![…]` attributes and `//!` docs at the top of the block. */
  innerAttrs?: Attribute[];
  /** The braces included; a block whose `}` is missing ends at the range's end. */
  span: Range;
}

export type Stmt =
  | { kind: 'let'; pat: Pat; type?: TypeNode; init?: Expr; else?: Block; attrs?: Attribute[]; span: Range }
  /** `semi` is false for a block-like expression that ends its statement and for the tail. */
  | { kind: 'expr'; expr: Expr; semi: boolean; attrs?: Attribute[]; span: Range }
  /** Items declared in the body, parsed by the item parser (attributes are on the item). */
  | { kind: 'item'; item: Item; span: Range };

export type BinaryOp =
  | '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '|' | '^' | '&' | '<<' | '>>'
  | '+' | '-' | '*' | '/' | '%';

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '^=' | '&=' | '|=' | '<<=' | '>>=';

export type BlockModifier = 'unsafe' | 'async' | 'async move' | 'const' | 'try' | 'gen' | 'gen move';

export interface Arm {
  pat: Pat;
  guard?: Expr;
  body: Expr;
  attrs?: Attribute[];
  span: Range;
}

export interface FieldInit {
  /** The field name, or a tuple index like `0`. */
  name: Name;
  /** Absent for shorthand `S { x }`. */
  value?: Expr;
  span: Range;
}

export interface ClosureParam {
  pat: Pat;
  type?: TypeNode;
  span: Range;
}

export type Expr =
  | { kind: 'lit'; lit: LitKind; span: Range }
  | { kind: 'path'; path: Path; span: Range }
  /** `_` as an expression: the left side of a destructuring assignment. */
  | { kind: 'underscore'; span: Range }
  | { kind: 'unary'; op: '-' | '!' | '*'; expr: Expr; span: Range }
  /** `&x`, `&mut x`, `&raw const x`, `&raw mut x`. */
  | { kind: 'ref'; mutable: boolean; raw: boolean; expr: Expr; span: Range }
  | { kind: 'box'; expr: Expr; span: Range }
  | { kind: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr; span: Range }
  | { kind: 'assign'; op: AssignOp; lhs: Expr; rhs: Expr; span: Range }
  | { kind: 'range'; start?: Expr; end?: Expr; inclusive: boolean; span: Range }
  | { kind: 'cast'; expr: Expr; type: TypeNode; span: Range }
  | { kind: 'try'; expr: Expr; span: Range }
  | { kind: 'await'; expr: Expr; span: Range }
  | { kind: 'call'; callee: Expr; args: Expr[]; span: Range }
  | { kind: 'method'; receiver: Expr; name: Name; generics?: GenericArgs; args: Expr[]; span: Range }
  /** `x.f`, and `x.0` with the index as the name. */
  | { kind: 'field'; expr: Expr; name: Name; span: Range }
  | { kind: 'index'; expr: Expr; index: Expr; span: Range }
  | { kind: 'paren'; expr: Expr; span: Range }
  | { kind: 'tuple'; elems: Expr[]; span: Range }
  | { kind: 'array'; elems: Expr[]; span: Range }
  | { kind: 'repeat'; value: Expr; len: Expr; span: Range }
  /** `rest` is a `..` with or without a base expression. */
  | { kind: 'struct'; path: Path; fields: FieldInit[]; base?: Expr; rest: boolean; span: Range }
  | { kind: 'block'; block: Block; label?: Name; modifier?: BlockModifier; span: Range }
  /** `else` holds a `block` expression or the `if` of an `else if`. */
  | { kind: 'if'; cond: Expr; then: Block; else?: Expr; span: Range }
  /** `let PAT = EXPR` inside an `if`/`while` condition or a match guard. */
  | { kind: 'let'; pat: Pat; expr: Expr; span: Range }
  | { kind: 'match'; scrutinee: Expr; arms: Arm[]; span: Range }
  | { kind: 'loop'; label?: Name; body: Block; span: Range }
  | { kind: 'while'; label?: Name; cond: Expr; body: Block; span: Range }
  | { kind: 'for'; label?: Name; pat: Pat; iter: Expr; body: Block; span: Range }
  | { kind: 'break'; label?: Name; value?: Expr; span: Range }
  | { kind: 'continue'; label?: Name; span: Range }
  | { kind: 'return' | 'yield' | 'become'; value?: Expr; span: Range }
  | {
      kind: 'closure'; move: boolean; async: boolean; params: ClosureParam[]; ret?: TypeNode; body: Expr;
      span: Range;
    }
  /** `m!(…)`, `m![…]`, `m!{…}`: `args` includes the delimiters. */
  | { kind: 'macro'; path: Path; delimiter: '(' | '[' | '{'; args: TokenRange; span: Range }
  /** What stands in for an expression that had a syntax error. */
  | { kind: 'error'; span: Range };

export interface FieldPat {
  name: Name;
  pat: Pat;
  /** `S { x }` and `S { ref mut x }`: `pat` is the binding the shorthand introduces. */
  shorthand: boolean;
  span: Range;
}

export type Pat =
  | { kind: 'wild'; span: Range }
  | { kind: 'rest'; span: Range }
  /** A binding, or a unit struct / constant: a lone name is both until resolved. */
  | { kind: 'ident'; name: Name; byRef: boolean; mutable: boolean; sub?: Pat; span: Range }
  | { kind: 'lit'; lit: LitKind; negative: boolean; span: Range }
  | { kind: 'range'; start?: Pat; end?: Pat; inclusive: boolean; span: Range }
  | { kind: 'ref'; mutable: boolean; inner: Pat; span: Range }
  | { kind: 'box'; inner: Pat; span: Range }
  | { kind: 'tuple'; elems: Pat[]; span: Range }
  | { kind: 'slice'; elems: Pat[]; span: Range }
  | { kind: 'path'; path: Path; span: Range }
  | { kind: 'tuple_struct'; path: Path; elems: Pat[]; span: Range }
  | { kind: 'struct'; path: Path; fields: FieldPat[]; rest: boolean; span: Range }
  | { kind: 'or'; alts: Pat[]; span: Range }
  | { kind: 'macro'; path: Path; args: TokenRange; span: Range }
  | { kind: 'const_block'; block: Block; span: Range }
  /** A pattern that had a syntax error. */
  | { kind: 'error'; span: Range };

/** A fn's parameters and body. */
export interface FnBody {
  /** One per parameter, in order; `self` params are `ident` patterns named `self`. */
  params: Pat[];
  block: Block;
}
