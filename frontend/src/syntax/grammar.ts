// The item grammar, built once per process from items.ohm and the token table.
//
// items.ohm names tokens only by their rule names (`kw_fn`, `path_sep`). Before building, every
// such reference is replaced by the token's one-character terminal: ohm memoizes each rule
// application, and with one application per token test the matcher spent most of its time in
// memo bookkeeping (inlining measured 1.6x faster on the std corpus). cst.ts turns the terminals back into nodes
// named after their token rules, so the builders still see `kw_fn`.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ohm from 'ohm-js';
import { TOKEN_SPECS, tokenRulesOhm } from './tokens.js';

// items.ohm is not copied by tsc: next to this module when run from source, in the source tree
// when run from dist/.
const GRAMMAR_FILE_CANDIDATES = [
  new URL('./items.ohm', import.meta.url),
  new URL('../../../../frontend/src/syntax/items.ohm', import.meta.url),
];

function grammarFile(): string {
  for (const url of GRAMMAR_FILE_CANDIDATES) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error(`items.ohm not found next to ${fileURLToPath(import.meta.url)}`);
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

let cached: ohm.Grammar | undefined;

/** The `RustItems` grammar; start rule `item` matches one condensed item. */
export function itemGrammar(): ohm.Grammar {
  if (cached) return cached;
  const tokens = `RustTokens {\n${tokenRulesOhm()}\n}\n`;
  cached = ohm.grammars(tokens + inlineTokenRules(readFileSync(grammarFile(), 'utf8'))).RustItems;
  return cached;
}
