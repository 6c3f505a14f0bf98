// Token kinds and their one-character encoding. The item grammar runs over a string with
// one character per token, which is what makes ohm-js fast enough (see ARCHITECTURE.md).
//
// Only punctuation that never needs splitting is glued by the lexer (`::`, `->`, `=>`, `..`,
// `==`, …). `<`, `>`, `&`, `|` and `=` stay single so that `Vec<Vec<u8>>` and `&&T` parse as
// types; the body parser glues `>>`, `&&`, `<=`… by checking that two tokens touch.

export const TOKEN_SPECS = [
  // [kind name, token-string char, rule name in the grammar]
  ['Ident', 'i', 'ident_tok'],
  ['Lifetime', 'l', 'lifetime_tok'],
  ['Int', 'n', 'int_tok'],
  ['Float', 'f', 'float_tok'],
  ['Str', 's', 'str_tok'],
  ['Char', 'c', 'char_tok'],
  ['OuterDoc', 'd', 'outer_doc'],
  ['InnerDoc', 'D', 'inner_doc'],
  ['Unknown', '\u00bf', 'unknown_tok'],
  // punctuation, as itself
  [';', ';', 'semi'], [',', ',', 'comma'], ['.', '.', 'dot'], ['(', '(', 'lparen'], [')', ')', 'rparen'],
  ['{', '{', 'lbrace'], ['}', '}', 'rbrace'], ['[', '[', 'lbracket'], [']', ']', 'rbracket'],
  ['@', '@', 'at'], ['#', '#', 'pound'], ['~', '~', 'tilde'], ['?', '?', 'question'], [':', ':', 'colon'],
  ['$', '$', 'dollar'], ['=', '=', 'eq'], ['!', '!', 'bang'], ['<', '<', 'lt'], ['>', '>', 'gt'],
  ['-', '-', 'minus'], ['&', '&', 'amp'], ['|', '|', 'pipe'], ['+', '+', 'plus'], ['*', '*', 'star'],
  ['/', '/', 'slash'], ['^', '^', 'caret'], ['%', '%', 'percent'],
  // glued punctuation
  ['::', 'P', 'path_sep'], ['->', 'R', 'rarrow'], ['=>', 'F', 'fat_arrow'], ['==', 'E', 'eqeq'],
  ['!=', 'N', 'ne'], ['..', 'O', 'dotdot'], ['...', 'T', 'dotdotdot'], ['..=', 'Q', 'dotdoteq'],
  ['+=', '\u00e0', 'plus_eq'], ['-=', '\u00e1', 'minus_eq'], ['*=', '\u00e2', 'star_eq'],
  ['/=', '\u00e3', 'slash_eq'], ['%=', '\u00e4', 'percent_eq'], ['^=', '\u00e5', 'caret_eq'],
  // strict keywords
  ['as', 'A', 'kw_as'], ['async', 'B', 'kw_async'], ['await', 'C', 'kw_await'], ['break', 'G', 'kw_break'],
  ['const', 'H', 'kw_const'], ['continue', 'I', 'kw_continue'], ['crate', 'J', 'kw_crate'], ['dyn', 'K', 'kw_dyn'],
  ['else', 'L', 'kw_else'], ['enum', 'M', 'kw_enum'], ['extern', 'S', 'kw_extern'], ['false', 'U', 'kw_false'],
  ['fn', 'V', 'kw_fn'], ['for', 'W', 'kw_for'], ['if', 'X', 'kw_if'], ['impl', 'Y', 'kw_impl'],
  ['in', 'Z', 'kw_in'], ['let', 'a', 'kw_let'], ['loop', 'b', 'kw_loop'], ['match', 'e', 'kw_match'],
  ['mod', 'g', 'kw_mod'], ['move', 'h', 'kw_move'], ['mut', 'j', 'kw_mut'], ['pub', 'k', 'kw_pub'],
  ['ref', 'm', 'kw_ref'], ['return', 'o', 'kw_return'], ['self', 'p', 'kw_self'], ['Self', 'q', 'kw_Self'],
  ['static', 'r', 'kw_static'], ['struct', 't', 'kw_struct'], ['super', 'u', 'kw_super'], ['trait', 'v', 'kw_trait'],
  ['true', 'w', 'kw_true'], ['type', 'x', 'kw_type'], ['unsafe', 'y', 'kw_unsafe'], ['use', 'z', 'kw_use'],
  ['where', '0', 'kw_where'], ['while', '1', 'kw_while'], ['yield', '2', 'kw_yield'], ['try', '3', 'kw_try'],
  ['box', '4', 'kw_box'], ['become', '5', 'kw_become'], ['do', '6', 'kw_do'], ['final', '7', 'kw_final'],
  ['macro', '8', 'kw_macro'], ['override', '9', 'kw_override'], ['priv', '\u00c0', 'kw_priv'],
  ['typeof', '\u00c1', 'kw_typeof'], ['unsized', '\u00c2', 'kw_unsized'], ['virtual', '\u00c3', 'kw_virtual'],
  ['abstract', '\u00c4', 'kw_abstract'], ['gen', '\u00c5', 'kw_gen'],
  // weak keywords: identifiers that mean something in one position; the grammar accepts them as idents too
  ['union', '\u00c6', 'kw_union'], ['auto', '\u00c7', 'kw_auto'], ['macro_rules', '\u00c8', 'kw_macro_rules'],
  ['default', '\u00c9', 'kw_default'], ['safe', '\u00ca', 'kw_safe'], ['raw', '\u00cb', 'kw_raw'],
  ["'static", '\u00cc', 'lifetime_static'],
] as const;

export type TokenKindName = (typeof TOKEN_SPECS)[number][0];

/** Token kind numbers, by name: `TK.Ident`, `TK['::']`, `TK.fn`. */
export const TK = Object.fromEntries(TOKEN_SPECS.map(([name], i) => [name, i])) as Record<TokenKindName, number>;

/** The token-string character of each kind, indexed by kind number. */
export const TOKEN_CHARS: readonly string[] = TOKEN_SPECS.map(([, ch]) => ch);

export const WEAK_KEYWORDS: ReadonlySet<string> = new Set(['union', 'auto', 'macro_rules', 'default', 'safe', 'raw']);

/** Keywords only from the 2018 edition on; in 2015 they lex as identifiers. */
export const EDITION_2018_KEYWORDS: ReadonlySet<string> = new Set(['async', 'await', 'dyn', 'try']);
/** Keywords only from the 2024 edition on. */
export const EDITION_2024_KEYWORDS: ReadonlySet<string> = new Set(['gen']);

const KEYWORD_FIRST = TK.as;
const KEYWORD_LAST = TK.raw;

/** Keyword text → kind, for strict, reserved and weak keywords. */
export const KEYWORDS: ReadonlyMap<string, number> = new Map(
  TOKEN_SPECS.slice(KEYWORD_FIRST, KEYWORD_LAST + 1).map(([name], i) => [name, KEYWORD_FIRST + i]),
);

export function isKeywordKind(kind: number): boolean {
  return kind >= KEYWORD_FIRST && kind <= KEYWORD_LAST;
}

/** The grammar's terminal rules, one per token kind, so grammar text never names a raw char. */
export function tokenRulesOhm(): string {
  const esc = (ch: string) => (ch === '\\' || ch === '"' ? '\\' + ch : ch);
  return TOKEN_SPECS.map(([, ch, rule]) => `  ${rule} = "${esc(ch)}"`).join('\n');
}
