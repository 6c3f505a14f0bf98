// Matches a macro's input against a rule's matcher and binds its metavariables. A backtracking
// matcher over token trees: a repetition first takes as many rounds as it can, then fewer, which
// finds the match rustc's (non-backtracking) parser finds whenever that one does not report an
// ambiguity. A step budget bounds the backtracking on pathological input.
import { isGroup, sameToken, type TT } from './tokens.js';
import { fragmentLength } from './fragments.js';
import type { Node } from './rules.js';

/** What a metavariable is bound to: trees, or one binding per round of its repetition. */
export type Binding = { kind: 'trees'; trees: TT[] } | { kind: 'seq'; items: Binding[] };

export type Bindings = Map<string, Binding>;

export interface MatchOptions {
  /** `pat` takes top-level `|` alternatives (edition 2021 on). */
  edition2021: boolean;
  /** Steps the match may take before it gives up. */
  budget: number;
}

class OutOfBudget extends Error {}

/** The bindings when `input` matches `matcher` whole, else undefined. */
export function matchRule(matcher: Node[], input: TT[], options: MatchOptions): Bindings | undefined {
  const m = new Matcher(options);
  const env: Bindings = new Map();
  try {
    return m.seq(matcher, 0, input, 0, env, (j) => j === input.length) ? env : undefined;
  } catch (e) {
    if (e instanceof OutOfBudget) return undefined;
    throw e;
  }
}

type Next = (j: number) => boolean;

class Matcher {
  private steps = 0;

  constructor(private readonly options: MatchOptions) {}

  /** Matches `nodes[n..]` against `input[i..]`, then calls `k` with where the input stands. */
  seq(nodes: Node[], n: number, input: TT[], i: number, env: Bindings, k: Next): boolean {
    if (++this.steps > this.options.budget) throw new OutOfBudget();
    if (n === nodes.length) return k(i);
    const node = nodes[n];
    const rest: Next = (j) => this.seq(nodes, n + 1, input, j, env, k);
    switch (node.kind) {
      case 'tok': {
        const tt = input[i];
        return tt !== undefined && !isGroup(tt) && sameToken(node.tok, tt) && rest(i + 1);
      }
      case 'group': {
        const tt = input[i];
        if (!isGroup(tt) || tt.open.kind !== node.open.kind) return false;
        return this.seq(node.nodes, 0, tt.trees, 0, env, (j) => j === tt.trees.length && rest(i + 1));
      }
      case 'var': {
        const len = fragmentLength(node.fragment ?? 'tt', input, i, this.options.edition2021);
        if (len < 0) return false;
        const had = env.get(node.name);
        env.set(node.name, { kind: 'trees', trees: input.slice(i, i + len) });
        if (rest(i + len)) return true;
        if (had) env.set(node.name, had);
        else env.delete(node.name);
        return false;
      }
      case 'rep':
        return this.rounds(node, [], input, i, env, rest);
    }
  }

  /** One more round of the repetition, or stop here and bind what the rounds bound. */
  private rounds(node: Extract<Node, { kind: 'rep' }>, done: Bindings[], input: TT[], i: number, env: Bindings, k: Next): boolean {
    const more = node.op !== '?' || done.length === 0;
    // Rounds after the first start after the separator.
    const sep = done.length > 0 ? node.sep : undefined;
    const sepTok = input[i];
    const sepOk = sep === undefined || (sepTok !== undefined && !isGroup(sepTok) && sameToken(sep, sepTok));
    if (more && sepOk) {
      const start = sep === undefined ? i : i + 1;
      if (start < input.length) {
        const round: Bindings = new Map();
        const took = this.seq(node.nodes, 0, input, start, round, (j) => {
          // A round that takes nothing would repeat forever.
          if (j === start) return false;
          done.push(round);
          if (this.rounds(node, done, input, j, env, k)) return true;
          done.pop();
          return false;
        });
        if (took) return true;
      }
    }
    if (node.op === '+' && done.length === 0) return false;
    const saved = node.vars.map((v) => env.get(v));
    for (const v of node.vars) env.set(v, { kind: 'seq', items: done.map((r) => r.get(v)).filter((b): b is Binding => b !== undefined) });
    if (k(i)) return true;
    node.vars.forEach((v, x) => (saved[x] ? env.set(v, saved[x]!) : env.delete(v)));
    return false;
  }
}
