// A light concrete syntax tree for the AST builders: one node per rule application, with token
// index ranges of the original stream. It is read straight off ohm's internal CST (`_cst`,
// `childOffsets`, `matchLength` of ohm-js 17.5, the pinned version) because going through a
// Semantics wraps every node and interval in extra objects: building the same tree through a
// Semantics operation measured 15x slower on the std corpus.
import type { MatchResult } from 'ohm-js';
import { RULE_OF_CHAR } from './grammar.js';

export interface CstNode {
  rule: string;
  /** Token index of the first token. */
  first: number;
  /** Token index after the last token. */
  end: number;
  kids: CstNode[];
}

/**
 * The kids of every leaf, shared: a leaf per token is most of a tree's nodes. Frozen, so that a
 * builder that tried to add to it would fail loudly.
 */
export const NO_KIDS: CstNode[] = Object.freeze([]) as unknown as CstNode[];

/** Rules whose inside the builders read as tokens: the tree stops at them. */
const OPAQUE = new Set([
  'attrs', 'tt', 'pattern', 'array_len', 'const_value', 'field_default', 'discriminant',
  'delimited', 'paren_group', 'brace_group', 'literal', 'signed_literal',
]);

interface OhmNode {
  ctorName: string;
  matchLength: number;
  children: OhmNode[];
  childOffsets: number[];
  isTerminal(): boolean;
  isIteration(): boolean;
}

/**
 * The tree of a successful match. `map` takes condensed-text positions to token indices
 * (see condense.ts).
 */
export function cstOf(match: MatchResult, map: Int32Array): CstNode {
  const internal = match as unknown as { _cst: OhmNode; _cstOffset: number };
  const out: CstNode[] = [];
  convert(internal._cst, internal._cstOffset, internal._cstOffset, match.input, map, out);
  return out[0];
}

// Offsets of a nonterminal's children are relative to its own start; those of an iteration
// node's children are relative to the start of the nonterminal that encloses the iteration.
// Terminals are single tokens (grammar.ts inlines the token rules) and become nodes named
// after their token rule.
function convert(node: OhmNode, start: number, base: number, input: string, map: Int32Array, out: CstNode[]): void {
  if (node.isTerminal()) {
    const rule = RULE_OF_CHAR.get(input[start]);
    if (rule !== undefined && node.matchLength === 1) out.push({ rule, first: map[start], end: map[start] + 1, kids: NO_KIDS });
    return;
  }
  if (node.isIteration()) {
    for (let i = 0; i < node.children.length; i++) {
      convert(node.children[i], base + node.childOffsets[i], base, input, map, out);
    }
    return;
  }
  const end = start + node.matchLength;
  const cst: CstNode = {
    rule: node.ctorName,
    first: map[start],
    end: end > start ? map[end - 1] + 1 : map[start],
    kids: [],
  };
  out.push(cst);
  if (OPAQUE.has(cst.rule)) return;
  for (let i = 0; i < node.children.length; i++) {
    convert(node.children[i], start + node.childOffsets[i], start, input, map, cst.kids);
  }
}

export function child(node: CstNode, rule: string): CstNode | undefined {
  for (const k of node.kids) if (k.rule === rule) return k;
  return undefined;
}

export function children(node: CstNode, rule: string): CstNode[] {
  return node.kids.filter((k) => k.rule === rule);
}

export function has(node: CstNode, rule: string): boolean {
  return child(node, rule) !== undefined;
}

/** The only child: rules written as a choice of alternatives have exactly one. */
export function only(node: CstNode): CstNode {
  return node.kids[0];
}
