// Token trees, the material of macro_rules: what a macro's rules and its input are read into,
// and what a transcription produces. Every token remembers where it is written (a file of the
// crate and its bytes), through any number of expansions, so that the refs resolved in expanded
// code land on the tokens a reader sees.
import type { TokenStream } from '../syntax/lexer.js';
import { tokenText } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import type { SourceFile } from '../crate/modules.js';

export interface Tok {
  kind: number;
  text: string;
  /** Where the token is written; absent for a token the expander made (a doc comment's `#[doc]`). */
  file?: SourceFile;
  start: number;
  end: number;
}

export interface Group {
  open: Tok;
  close: Tok;
  trees: TT[];
}

export type TT = Tok | Group;

export function isGroup(tt: TT | undefined): tt is Group {
  return tt !== undefined && 'trees' in tt;
}

/** The token `tt` is, when it is one token of `kind`. */
export function isTok(tt: TT | undefined, kind: number): tt is Tok {
  return tt !== undefined && !('trees' in tt) && tt.kind === kind;
}

/** Where the tokens of an expansion's file are written, and the invocation it belongs to. */
export interface ExpansionOrigin {
  files: Array<SourceFile | undefined>;
  starts: Uint32Array;
  ends: Uint32Array;
  /** The outermost invocation in a file of the crate: where everything the expansion makes lives. */
  anchor: { file: SourceFile; span: [number, number] };
  /** Nesting: 1 for an expansion of a call written in a file. */
  depth: number;
}

const origins = new WeakMap<SourceFile, ExpansionOrigin>();

export function expansionOrigin(file: SourceFile): ExpansionOrigin | undefined {
  return origins.get(file);
}

export function setExpansionOrigin(file: SourceFile, origin: ExpansionOrigin): void {
  origins.set(file, origin);
}

/** Token `t` of `file`, with where it is written when `file` is itself an expansion. */
export function tokOf(file: SourceFile, t: number): Tok {
  const ts = file.ts;
  const text = tokenText(ts, t);
  const o = origins.get(file);
  if (o === undefined) return { kind: ts.kinds[t], text, file, start: ts.starts[t], end: ts.ends[t] };
  const from = o.files[t];
  return from === undefined ? { kind: ts.kinds[t], text, start: 0, end: 0 } : { kind: ts.kinds[t], text, file: from, start: o.starts[t], end: o.ends[t] };
}

const OPEN = new Set<number>([TK['('], TK['['], TK['{']]);
const CLOSE_OF: Record<number, number> = { [TK['(']]: TK[')'], [TK['[']]: TK[']'], [TK['{']]: TK['}'] };

/**
 * The token trees of tokens `[first, end)` of `file`. An unbalanced delimiter yields undefined:
 * a macro's input or rules must be whole to be matched. With `docs`, a doc comment becomes the
 * `#[doc = "…"]` it stands for, as rustc hands it to a matcher.
 */
export function treesOf(file: SourceFile, first: number, end: number, docs: boolean): TT[] | undefined {
  const ts = file.ts;
  const stack: Array<{ open: Tok; trees: TT[] }> = [];
  let trees: TT[] = [];
  for (let t = first; t < end; t++) {
    const k = ts.kinds[t];
    if (OPEN.has(k)) {
      stack.push({ open: tokOf(file, t), trees });
      trees = [];
      continue;
    }
    if (k === TK[')'] || k === TK[']'] || k === TK['}']) {
      const top = stack.pop();
      if (top === undefined || CLOSE_OF[top.open.kind] !== k) return undefined;
      const group: Group = { open: top.open, close: tokOf(file, t), trees };
      trees = top.trees;
      trees.push(group);
      continue;
    }
    if (docs && (k === TK.OuterDoc || k === TK.InnerDoc)) {
      trees.push(...docAttribute(ts, t, k === TK.InnerDoc));
      continue;
    }
    trees.push(tokOf(file, t));
  }
  return stack.length === 0 ? trees : undefined;
}

function made(kind: number, text: string): Tok {
  return { kind, text, start: 0, end: 0 };
}

/** `/// text` as `#[doc = "text"]` (`#![doc = …]` for an inner one). */
function docAttribute(ts: TokenStream, t: number, inner: boolean): TT[] {
  const raw = tokenText(ts, t);
  const body = raw.startsWith('/**') || raw.startsWith('/*!') ? raw.slice(3, -2) : raw.slice(3);
  const literal = `"${body.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const group: Group = {
    open: made(TK['['], '['), close: made(TK[']'], ']'),
    trees: [made(TK.Ident, 'doc'), made(TK['='], '='), made(TK.Str, literal)],
  };
  return inner ? [made(TK['#'], '#'), made(TK['!'], '!'), group] : [made(TK['#'], '#'), group];
}

/** Appends the tokens of `trees`, delimiters included, to `out`. */
export function flatten(trees: readonly TT[], out: Tok[]): void {
  for (const tt of trees) {
    if (isGroup(tt)) {
      out.push(tt.open);
      flatten(tt.trees, out);
      out.push(tt.close);
    } else out.push(tt);
  }
}

/** Whether two tokens are the same for a matcher: kind, and text for those that have one. */
export function sameToken(a: Tok, b: Tok): boolean {
  if (a.kind !== b.kind) return false;
  const k = a.kind;
  return !(k === TK.Ident || k === TK.Int || k === TK.Float || k === TK.Str || k === TK.Char || k === TK.Lifetime || k === TK.Unknown) || a.text === b.text;
}
