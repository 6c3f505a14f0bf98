// Resolves the refs of a body (fn body, const initializer, discriminant) from its tokens:
// locals and their scopes, paths, method calls and field accesses with a light receiver-type
// inference (locals' declared or initializer types, `self`, call return types, field types).
// Bodies stay token trees at this stage; the token walk is deliberately forgiving.
import { localDescriptor, type RefRole } from '../../../schema/src/index.js';
import type { TokenStream } from '../syntax/lexer.js';
import { tokenText } from '../syntax/lexer.js';
import { TK, isKeywordKind } from '../syntax/tokens.js';
import type { DefInfo, ItemRecordDraft, LexicalScope, Namespace, Place } from './model.js';
import { addDef } from './collect.js';
import { lookupMember, lookupName, resolvePath, unalias } from './paths.js';
import { emitPathRefs, targetRef } from './refs.js';
import { typeDef } from './types.js';
import type { Path } from '../syntax/ast.js';
import {
  blockConstName, isCompoundAssign, isExprEnd, isPathStart, readPath, skipAngles, skipAttribute, skipItem, type ReadPath,
} from './body-tokens.js';

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
}

export class BodyResolver {
  private readonly ts: TokenStream;
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
  /** Set by `if`, `while`, `match`, `for … in`: a `{` there opens a block, never a struct literal. */
  private conditionParenDepth = -1;
  private readonly lex: LexicalScope;

  constructor(
    private readonly place: Place,
    private readonly record: ItemRecordDraft,
    lex: LexicalScope,
    private readonly index: MemberIndex,
    params: Local[] = [],
  ) {
    this.ts = place.file.ts;
    this.lex = { ...lex, parent: lex, generics: new Map(), blockNames: new Map() };
    this.scopes.push(new Map(params.map((p) => [p.def.def.name, p])));
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
    this.declareBlockItems(first, end);
    for (let t = first; t < end;) {
      const kind = k[t];
      const prev = t > first ? k[t - 1] : -1;
      switch (kind) {
        case TK['{']:
          t++;
          if (this.openBrace()) t = this.armPattern(t, end);
          continue;
        case TK['}']:
          this.closeBrace();
          t++;
          if (this.inMatchArms() && k[t] !== TK[',']) t = this.armPattern(t, end);
          continue;
        case TK['(']: case TK['[']:
          this.parens.push({ result: kind === TK['('] ? this.nextCallResult : undefined, format: false });
          this.nextCallResult = undefined;
          this.lastType = undefined;
          t++;
          continue;
        case TK[')']: case TK[']']:
          this.lastType = this.parens.pop()?.result;
          if (this.conditionParenDepth > this.parens.length) this.conditionParenDepth = -1;
          t++;
          continue;
        case TK[';']:
          this.endStatement();
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
        case TK.as: t = this.typeTokens(t + 1, end, true); continue;
        case TK.use: t = this.blockUse(t, end); continue;
        case TK.const: case TK.static: {
          // A block `const`/`static` was declared up front: resolve its type, then walk its value.
          const nameTok = blockConstName(ts, t);
          t = nameTok === undefined ? t + 1 : this.typeAt(nameTok + 2, end).end;
          continue;
        }
        case TK.fn: case TK.struct: case TK.enum: case TK.impl: case TK.trait: case TK.mod: case TK.macro_rules:
          t = skipItem(ts, t, end);
          continue;
        case TK['#']:
          t = skipAttribute(ts, t, end);
          continue;
        case TK.Str:
          if (this.parens.at(-1)?.format) this.formatArgs(t);
          this.lastType = undefined;
          t++;
          continue;
        case TK['=>']:
          this.lastType = undefined;
          t++;
          continue;
        case TK[',']:
          this.lastType = undefined;
          t++;
          if (this.inMatchArms()) t = this.armPattern(t, end);
          continue;
      }
      if (isPathStart(kind)) {
        t = this.pathExpr(t, end);
        continue;
      }
      this.lastType = undefined;
      t++;
    }
    this.endStatement();
  }

  /** Returns true when the brace opens a match's arms. */
  private openBrace(): boolean {
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
    const b = this.braces.pop();
    if (this.scopes.length > 1) this.scopes.pop();
    this.lastType = b?.struct;
    while ((this.pendingLets.at(-1)?.depth ?? -1) > this.braces.length) this.pendingLets.pop();
  }

  private inMatchArms(): boolean {
    const top = this.braces.at(-1);
    return top !== undefined && top.match && this.parens.length === top.parenDepth;
  }

  private endStatement(): void {
    const p = this.pendingLets.at(-1);
    if (p && p.depth === this.braces.length) {
      if (!p.typed && p.locals.length === 1 && this.lastType) {
        p.locals[0].type = this.lastType;
        p.locals[0].def.def.type = this.lastType.def.qualname;
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
      const ty = this.typeAt(u + 1, end);
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

  /**
   * An item declared in a block (`const`, `static`, `fn`, a type): a def of the enclosing record,
   * named from the rest of the body like a module item (the whole body, as a simplification of
   * the block).
   */
  private declareBlockItem(nameTok: number, spec: { kind: 'const' | 'static' | 'fn' | 'struct' | 'enum' | 'trait' | 'mod'; ns: Namespace }): void {
    const name = tokenText(this.ts, nameTok);
    const span: [number, number] = [this.ts.starts[nameTok], this.ts.ends[nameTok]];
    const def = addDef(this.place, this.record, {
      id: this.record.id + localDescriptor(name, span[0] - this.record.span[0]),
      kind: spec.kind, name, qualname: name, span, nameSpan: span, vis: 'private', ns: spec.ns,
    });
    const names = this.lex.blockNames!;
    names.set(name, [def, ...(names.get(name) ?? []).filter((d) => d.ns !== spec.ns)]);
  }

  /** Items are visible in their whole block, before their declaration too: declare them first. */
  private declareBlockItems(first: number, end: number): void {
    const k = this.ts.kinds;
    for (let t = first; t < end; t++) {
      const spec = BLOCK_ITEM_KINDS[k[t]];
      if (!spec) continue;
      const nameTok = spec.ns === 'value' && spec.kind !== 'fn' ? blockConstName(this.ts, t) : k[t + 1] === TK.Ident ? t + 1 : undefined;
      if (nameTok !== undefined) this.declareBlockItem(nameTok, spec);
    }
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
          const ty = this.typeAt(u + 1, end, true);
          if (locals.length > 0 && ty.def) locals[locals.length - 1].type = ty.def;
          u = ty.end;
        }
        if (this.ts.kinds[u] === TK[',']) u++;
        // Not a closure after all (a stray `|` before a closing delimiter): resume after the `|`.
        else if (u === from || this.ts.kinds[u] !== TK['|']) return t + 1;
      }
      u++;
    }
    if (this.ts.kinds[u] === TK['->']) u = this.typeAt(u + 1, end).end;
    if (this.ts.kinds[u] === TK['{']) this.pendingBlock.push(...locals);
    else for (const l of locals) this.scopes.at(-1)!.set(l.def.def.name, l);
    this.lastType = undefined;
    return u;
  }

  private armPattern(t: number, end: number): number {
    if (t >= end || this.ts.kinds[t] === TK['}']) return t;
    const locals: Local[] = [];
    const u = this.patternUntil(t, end, (kk) => kk === TK['=>'] || kk === TK.if, locals, 'local');
    for (const l of locals) this.scopes.at(-1)!.set(l.def.def.name, l);
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

  /** A type in a body (let annotation, closure param, cast): refs for its paths, and its def. */
  private typeAt(t: number, end: number, stopAtPipe = false): { end: number; def?: DefInfo } {
    const start = t;
    const u = this.typeTokens(t, end, false, stopAtPipe);
    return { end: u, def: this.typeDefOfTokens(start, u) };
  }

  private typeDefOfTokens(start: number, end: number): DefInfo | undefined {
    const { ts } = this;
    for (let t = start; t < end; t++) {
      const kk = ts.kinds[t];
      if (kk === TK['&'] || kk === TK.mut || kk === TK.Lifetime || kk === TK.dyn || kk === TK.impl || kk === TK['*'] || kk === TK.const) continue;
      if (!isPathStart(kk)) return undefined;
      const path = readPath(ts, t, end);
      const node = { kind: 'path' as const, path: path.path, span: path.path.span };
      return typeDef(node, this.lex);
    }
    return undefined;
  }

  /** Resolves every path in a type's tokens as a type; returns where the type ends. */
  private typeTokens(t: number, end: number, castOnly: boolean, stopAtPipe = false): number {
    const { ts } = this;
    const k = ts.kinds;
    let angle = 0;
    let depth = 0;
    for (; t < end; t++) {
      const kk = k[t];
      if (kk === TK['<']) { angle++; continue; }
      if (kk === TK['>']) { if (angle === 0) return t; angle--; continue; }
      if (kk === TK['('] || kk === TK['[']) { depth++; continue; }
      if (kk === TK[')'] || kk === TK[']']) { if (depth === 0) return t; depth--; continue; }
      if (angle === 0 && depth === 0 && (kk === TK['='] || kk === TK[';'] || kk === TK[','] || kk === TK['{'] || kk === TK['}'] || (stopAtPipe && kk === TK['|']))) return t;
      if (castOnly && angle === 0 && depth === 0 && !isPathStart(kk) && kk !== TK['::'] && kk !== TK['&'] && kk !== TK.mut && kk !== TK['*'] && kk !== TK.const) return t;
      if (isPathStart(kk) && !(kk === TK.mut || kk === TK.dyn || kk === TK.impl || kk === TK.const)) {
        const path = readPath(ts, t, end, false);
        this.resolveAndEmit(path, 'type', 'type');
        t = path.end - 1;
        if (castOnly && angle === 0 && depth === 0 && k[path.end] !== TK['<']) return path.end;
      }
    }
    return t;
  }

  /** Generic args `A, B, Item = C`: each is a type. */
  private typeList(first: number, end: number): void {
    for (let t = first; t < end; t++) t = this.typeTokens(t, end, false);
  }

  /** `use a::b;`, `use a::*;` or one level of group, `use a::{b, c as d};`, in a block. */
  private blockUse(t: number, end: number): number {
    const { ts } = this;
    const k = ts.kinds;
    let u = t + 1;
    while (u < end && k[u] !== TK[';']) u++;
    const prefix = readPath(ts, t + 1, u, false);
    if (k[prefix.end] !== TK['::'] || k[prefix.end + 1] !== TK['{']) {
      this.blockUseLeaf(prefix, 0);
      return u + 1;
    }
    const before = this.record.refs.length;
    for (let v = prefix.end + 2; v < u && k[v] !== TK['}'];) {
      const leaf = readPath(ts, v, u, false);
      if (leaf.end === v) { v++; continue; }
      const segments = [...prefix.segments, ...leaf.segments];
      const path: Path = { global: prefix.path.global, segments, span: [prefix.path.span[0], leaf.path.span[1]] };
      this.blockUseLeaf({ ...leaf, path, segments }, prefix.segments.length);
      v = leaf.end;
      while (v < u && k[v] !== TK[','] && k[v] !== TK['}']) v++;
      if (k[v] === TK[',']) v++;
    }
    // Every leaf emitted the shared prefix's refs: keep one per span.
    const seen = new Set<number>();
    const added = this.record.refs.splice(before).filter((r) => !seen.has(r.span[0]) && seen.add(r.span[0]));
    this.record.refs.push(...added);
    return u + 1;
  }

  private blockUseLeaf(path: ReadPath, ownFrom: number): void {
    const { ts } = this;
    const glob = ts.kinds[path.end] === TK['::'] && ts.kinds[path.end + 1] === TK['*'];
    const segs = this.resolveAndEmit(path, glob ? 'type' : 'value', 'import', true, ownFrom);
    const names = this.lex.blockNames!;
    if (glob) {
      for (const owner of segs) {
        for (const [name, defs] of unalias(owner).members) names.set(name, [...(names.get(name) ?? []), ...defs]);
        const scope = unalias(owner).scope;
        if (scope) for (const ns of ['type', 'value', 'macro'] as const) for (const [name, b] of scope.names[ns]) names.set(name, [...(names.get(name) ?? []), ...b.defs]);
      }
    } else if (segs.length > 0) {
      const renamed = ts.kinds[path.end] === TK.as ? tokenText(ts, path.end + 1) : path.segments.at(-1)!.name.text;
      names.set(renamed, segs);
    }
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
      this.resolveAndEmit(path, 'macro', 'macro');
      const open = k[path.end + 1];
      if (open === TK['('] || open === TK['[']) {
        const name = path.segments.at(-1)!.name.text;
        this.parens.push({ format: FORMAT_MACROS.has(name) });
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

  /** A name at field position of a struct literal: right after its `{` or a `,`, before `:`, `,` or `}`. */
  private atStructLiteralField(t: number, next: number): boolean {
    const top = this.braces.at(-1);
    if (!top?.struct || this.parens.length !== top.parenDepth) return false;
    const prev = this.ts.kinds[t - 1];
    return (prev === TK['{'] || prev === TK[',']) && (next === TK[':'] || next === TK[','] || next === TK['}']);
  }

  /** Resolves a path read from tokens, emits a ref per segment; returns the last segment's defs. */
  private resolveAndEmit(path: ReadPath, ns: Namespace, role: RefRole, inUse = false, wholeFrom = 0): DefInfo[] {
    let segs = resolvePath(path.path, this.lex, ns, inUse);
    // A value path whose first segment names no value may name a type: a unit struct of std
    // (`PhantomData`), or the type of `Type::assoc`.
    const failed = segs.length < path.segments.length || segs.at(-1)?.length === 0;
    if (ns === 'value' && failed && segs.length <= 1 && !inUse) {
      const asType = resolvePath(path.path, this.lex, 'type');
      if (asType.length > segs.length || (asType.at(-1)?.length ?? 0) > 0) segs = asType;
    }
    // A `use` path is linked as a whole from `wholeFrom` (after a group's prefix), as at item level.
    emitPathRefs(this.record, path.path, segs, role, inUse ? wholeFrom : undefined);
    for (const [a, b] of path.generics) this.typeList(a, b);
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
      const found = recv ? lookupMember(recv, name, 'value').filter((d) => d.def.kind === 'method' || d.def.kind === 'fn') : [];
      const defs = found.length > 0 ? found : this.index.methods.get(name) ?? [];
      this.record.refs.push(defs.length > 0 ? targetRef(span, 'method', defs) : { span, role: 'method', unresolved: `.${name}` });
      this.nextCallResult = defs.length === 1 || found.length > 0 ? resultTypeOf(defs[0]) : undefined;
    } else {
      const field = recv ? unalias(recv).fields.get(name) : undefined;
      const defs = field ? [field] : k[nameTok] === TK.Int ? [] : this.index.fields.get(name) ?? [];
      if (defs.length > 0) this.record.refs.push(targetRef(span, 'field', defs));
      else if (k[nameTok] !== TK.Int) this.record.refs.push({ span, role: 'field', unresolved: `.${name}` });
      this.lastType = field ? valueTypeOf(field) : undefined;
    }
    for (const [a, b] of generics) this.typeList(a, b);
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

/** What an item keyword in a block declares. */
const BLOCK_ITEM_KINDS: Record<number, { kind: 'const' | 'static' | 'fn' | 'struct' | 'enum' | 'trait' | 'mod'; ns: Namespace }> = {
  [TK.const]: { kind: 'const', ns: 'value' }, [TK.static]: { kind: 'static', ns: 'value' }, [TK.fn]: { kind: 'fn', ns: 'value' },
  [TK.struct]: { kind: 'struct', ns: 'type' }, [TK.enum]: { kind: 'enum', ns: 'type' }, [TK.trait]: { kind: 'trait', ns: 'type' },
  [TK.mod]: { kind: 'mod', ns: 'type' },
};

function isPatternConstant(d: DefInfo): boolean {
  const kind = d.def.kind;
  if (kind === 'const' || kind === 'static' || kind === 'assoc_const') return true;
  if (kind === 'variant' || kind === 'struct') return d.fields.size === 0;
  return false;
}

/** What a call of `d` returns: a fn's return type, a tuple struct's or variant's own type. */
function resultTypeOf(d: DefInfo | undefined): DefInfo | undefined {
  if (!d) return undefined;
  if (d.def.kind === 'struct') return d;
  if (d.returns) return d.returns;
  return d.returnType ? typeDef(d.returnType.type, d.returnType.scope) : undefined;
}

/** The type of a value path: a const's or field's declared type, a unit struct itself. */
function valueTypeOf(d: DefInfo): DefInfo | undefined {
  if (d.def.kind === 'struct') return d;
  return d.declaredType ? typeDef(d.declaredType.type, d.declaredType.scope) : undefined;
}
