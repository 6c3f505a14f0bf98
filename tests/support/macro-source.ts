// What the expand-*.test.ts files share: a source text as a crate file, and the matching and
// transcription of a macro_rules definition in it against an input, as rustc would expand it.
import type { FileEntry } from '../../schema/src/index.js';
import { lex } from '../../frontend/src/syntax/lexer.js';
import { parseFile } from '../../frontend/src/syntax/parse.js';
import type { SourceFile } from '../../frontend/src/crate/modules.js';
import { treesOf, type Tok } from '../../frontend/src/expand/tokens.js';
import { readRules, type Rule } from '../../frontend/src/expand/rules.js';
import { matchRule } from '../../frontend/src/expand/matcher.js';
import { transcribe, TranscribeError } from '../../frontend/src/expand/transcribe.js';

/** `text` as a file of a crate (no line tables: nothing here reads them). */
export function sourceFile(text: string, rel = 'src/lib.rs'): SourceFile {
  const ts = lex(new TextEncoder().encode(text));
  return { abs: `/${rel}`, rel, entry: { path: rel } as FileEntry, ts, parsed: parseFile(ts) };
}

/** The rules of the first macro_rules item of `file`. */
export function rulesIn(file: SourceFile): Rule[] {
  const item = file.parsed.items.find((i) => i.kind === 'macro_rules');
  if (item?.kind !== 'macro_rules') throw new Error('no macro_rules item');
  const trees = treesOf(file, item.body[0], item.body[1], false);
  return trees ? readRules(trees) : [];
}

/**
 * The tokens of the first macro_rules item of `file` applied to the args of the first macro
 * call item after it: the first rule that matches, transcribed; undefined when none matches or
 * its transcription fails.
 */
export function expandFirstCall(file: SourceFile, edition2021 = true): Tok[] | undefined {
  const call = file.parsed.items.find((i) => i.kind === 'macro_call');
  if (call?.kind !== 'macro_call') throw new Error('no macro call item');
  const input = treesOf(file, call.args[0] + 1, call.args[1] - 1, true);
  if (!input) return undefined;
  for (const rule of rulesIn(file)) {
    const env = matchRule(rule.matcher, input, { edition2021, budget: 100_000 });
    if (!env) continue;
    try {
      return transcribe(rule.transcriber, env, 100_000);
    } catch (e) {
      if (e instanceof TranscribeError) return undefined;
      throw e;
    }
  }
  return undefined;
}

/** `macro_rules! m { RULES }` and `m!(INPUT);`, expanded, as token texts joined by spaces. */
export function expandText(rules: string, input: string): string | undefined {
  const toks = expandFirstCall(sourceFile(`macro_rules! m { ${rules} }\nm!(${input});\n`));
  return toks?.map((t) => t.text).join(' ');
}
