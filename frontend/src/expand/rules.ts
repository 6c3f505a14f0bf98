// The rules of a macro_rules definition, read from its body's token trees: each rule a matcher
// (literal tokens, `$name:fragment`, `$( … ) sep op` repetitions, groups) and a transcriber
// (literal tokens, `$name`, repetitions, groups). A rule that cannot be read is left out, and a
// macro with no readable rule is not expanded.
import { TK, isKeywordKind } from '../syntax/tokens.js';
import { isGroup, isTok, type Group, type Tok, type TT } from './tokens.js';

export type Fragment =
  | 'ident' | 'ty' | 'expr' | 'expr_2021' | 'tt' | 'path' | 'literal' | 'pat' | 'pat_param'
  | 'block' | 'item' | 'lifetime' | 'vis' | 'meta' | 'stmt';

const FRAGMENTS = new Set<string>([
  'ident', 'ty', 'expr', 'expr_2021', 'tt', 'path', 'literal', 'pat', 'pat_param', 'block', 'item', 'lifetime', 'vis', 'meta', 'stmt',
]);

export type RepOp = '*' | '+' | '?';

export type Node =
  | { kind: 'tok'; tok: Tok }
  | { kind: 'group'; open: Tok; close: Tok; nodes: Node[] }
  | { kind: 'var'; name: string; fragment?: Fragment; dollar: Tok; nameTok: Tok }
  | { kind: 'rep'; nodes: Node[]; sep?: Tok; op: RepOp; vars: string[] };

export interface Rule {
  matcher: Node[];
  transcriber: Node[];
}

/** The rules of a macro_rules body (its delimited group), or of a `macro` item (its one or two groups). */
export function readRules(body: TT[]): Rule[] {
  // `macro m($x:expr) { … }`: one rule.
  if (body.length === 2 && isGroup(body[0]) && body[0].open.kind === TK['('] && isGroup(body[1]) && body[1].open.kind === TK['{']) {
    const rule = readRule(body[0], body[1]);
    return rule ? [rule] : [];
  }
  const single = body.length === 1 && isGroup(body[0]) ? body[0].trees : body;
  const rules: Rule[] = [];
  for (let i = 0; i < single.length;) {
    const m = single[i];
    const arrow = single[i + 1];
    const t = single[i + 2];
    if (!isGroup(m) || !isTok(arrow, TK['=>']) || !isGroup(t)) return rules;
    const rule = readRule(m, t);
    if (rule) rules.push(rule);
    i += 3;
    if (isTok(single[i], TK[';']) || isTok(single[i], TK[','])) i++;
  }
  return rules;
}

function readRule(m: Group, t: Group): Rule | undefined {
  const matcher = readNodes(m.trees, true);
  const transcriber = readNodes(t.trees, false);
  return matcher && transcriber ? { matcher, transcriber } : undefined;
}

function isNameTok(tt: TT | undefined): tt is Tok {
  return tt !== undefined && !isGroup(tt) && (tt.kind === TK.Ident || (isKeywordKind(tt.kind) && tt.kind !== TK.crate));
}

/** Nodes of a matcher (`$x:frag` required) or a transcriber (`$x`); undefined when malformed. */
function readNodes(trees: TT[], matcher: boolean): Node[] | undefined {
  const out: Node[] = [];
  for (let i = 0; i < trees.length; i++) {
    const tt = trees[i];
    if (isGroup(tt)) {
      const nodes = readNodes(tt.trees, matcher);
      if (!nodes) return undefined;
      out.push({ kind: 'group', open: tt.open, close: tt.close, nodes });
      continue;
    }
    if (tt.kind !== TK['$']) {
      out.push({ kind: 'tok', tok: tt });
      continue;
    }
    const next = trees[i + 1];
    if (isGroup(next) && next.open.kind === TK['(']) {
      const nodes = readNodes(next.trees, matcher);
      if (!nodes) return undefined;
      const op = repOp(trees[i + 2]);
      let sep: Tok | undefined;
      let used = 2;
      if (op === undefined) {
        const s = trees[i + 2];
        const o = repOp(trees[i + 3]);
        if (s === undefined || isGroup(s) || o === undefined || o === '?') return undefined;
        sep = s;
        used = 3;
        out.push({ kind: 'rep', nodes, sep, op: o, vars: varsOf(nodes) });
      } else out.push({ kind: 'rep', nodes, op, vars: varsOf(nodes) });
      i += used;
      continue;
    }
    if (isNameTok(next)) {
      if (matcher) {
        const colon = trees[i + 2];
        const frag = trees[i + 3];
        if (!isTok(colon, TK[':']) || !isNameTok(frag) || !FRAGMENTS.has(frag.text)) return undefined;
        out.push({ kind: 'var', name: next.text, fragment: frag.text as Fragment, dollar: tt, nameTok: next });
        i += 3;
      } else {
        out.push({ kind: 'var', name: next.text, dollar: tt, nameTok: next });
        i += 1;
      }
      continue;
    }
    // `$crate`, or a `$` that is just a token (in the body of a macro a macro defines).
    out.push({ kind: 'tok', tok: tt });
  }
  return out;
}

function repOp(tt: TT | undefined): RepOp | undefined {
  if (isTok(tt, TK['*'])) return '*';
  if (isTok(tt, TK['+'])) return '+';
  if (isTok(tt, TK['?'])) return '?';
  return undefined;
}

/** The metavariables a sequence of nodes mentions, at any depth. */
function varsOf(nodes: Node[], out = new Set<string>()): string[] {
  for (const n of nodes) {
    if (n.kind === 'var') out.add(n.name);
    else if (n.kind === 'group' || n.kind === 'rep') varsOf(n.nodes, out);
  }
  return [...out];
}
