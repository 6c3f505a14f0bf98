// The item grammar, built once per process: the token rules generated from tokens.ts form the
// supergrammar, items.ohm adds the Rust item rules on top.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ohm from 'ohm-js';
import { tokenRulesOhm } from './tokens.js';

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

let cached: ohm.Grammar | undefined;

/** The `RustItems` grammar; start rule `item` matches one condensed item. */
export function itemGrammar(): ohm.Grammar {
  if (cached) return cached;
  const tokens = `RustTokens {\n${tokenRulesOhm()}\n}\n`;
  cached = ohm.grammars(tokens + readFileSync(grammarFile(), 'utf8')).RustItems;
  return cached;
}
