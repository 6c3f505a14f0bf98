// Turns a failed item match into a one-line message in Rust terms: ohm's expected set holds
// token-string characters, which are mapped back to token names.
import type { MatchResult } from 'ohm-js';
import type { TokenStream } from './lexer.js';
import { tokenText } from './lexer.js';
import type { SyntaxError } from './ast.js';
import { TOKEN_SPECS } from './tokens.js';

const KIND_WORDS: Record<string, string> = {
  Ident: 'identifier', Lifetime: 'lifetime', Int: 'integer literal', Float: 'float literal',
  Str: 'string literal', Char: 'character literal', OuterDoc: 'doc comment', InnerDoc: 'inner doc comment',
  Unknown: 'unknown token',
};

/** Display name of each token-string character. */
const CHAR_NAMES = new Map<string, string>(TOKEN_SPECS.map(([name, ch]) => [ch, KIND_WORDS[name] ?? `'${name}'`]));

const MAX_EXPECTED = 12;

interface OhmFailure {
  type: string;
  getText(): string;
  isFluffy(): boolean;
}

/**
 * The error of a failed match. `map` takes condensed positions to token indices; a failure at
 * the end of the input is reported at the token after the item.
 */
export function matchError(ts: TokenStream, match: MatchResult, map: Int32Array): SyntaxError {
  const failed = match as unknown as { getRightmostFailurePosition(): number; getRightmostFailures(): OhmFailure[] };
  const pos = failed.getRightmostFailurePosition();
  const tok = map[Math.min(pos, map.length - 1)];
  // Fluffy failures (inside `?` and `*`) are kept: they are the optional tokens that could
  // also come here, like `<` and `where` after `struct S`.
  const expected = new Set<string>();
  for (const f of failed.getRightmostFailures()) {
    const name = f.type === 'string' ? CHAR_NAMES.get(f.getText()) : undefined;
    if (name !== undefined) expected.add(name);
  }
  const found = tok < ts.count ? foundText(ts, tok) : 'end of file';
  const offset = tok < ts.count ? ts.starts[tok] : ts.count > 0 ? ts.ends[ts.count - 1] : 0;
  return { offset, message: expectedMessage(summarize(expected), found) };
}

const IDENTIFIER = KIND_WORDS.Ident;
const NAME_LIKE = ["'raw'", "'safe'", "'default'", "'macro_rules'", "'auto'", "'union'", "'$'", "'crate'", "'super'", "'Self'", "'self'"];
// A lifetime starts an edition-2015 trait object (`'static + Trait`); fn qualifiers a fn pointer.
const TYPE_STARTS = [
  IDENTIFIER, "'::'", "'<'", "'!'", "'['", "'dyn'", "'impl'", "'fn'", "'extern'", "'unsafe'", "'async'", "'const'",
  "'for'", "'*'", "'('", "'&'", 'lifetime', "''static'", "'gen'", "'safe'", "'default'", "'final'",
];
const ITEM_STARTS = [
  "'#'", "'fn'", "'struct'", "'enum'", "'impl'", "'trait'", "'mod'", "'use'", "'static'", "'const'", "'type'",
  "'macro'", "'pub'", "'extern'", "'unsafe'", "'async'", "'gen'", "'final'", 'doc comment', IDENTIFIER, "'::'",
];

/**
 * Folds the token sets of common positions into words: weak keywords and path keywords into
 * `identifier`, the starts of a type into `type`, the starts of an item into `item`.
 */
function summarize(expected: Set<string>): string[] {
  const words: string[] = [];
  const fold = (group: string[], word: string, when: string[]) => {
    if (!when.every((w) => expected.has(w))) return;
    for (const g of group) expected.delete(g);
    words.push(word);
  };
  if (expected.has(IDENTIFIER)) for (const n of NAME_LIKE) expected.delete(n);
  fold(ITEM_STARTS, 'item', ["'#'", "'fn'", "'struct'", "'impl'"]);
  fold(TYPE_STARTS, 'type', [IDENTIFIER, "'&'", "'*'", "'['"]);
  const rest = [...expected];
  return [...words, ...rest.filter((e) => !e.startsWith("'")), ...rest.filter((e) => e.startsWith("'"))];
}

function expectedMessage(expected: string[], found: string): string {
  if (expected.length === 0) return `unexpected ${found}`;
  if (expected.length === 1) return `expected ${expected[0]} but found ${found}`;
  const shown = expected.slice(0, MAX_EXPECTED).join(', ');
  return `expected one of ${shown}${expected.length > MAX_EXPECTED ? ', …' : ''} but found ${found}`;
}

function foundText(ts: TokenStream, t: number): string {
  const text = tokenText(ts, t);
  const firstLine = text.split('\n')[0];
  return `'${firstLine.length > 24 ? firstLine.slice(0, 24) + '…' : firstLine}'`;
}
