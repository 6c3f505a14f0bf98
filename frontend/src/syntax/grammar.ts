// The item grammar, built once per process from items.ohm and the token table.
//
// Building it from its text costs ~230 ms, nearly all in ohm's own meta-grammar, and every parse
// worker pays it at start. `npm run build` therefore also writes the built grammar as an ohm
// recipe (write-recipe.ts), which loads in ~6 ms. The recipe records a hash of the text it came
// from and is used only when that hash still matches, so an edited items.ohm is never shadowed
// by a stale recipe.
//
// items.ohm names tokens only by their rule names (`kw_fn`, `path_sep`). Before building, every
// such reference is replaced by the token's one-character terminal: ohm memoizes each rule
// application, and with one application per token test the matcher spent most of its time in
// memo bookkeeping (inlining measured 1.6x faster on the std corpus). cst.ts turns the terminals back into nodes
// named after their token rules, so the builders still see `kw_fn`.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Ohm from 'ohm-js';
import { TOKEN_SPECS, tokenRulesOhm } from './tokens.js';

// items.ohm is not copied by tsc: next to this module when run from source, in the source tree
// when run from dist/.
const GRAMMAR_FILE_CANDIDATES = [
  new URL('./items.ohm', import.meta.url),
  new URL('../../../../frontend/src/syntax/items.ohm', import.meta.url),
];

// The recipe is written into dist/ only: next to this module when run from dist/, in dist/ when
// run from source (as under vitest).
const RECIPE_FILE_CANDIDATES = [
  new URL('./items.recipe.json', import.meta.url),
  new URL('../../../dist/frontend/src/syntax/items.recipe.json', import.meta.url),
];

function firstExisting(candidates: readonly URL[]): string | undefined {
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return undefined;
}

function grammarFile(): string {
  const found = firstExisting(GRAMMAR_FILE_CANDIDATES);
  if (found === undefined) throw new Error(`items.ohm not found next to ${fileURLToPath(import.meta.url)}`);
  return found;
}

/** Token rule name of each token-string character, for terminals in the tree. */
export const RULE_OF_CHAR: ReadonlyMap<string, string> = new Map(TOKEN_SPECS.map(([, ch, rule]) => [ch, rule]));

const TERMINAL_OF_RULE = new Map<string, string>(TOKEN_SPECS.map(([, ch, rule]) => [rule, JSON.stringify(ch)]));

/** The grammar text with token rule applications replaced by their terminals. */
function inlineTokenRules(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const comment = line.indexOf('//');
      const code = comment < 0 ? line : line.slice(0, comment);
      return code.replace(/\b[A-Za-z_][A-Za-z0-9_]*\b/g, (word) => TERMINAL_OF_RULE.get(word) ?? word);
    })
    .join('\n');
}

/** The text ohm builds the grammar from: the token rules, then items.ohm with tokens inlined. */
export function grammarText(): string {
  const tokens = `RustTokens {\n${tokenRulesOhm()}\n}\n`;
  return tokens + inlineTokenRules(readFileSync(grammarFile(), 'utf8'));
}

/** What a recipe file holds: the recipe, and the hash of the grammar text it was built from. */
export interface RecipeFile {
  textHash: string;
  recipe: string;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// Recipes are how ohm-js ships its own built-in grammars; 17.5 (the pinned version) exports
// `makeRecipe` and `Grammar#toRecipe` at run time but leaves them out of its typings.
type OhmModule = typeof Ohm & { makeRecipe(recipe: string): Ohm.Grammar };

let loaded: OhmModule | undefined;

/**
 * ohm-js, loaded when a grammar is first needed (an `xref index` with nothing to parse never
 * needs it), and from its one-file CommonJS build: 15–18 ms to load against 41–50 ms for its 50
 * ES modules (bench/RESULTS.md), in every process and parse worker. This module alone uses it at
 * run time, so there is one ohm.
 */
function ohm(): OhmModule {
  return (loaded ??= createRequire(import.meta.url)('ohm-js') as OhmModule);
}

/** Builds the grammar from its text, ignoring any recipe. */
export function grammarFromText(text: string): Ohm.Grammar {
  return ohm().grammars(text).RustItems;
}

/** The recipe of a grammar, which `grammarFromRecipe` loads back. */
export function recipeOf(grammar: Ohm.Grammar): string {
  return (grammar as unknown as { toRecipe(): string }).toRecipe();
}

/** The grammar from `recipeFile` when it was built from `text`, else undefined. */
export function grammarFromRecipe(text: string, recipeFile: string): Ohm.Grammar | undefined {
  let saved: RecipeFile;
  try {
    saved = JSON.parse(readFileSync(recipeFile, 'utf8')) as RecipeFile;
  } catch {
    return undefined;
  }
  if (saved.textHash !== textHash(text)) return undefined;
  return ohm().makeRecipe(saved.recipe);
}

let cached: Ohm.Grammar | undefined;

/** The `RustItems` grammar; start rule `item` matches one condensed item. */
export function itemGrammar(): Ohm.Grammar {
  if (cached) return cached;
  const text = grammarText();
  const recipeFile = firstExisting(RECIPE_FILE_CANDIDATES);
  cached = (recipeFile === undefined ? undefined : grammarFromRecipe(text, recipeFile)) ?? grammarFromText(text);
  return cached;
}
