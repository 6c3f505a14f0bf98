// Expansion of a crate's own macro_rules macros where they are called in item position (in a
// module, or among the items of an impl or trait): which macro a call names, the match, the
// transcription, and the items the expansion parses to, which the collector then takes as if
// they were written at the call. A call that names no macro of the crate, matches no rule or
// expands too deep or too large is left as it was: a macro call item and its ref.
import type { Item } from '../syntax/ast.js';
import type { ModuleNode, SourceFile } from '../crate/modules.js';
import type { CrateCtx, DefInfo, Place } from '../resolve/model.js';
import { expansionOrigin, treesOf } from './tokens.js';
import { readRules, type Rule } from './rules.js';
import { matchRule } from './matcher.js';
import { transcribe, TranscribeError } from './transcribe.js';
import { expansionFile } from './stream.js';
import { expansionParsesOf } from './expansion-parses.js';

/** A call: its path, its args' token range (delimiters included) and its span, in its place's file. */
type MacroCall = Pick<Extract<Item, { kind: 'macro_call' }>, 'path' | 'args' | 'span'>;

/** Bounds that keep a runaway macro from taking the analysis with it. */
export const EXPANSION_LIMITS = {
  /** Nested expansions (rustc's default recursion limit is 128). */
  depth: 64,
  /** Tokens one expansion may produce. */
  tokens: 200_000,
  /** Tokens all expansions of a crate may produce, and how many expansions (a macro that calls
   *  itself twice would otherwise double them at each level). */
  crateTokens: 8_000_000,
  crateExpansions: 20_000,
  /** Matcher steps for one rule against one input. */
  matchSteps: 200_000,
};

const rulesCache = new WeakMap<Item, Rule[]>();
const spentBy = new WeakMap<CrateCtx, { tokens: number; expansions: number }>();

function rulesOf(d: DefInfo): Rule[] {
  const item = d.item;
  if (item?.kind !== 'macro_rules') return [];
  let rules = rulesCache.get(item);
  if (rules === undefined) {
    const trees = treesOf(d.file, item.body[0], item.body[1], false);
    rules = trees ? readRules(trees) : [];
    rulesCache.set(item, rules);
  }
  return rules;
}

/** Where an offset of `file` is in a file of the crate: an expansion's tokens are at their call. */
function realPosition(file: SourceFile, offset: number): { file: SourceFile; offset: number } {
  const o = expansionOrigin(file);
  return o ? { file: o.anchor.file, offset: o.anchor.span[0] } : { file, offset };
}

function isAncestor(a: ModuleNode, m: ModuleNode): boolean {
  for (let x: ModuleNode | undefined = m; x; x = x.parent) if (x === a) return true;
  return false;
}

/**
 * The macros a call may name, best first, as textual scoping sees them: the last definition
 * before the call in its file and module chain, then definitions in enclosing modules, then any
 * other of that name (`#[macro_use]` modules, `#[macro_export]`).
 */
export function macroCandidates(crate: CrateCtx, place: Place, call: MacroCall): DefInfo[] {
  const segs = call.path.segments;
  const first = segs[0]?.name.text;
  if (segs.length === 0 || call.path.global) return [];
  // `$crate::m!`, `crate::m!`, `self::m!`, `super::m!`: paths into this crate; a longer path or
  // one into another crate names no macro of this one we can place.
  if (segs.length > 1 && !(segs.length === 2 && (first === '$crate' || first === 'crate' || first === 'self' || first === 'super'))) return [];
  const name = segs[segs.length - 1].name.text;
  const all = crate.macros.get(name)?.filter((d) => !d.inactive && d.item?.kind === 'macro_rules') ?? [];
  if (all.length <= 1) return all;
  const at = realPosition(place.file, call.span[0]);
  const before: DefInfo[] = [];
  const enclosing: DefInfo[] = [];
  const other: DefInfo[] = [];
  for (const d of all) {
    const pos = realPosition(d.file, d.item!.span[0]);
    if (pos.file === at.file && pos.offset < at.offset && isAncestor(d.module, place.module)) before.push(d);
    else if (isAncestor(d.module, place.module)) enclosing.push(d);
    else other.push(d);
  }
  before.sort((a, b) => realPosition(b.file, b.item!.span[0]).offset - realPosition(a.file, a.item!.span[0]).offset);
  return [...before, ...enclosing, ...other];
}

/** The file of the expansion of `call` made at `place`, or undefined when it is not expanded. */
export function expandCall(crate: CrateCtx, place: Place, call: MacroCall): SourceFile | undefined {
  if (place.inactive) return undefined;
  const outer = expansionOrigin(place.file);
  const depth = (outer?.depth ?? 0) + 1;
  if (depth > EXPANSION_LIMITS.depth) return undefined;
  let spent = spentBy.get(crate);
  if (spent === undefined) spentBy.set(crate, (spent = { tokens: 0, expansions: 0 }));
  if (spent.tokens > EXPANSION_LIMITS.crateTokens || spent.expansions >= EXPANSION_LIMITS.crateExpansions) return undefined;
  const candidates = macroCandidates(crate, place, call);
  if (candidates.length === 0) return undefined;
  const input = treesOf(place.file, call.args[0] + 1, call.args[1] - 1, true);
  if (input === undefined) return undefined;
  const options = { edition2021: crate.edition === '2021' || crate.edition === '2024', budget: EXPANSION_LIMITS.matchSteps };
  for (const d of candidates) {
    for (const rule of rulesOf(d)) {
      const env = matchRule(rule.matcher, input, options);
      if (env === undefined) continue;
      // The first rule that matches is the expansion, as in rustc: a failing transcription
      // does not fall through to the next rule.
      try {
        const toks = transcribe(rule.transcriber, env, EXPANSION_LIMITS.tokens);
        spent.tokens += toks.length;
        spent.expansions++;
        return expansionFile(toks, outer?.anchor ?? { file: place.file, span: [call.span[0], call.span[1]] }, depth, expansionParsesOf(crate));
      } catch (e) {
        if (e instanceof TranscribeError) return undefined;
        throw e;
      }
    }
  }
  return undefined;
}

/**
 * Expands the crate's item-position macro calls, those the collector deferred and those that
 * expansions produce, and hands each expansion's items to `collect`. A call that did not expand
 * is tried again only once an expansion defined another macro of its name.
 */
export function expandItemMacros(crate: CrateCtx, collect: (place: Place, items: Item[]) => void): void {
  /** Calls done with, or the number of macros of their name when they last failed. */
  const seen = new Map<Item, number>();
  for (let progress = true; progress;) {
    progress = false;
    for (let i = 0; i < crate.deferred.length; i++) {
      const { place, item } = crate.deferred[i];
      if (item.kind !== 'macro_call' || place.inactive) continue;
      const known = crate.macros.get(item.path.segments.at(-1)?.name.text ?? '')?.length ?? 0;
      const last = seen.get(item);
      if (last !== undefined && (last < 0 || last === known)) continue;
      const file = expandCall(crate, place, item);
      seen.set(item, file === undefined ? known : -1);
      if (file === undefined) continue;
      progress = true;
      collect({ ...place, file }, file.parsed.items);
    }
  }
}
