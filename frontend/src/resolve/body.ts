// Resolves the refs of a body (fn body, const initializer, discriminant) from its tokens:
// locals and their scopes, paths, method calls and field accesses with a light receiver-type
// inference (locals' declared or initializer types, `self`, casts, literals, call return types,
// field types; see body-types.ts). Bodies stay token trees at this stage; the token walk is
// deliberately forgiving.
import { localDescriptor, type RefRole } from '../../../schema/src/index.js';
import type { TokenStream } from '../syntax/lexer.js';
import { tokenText } from '../syntax/lexer.js';
import { TK, isKeywordKind } from '../syntax/tokens.js';
import type { DefInfo, ItemRecordDraft, LexicalScope, Namespace, Place } from './model.js';
import { addDef } from './collect.js';
import { lookupName, resolvePath, unalias } from './paths.js';
import { emitPathRefs, targetRef } from './refs.js';
import { typeDef } from './types.js';
import {
  blockConstName, inactiveStatementEnd, isCompoundAssign, isExprEnd, isPathStart, readPath, skipAngles, skipAttribute, skipItem,
  type ReadPath,
} from './body-tokens.js';
import {
  castType, fieldOf, literalType, methodsOf, resultTypeOf, typeAt, typeList, valueTypeOf, type BodyContext,
} from './body-types.js';
import { blockUse, declareBlockItems, nestedFn, type NestedFns } from './body-items.js';
import { qualifiedPath } from './body-paths.js';
import { builtinType } from './builtins.js';

export interface Local {
  def: DefInfo;
  type?: DefInfo;
}

/** Workspace-wide name indexes: the candidates for a call whose receiver type is unknown. */
export interface MemberIndex {
  methods: Map<string, DefInfo[]>;
  fields: Map<string, DefInfo[]>;
}

const FORMAT_MACROS = new Set([
  'println', 'print', 'eprintln', 'eprint', 'format', 'write', 'writeln', 'panic', 'format_args',
  'assert', 'assert_eq', 'assert_ne', 'debug_assert', 'debug_assert_eq', 'debug_assert_ne', 'unreachable', 'todo', 'unimplemented',
]);

interface Brace {
  /** A struct literal or struct pattern: field names inside refer to this def's fields. */
  struct?: DefInfo;
  match: boolean;
  /** Parens open when the brace opened: match arms sit at exactly this depth. */
  parenDepth: number;
}

interface Paren {
  /** The type the parenthesized expression has once closed (a call's return type). */
  result?: DefInfo;
  format: boolean;
  /** `(expr)` rather than a call or a macro's args: it has the type of the expression inside. */
  grouping: boolean;
}

export class BodyResolver implements BodyContext {
  readonly ts: TokenStream;
  private readonly scopes: Array<Map<string, Local>> = [];
  private readonly braces: Brace[] = [];
  private readonly parens: Paren[] = [];
  private pendingBlock: Local[] = [];
  /** `let`s whose statement has not ended; a block in an initializer can hold `let`s of its own. */
  private readonly pendingLets: Array<{ depth: number; locals: Local[]; typed: boolean }> = [];
  private lastType: DefInfo | undefined;
  private nextCallResult: DefInfo | undefined;
  private nextBraceStruct: DefInfo | undefined;
  private matchPending = false;
  /** Nesting levels (see `level`) whose current expression started with a unary `*`. */
  private readonly derefs = new Set<string>();
  /** Set by `if`, `while`, `match`, `for … in`: a `{` there opens a block, never a struct literal. */
  private conditionParenDepth = -1;
  readonly lex: LexicalScope;
  /** Absent in the outermost body, which declares the items of its blocks (nested fns' too). */
  private readonly nested: NestedFns;
  private readonly declaresItems: boolean;

  constructor(
    readonly place: Place,
    readonly record: ItemRecordDraft,
    lex: LexicalScope,
    private readonly index: MemberIndex,
    nested?: NestedFns,
  ) {
    this.ts = place.file.ts;
    this.lex = { ...lex, parent: lex, generics: new Map(), blockNames: new Map() };
    this.scopes.push(new Map());
    this.nested = nested ?? new Map();
    this.declaresItems = nested === undefined;
  }

  /** Declares a binding found at token `t` as a local (or param) def of the record. */
  private declareToken(t: number, kind: 'local' | 'param', type?: DefInfo): Local {
    return this.declare(tokenText(this.ts, t), [this.ts.starts[t], this.ts.ends[t]], kind, type);
  }

  private declare(name: string, span: [number, number], kind: 'local' | 'param', type?: DefInfo): Local {
    const def = addDef(this.place, this.record, {
      id: this.record.id + localDescriptor(name, span[0] - this.record.span[0]),
      kind, name, qualname: name, span, nameSpan: span, vis: 'private', ns: 'value',
      ...(type ? { type: type.def.qualname } : {}),
    });
    return { def, type };
  }

  /** Declares the bindings of a fn param's pattern, with the param's type when it names one. */
  declareParam(pattern: [number, number], type?: DefInfo): void {
    const locals: Local[] = [];
    this.patternUntil(pattern[0], pattern[1], () => false, locals, 'param');
    if (locals.length === 1 && type) {
      locals[0].type = type;
      locals[0].def.def.type = type.def.qualname;
    }
    for (const l of locals) this.scopes[0].set(l.def.def.name, l);
  }

  /** Declares `self`, typed as the impl's self type (or the trait, in a trait). */
  declareSelf(span: [number, number], type?: DefInfo): void {
    this.scopes[0].set('self', this.declare('self', span, 'param', type));
  }

  /** Walks tokens `[first, end)` and records every ref in them. */
  resolve(first: number, end: number): void {
    const { ts } = this;
    const k = ts.kinds;
    if (this.declaresItems) declareBlockItems(this, first, end, this.nested);
    for (let t = first; t < end;) {
      const kind = k[t];
      const prev = t > first ? k[t - 1] : -1;
      switch (kind) {
        case TK['{']:
          t++;
          if (this.openBrace(prev === TK.unsafe)) t = this.armPattern(t, end);
          continue;
        case TK['}']:
          this.closeBrace();
          t++;
          if (this.inMatchArms() && k[t] !== TK[',']) t = this.armPattern(t, end);
          continue;
        case TK['(']: case TK['[']:
          this.parens.push({ result: kind === TK['('] ? this.nextCallResult : undefined, format: false, grouping: kind === TK['('] && !isExprEnd(prev) });
          this.nextCallResult = undefined;
          this.lastType = undefined;
          t++;
          continue;
        case TK[')']: case TK[']']: {
          const inner = this.finishedType();
          const p = this.parens.pop();
          this.lastType = p?.grouping ? inner : p?.result;
          if (this.conditionParenDepth > this.parens.length) this.conditionParenDepth = -1;
          t++;
          continue;
        }
        case TK[';']:
          this.endStatement();
          t++;
          continue;
        case TK['*']:
          if (!isExprEnd(prev)) this.derefs.add(this.level());
          this.lastType = undefined;
          t++;
          continue;
        case TK['=']:
          this.derefs.delete(this.level());
          this.lastType = undefined;
          t++;
          continue;
        case TK.let: t = this.letBinding(t, end, prev); continue;
        case TK.for:
          if (k[t + 1] === TK['<']) { t = skipAngles(ts, t + 1, end); continue; }
          t = this.patternUntil(t + 1, end, (kk) => kk === TK.in, this.pendingBlock, 'local');
          this.conditionParenDepth = this.parens.length;
          continue;
        case TK.if: case TK.while:
          this.conditionParenDepth = this.parens.length;
          this.lastType = undefined;
          t++;
          continue;
        case TK.match:
          this.conditionParenDepth = this.parens.length;
          this.matchPending = true;
          t++;
          continue;
        case TK['|']:
          if (isExprEnd(prev)) {
            // A binary `|`, or `||` (lexed as two `|`), which must not open a closure after it.
            this.lastType = undefined;
            t += k[t + 1] === TK['|'] && ts.starts[t + 1] === ts.ends[t] ? 2 : 1;
            continue;
          }
          t = this.closureParams(t, end);
          continue;
        case TK['.']: t = this.member(t, end); continue;
        case TK.as: {
          const cast = castType(this, t + 1, end);
          this.lastType = cast.def;
          t = cast.end;
          continue;
        }
        case TK.use: t = blockUse(this, t, end); continue;
        case TK.const: case TK.static: {
          // A block `const`/`static` was declared up front: resolve its type, then walk its value.
          const nameTok = blockConstName(ts, t);
          t = nameTok === undefined ? t + 1 : typeAt(this, nameTok + 2, end).end;
          continue;
        }
        case TK.fn:
          t = nestedFn(this, t, end, this.nested, (lex) => new BodyResolver(this.place, this.record, lex, this.index, this.nested));
          continue;
        case TK.struct: case TK.enum: case TK.impl: case TK.trait: case TK.mod: case TK.macro_rules:
          t = skipItem(ts, t, end);
          continue;
        case TK['#']: {
          const after = skipAttribute(ts, t, end);
          t = inactiveStatementEnd(ts, this.place.crate.cfg, t, after, end) ?? after;
          continue;
        }
        case TK.Int: case TK.Float:
          this.lastType = literalType(ts, t, this.lex);
          t++;
          continue;
        case TK['<']:
          if (isExprEnd(prev)) break;
          t = this.qualifiedPathExpr(t, end);
          continue;
        case TK.Str:
          if (this.parens.at(-1)?.format) this.formatArgs(t);
          this.lastType = undefined;
          t++;
          continue;
        case TK['=>']:
          this.derefs.delete(this.level());
          this.lastType = undefined;
          t++;
          continue;
        case TK[',']:
          this.derefs.delete(this.level());
          this.lastType = undefined;
          t++;
          if (this.inMatchArms()) t = this.armPattern(t, end);
          continue;
      }
      // `&mut x`, `ref` outside patterns: keywords, not paths.
      if (isPathStart(kind) && kind !== TK.mut && kind !== TK.ref) {
        t = this.pathExpr(t, end);
        continue;
      }
      this.lastType = undefined;
      t++;
    }
    this.endStatement();
  }

  /**
   * Returns true when the brace opens a match's arms. An `unsafe` block is an expression, even
   * in the scrutinee or condition (`match unsafe { … } {`): what is pending waits for the next brace.
   */
  private openBrace(unsafeBlock: boolean): boolean {
    if (unsafeBlock) {
      this.scopes.push(new Map());
      this.braces.push({ match: false, parenDepth: this.parens.length });
      this.lastType = undefined;
      return false;
    }
    const struct = this.nextBraceStruct;
    this.nextBraceStruct = undefined;
    const scope = new Map<string, Local>(this.pendingBlock.map((l) => [l.def.def.name, l]));
    this.pendingBlock = [];
    const match = this.matchPending && !struct;
    if (match) this.matchPending = false;
    if (this.conditionParenDepth === this.parens.length) this.conditionParenDepth = -1;
    this.scopes.push(scope);
    this.braces.push({ struct, match, parenDepth: this.parens.length });
    this.lastType = undefined;
    return match;
  }

  private closeBrace(): void {
    const tail = this.finishedType();
    const b = this.braces.pop();
    if (this.scopes.length > 1) this.scopes.pop();
    // A block has the type of its tail expression (`unsafe { p.add(1) }.read()`).
    this.lastType = b?.struct ?? (b?.match ? undefined : tail);
    while ((this.pendingLets.at(-1)?.depth ?? -1) > this.braces.length) this.pendingLets.pop();
  }

  private inMatchArms(): boolean {
    const top = this.braces.at(-1);
    return top !== undefined && top.match && this.parens.length === top.parenDepth;
  }

  /** Where the walk is: open parens and braces, the scope of a unary `*`. */
  private level(): string {
    return `${this.parens.length}:${this.braces.length}`;
  }

  /**
   * The type of the expression ending at the current level. A unary `*` before it leaves a
   * reference's type as it is (references are looked through) but a raw pointer's pointee unknown.
   */
  private finishedType(): DefInfo | undefined {
    const t = this.lastType;
    if (!this.derefs.delete(this.level())) return t;
    return t && isRawPointer(t, this.place.crate) ? undefined : t;
  }

  private endStatement(): void {
    const p = this.pendingLets.at(-1);
    const type = this.finishedType();
    if (p && p.depth === this.braces.length) {
      if (!p.typed && p.locals.length === 1 && type) {
        p.locals[0].type = type;
        p.locals[0].def.def.type = type.def.qualname;
      }
      for (const l of p.locals) this.scopes.at(-1)!.set(l.def.def.name, l);
      this.pendingLets.pop();
    }
    this.lastType = undefined;
  }

  private letBinding(t: number, end: number, prev: number): number {
    const locals: Local[] = [];
    // `if let` / `while let` / let chains bind for the block that follows.
    const condition = prev === TK.if || prev === TK.while || prev === TK['&'];
    let u = this.patternUntil(t + 1, end, (kk) => kk === TK['='] || kk === TK[':'] || kk === TK[';'] || kk === TK.else, locals, 'local');
    let typed = false;
    if (this.ts.kinds[u] === TK[':']) {
      const ty = typeAt(this, u + 1, end);
      u = ty.end;
      typed = true;
      if (locals.length === 1 && ty.def) {
        locals[0].type = ty.def;
        locals[0].def.def.type = ty.def.def.qualname;
      }
    }
    if (condition) this.pendingBlock.push(...locals);
    else this.pendingLets.push({ depth: this.braces.length, locals, typed });
    this.lastType = undefined;
    return u;
  }

  private closureParams(t: number, end: number): number {
    const locals: Local[] = [];
    let u = t + 1;
    if (this.ts.kinds[u] === TK['|']) u++;
    else {
      while (u < end && this.ts.kinds[u] !== TK['|']) {
        const from = u;
        u = this.patternUntil(u, end, (kk) => kk === TK[','] || kk === TK['|'] || kk === TK[':'], locals, 'param');
        if (this.ts.kinds[u] === TK[':']) {
          const ty = typeAt(this, u + 1, end, true);
          if (locals.length > 0 && ty.def) locals[locals.length - 1].type = ty.def;
          u = ty.end;
        }
        if (this.ts.kinds[u] === TK[',']) u++;
        // Not a closure after all (a stray `|` before a closing delimiter): resume after the `|`.
        else if (u === from || this.ts.kinds[u] !== TK['|']) return t + 1;
      }
      u++;
    }
    if (this.ts.kinds[u] === TK['->']) u = typeAt(this, u + 1, end).end;
    if (this.ts.kinds[u] === TK['{']) this.pendingBlock.push(...locals);
    else for (const l of locals) this.scopes.at(-1)!.set(l.def.def.name, l);
    this.lastType = undefined;
    return u;
  }

  private armPattern(t: number, end: number): number {
    if (t >= end || this.ts.kinds[t] === TK['}']) return t;
    const locals: Local[] = [];
    const u = this.patternUntil(t, end, (kk) => kk === TK['=>'] || kk === TK.if, locals, 'local');
    // The match's scope holds the bindings of one arm at a time.
    const arm = this.scopes.at(-1)!;
    arm.clear();
    for (const l of locals) arm.set(l.def.def.name, l);
    return u;
  }

  /**
   * Walks a pattern until `stop` matches a token at depth 0: paths in it become refs, plain
   * identifiers that do not name a constant, unit struct or variant become bindings.
   */
  private patternUntil(t: number, end: number, stop: (kind: number) => boolean, out: Local[], kind: 'local' | 'param'): number {
    const { ts } = this;
    const k = ts.kinds;
    let depth = 0;
    const structs: Array<DefInfo | undefined> = [];
    for (; t < end; t++) {
      const kk = k[t];
      if (depth === 0 && stop(kk)) return t;
      if (kk === TK['('] || kk === TK['[']) { depth++; structs.push(undefined); continue; }
      if (kk === TK['{']) { depth++; structs.push(this.nextBraceStruct); this.nextBraceStruct = undefined; continue; }
      if (kk === TK[')'] || kk === TK[']'] || kk === TK['}']) {
        if (depth === 0) return t;
        depth--;
        structs.pop();
        continue;
      }
      if (!isPathStart(kk) || kk === TK.ref || kk === TK.mut) continue;
      const path = readPath(ts, t, end);
      const next = k[path.end];
      const struct = structs.at(-1);
      if (path.segments.length === 1 && struct && (next === TK[':'] || next === TK[','] || next === TK['}'])) {
        const field = struct.fields.get(path.segments[0].name.text);
        if (field) this.record.refs.push({ span: path.segments[0].name.span, role: 'field', target: field.def.id });
        if (next === TK[':']) { t = path.end; continue; }
      }
      const isPathy = path.segments.length > 1 || next === TK['('] || next === TK['{'] || next === TK['::'];
      if (!isPathy && k[t] === TK.Ident) {
        const named = lookupName(path.segments[0].name.text, this.lex, 'value').filter(isPatternConstant);
        if (named.length > 0) this.record.refs.push(targetRef(path.segments[0].name.span, 'pattern', named));
        else out.push(this.declareToken(t, kind));
        t = path.end - 1;
        continue;
      }
      const defs = this.resolveAndEmit(path, 'value', 'pattern');
      if (next === TK['{']) this.nextBraceStruct = defs[0];
      t = path.end - 1;
    }
    return t;
  }

  private lookupLocal(name: string): Local | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const l = this.scopes[i].get(name);
      if (l) return l;
    }
    return undefined;
  }

  private pathExpr(t: number, end: number): number {
    const { ts } = this;
    const k = ts.kinds;
    const path = readPath(ts, t, end);
    const next = k[path.end];
    const first = path.segments[0];
    let shorthandField: DefInfo | undefined;
    if (path.segments.length === 1 && this.atStructLiteralField(t, next)) {
      const field = this.braces.at(-1)!.struct!.fields.get(first.name.text);
      if (next === TK[':']) {
        if (field) this.record.refs.push({ span: first.name.span, role: 'field', target: field.def.id });
        return path.end + 1;
      }
      shorthandField = field;
    }
    const local = path.segments.length === 1 && !path.path.global ? this.lookupLocal(first.name.text) : undefined;
    // `Point { x, y }` shorthand names the local and the field; the local comes first, as the
    // definition a reader wants.
    if (local) {
      const write = next === TK['='] && k[path.end + 1] !== TK['='] || isCompoundAssign(next);
      this.record.refs.push({ span: first.name.span, role: write ? 'write' : 'read', target: local.def.def.id });
      if (shorthandField) this.record.refs.push({ span: first.name.span, role: 'field', target: shorthandField.def.id });
      this.lastType = local.type;
      return path.end;
    }
    if (shorthandField) this.record.refs.push({ span: first.name.span, role: 'field', target: shorthandField.def.id });
    if (next === TK['!'] && k[path.end + 1] !== TK['=']) {
      // rustc links a macro's path as a whole (`ptr::addr_of!`).
      const macros = this.resolveAndEmit(path, 'macro', 'macro', false, 0);
      const open = k[path.end + 1];
      if (open === TK['('] || open === TK['[']) {
        const name = path.segments.at(-1)!.name.text;
        // `vec![…]` is a Vec, `format!(…)` a String: the std table gives what a macro makes.
        this.parens.push({ format: FORMAT_MACROS.has(name), grouping: false, result: resultTypeOf(macros[0]) });
        this.lastType = undefined;
        return path.end + 2;
      }
      return path.end + 1;
    }
    if (next === TK['(']) {
      const defs = this.resolveAndEmit(path, 'value', 'call');
      this.nextCallResult = defs.length > 0 ? resultTypeOf(defs[0]) : undefined;
      return path.end;
    }
    const structLiteral = next === TK['{'] && this.conditionParenDepth !== this.parens.length;
    if (structLiteral) {
      const defs = this.resolveAndEmit(path, 'type', 'type');
      const d = defs[0] ? unalias(defs[0]) : undefined;
      if (d && (d.def.kind === 'struct' || d.def.kind === 'variant' || d.def.kind === 'union' || d.def.kind === 'type_alias')) {
        this.nextBraceStruct = d.def.kind === 'type_alias' && d.declaredType ? typeDef(d.declaredType.type, d.declaredType.scope) : d;
      }
      return path.end;
    }
    const defs = this.resolveAndEmit(path, 'value', 'read');
    this.lastType = defs.length > 0 ? valueTypeOf(defs[0]) : undefined;
    return path.end;
  }

  /** `<T as Trait>::item`, `<*const T>::cast_mut`: a path whose first segment is a type. */
  private qualifiedPathExpr(t: number, end: number): number {
    const q = qualifiedPath(this, t, end);
    if (!q) {
      this.lastType = undefined;
      return t + 1;
    }
    const next = this.ts.kinds[q.end];
    const defs = q.defs;
    if (next === TK['(']) this.nextCallResult = defs.length > 0 ? resultTypeOf(defs[0], q.owner) : undefined;
    else this.lastType = defs.length > 0 ? valueTypeOf(defs[0]) : undefined;
    return q.end;
  }

  /** A name at field position of a struct literal: right after its `{` or a `,`, before `:`, `,` or `}`. */
  private atStructLiteralField(t: number, next: number): boolean {
    const top = this.braces.at(-1);
    if (!top?.struct || this.parens.length !== top.parenDepth) return false;
    const prev = this.ts.kinds[t - 1];
    return (prev === TK['{'] || prev === TK[',']) && (next === TK[':'] || next === TK[','] || next === TK['}']);
  }

  /**
   * Resolves a path read from tokens, emits a ref per segment (or one from `wholeFrom` on, as
   * `emitPathRefs` does; a `use` path always); returns the last segment's defs.
   */
  resolveAndEmit(path: ReadPath, ns: Namespace, role: RefRole, inUse = false, wholeFrom?: number): DefInfo[] {
    let segs = resolvePath(path.path, this.lex, ns, inUse);
    // A value path whose first segment names no value may name a type: a unit struct of std
    // (`PhantomData`), or the type of `Type::assoc`.
    const failed = segs.length < path.segments.length || segs.at(-1)?.length === 0;
    if (ns === 'value' && failed && segs.length <= 1 && !inUse) {
      const asType = resolvePath(path.path, this.lex, 'type');
      if (asType.length > segs.length || (asType.at(-1)?.length ?? 0) > 0) segs = asType;
    }
    // A `use` path is linked as a whole from `wholeFrom` (after a group's prefix), as at item level.
    emitPathRefs(this.record, path.path, segs, role, inUse ? wholeFrom ?? 0 : wholeFrom);
    for (const [a, b] of path.generics) typeList(this, a, b);
    return segs.length === path.segments.length ? segs[segs.length - 1] : [];
  }

  /** `.name(…)` method call, `.name` field, `.0` tuple field, `.await`. */
  private member(t: number, end: number): number {
    const { ts } = this;
    const k = ts.kinds;
    const nameTok = t + 1;
    if (k[nameTok] === TK.await) { t += 2; return t; }
    if (k[nameTok] !== TK.Ident && k[nameTok] !== TK.Int && !isKeywordKind(k[nameTok])) { this.lastType = undefined; return t + 1; }
    const name = tokenText(ts, nameTok);
    const span: [number, number] = [ts.starts[nameTok], ts.ends[nameTok]];
    let after = nameTok + 1;
    const generics: Array<[number, number]> = [];
    if (k[after] === TK['::'] && k[after + 1] === TK['<']) {
      const close = skipAngles(ts, after + 1, end);
      generics.push([after + 2, close - 1]);
      after = close;
    }
    const recv = this.lastType;
    if (k[after] === TK['(']) {
      // With the receiver's type known, its own method; otherwise every method of that name is a candidate.
      const found = recv ? methodsOf(recv, name) : [];
      const defs = found.length > 0 ? found : this.index.methods.get(name) ?? [];
      this.record.refs.push(defs.length > 0 ? targetRef(span, 'method', defs) : { span, role: 'method', unresolved: `.${name}` });
      this.nextCallResult = defs.length === 1 || found.length > 0 ? resultTypeOf(defs[0], recv) : undefined;
    } else {
      const field = recv ? fieldOf(recv, name) : undefined;
      const defs = field ? [field] : k[nameTok] === TK.Int ? [] : this.index.fields.get(name) ?? [];
      if (defs.length > 0) this.record.refs.push(targetRef(span, 'field', defs));
      else if (k[nameTok] !== TK.Int) this.record.refs.push({ span, role: 'field', unresolved: `.${name}` });
      this.lastType = field ? valueTypeOf(field) : undefined;
    }
    for (const [a, b] of generics) typeList(this, a, b);
    return after;
  }

  /** `{name}` and `{name:?}` inside a format string refer to locals. */
  private formatArgs(t: number): void {
    const text = tokenText(this.ts, t);
    const re = /\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > 0 && text[m.index - 1] === '{') continue;
      const local = this.lookupLocal(m[1]);
      const start = this.ts.starts[t] + Buffer.byteLength(text.slice(0, m.index + 1));
      if (local) this.record.refs.push({ span: [start, start + m[1].length], role: 'read', target: local.def.def.id });
    }
  }
}

function isRawPointer(d: DefInfo, crate: Place['crate']): boolean {
  return d === builtinType(crate, 'const_ptr') || d === builtinType(crate, 'mut_ptr');
}

function isPatternConstant(d: DefInfo): boolean {
  const kind = d.def.kind;
  if (kind === 'const' || kind === 'static' || kind === 'assoc_const') return true;
  if (kind === 'variant' || kind === 'struct') return d.fields.size === 0;
  return false;
}
