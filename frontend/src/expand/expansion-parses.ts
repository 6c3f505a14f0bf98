// The parsed items of macro expansions, kept from one analysis to the next. Binding a crate again
// expands its item macros again, and parsing the expansions was a fifth of a resumed index of
// std (bench/RESULTS.md). An expansion's parse is a function of its tokens alone, so it is
// looked up by a hash of them: whatever macro and input made the tokens, the same tokens parse
// the same.
import { createHash } from 'node:crypto';
import type { TokenStream } from '../syntax/lexer.js';
import type { ParsedFile } from '../syntax/ast.js';
import type { CrateCtx } from '../resolve/model.js';

/** One crate's expansion parses: the JSON of each, by the hash of its tokens. */
export class ExpansionParses {
  /** What this analysis parsed or used: what the next one will find. */
  readonly used = new Map<string, string>();

  constructor(private readonly known: ReadonlyMap<string, string> = new Map()) {}

  /** The items of the expansion `ts`, parsed by `parse` unless an earlier analysis did. */
  parsed(ts: TokenStream, parse: () => ParsedFile): ParsedFile {
    const key = tokensHash(ts);
    const json = this.used.get(key) ?? this.known.get(key);
    if (json !== undefined) {
      this.used.set(key, json);
      return JSON.parse(json) as ParsedFile;
    }
    const parsed = parse();
    this.used.set(key, JSON.stringify(parsed));
    return parsed;
  }
}

const byCrate = new WeakMap<CrateCtx, ExpansionParses>();

/** Makes `parses` the store of `crate`'s expansion parses for this analysis. */
export function useExpansionParses(crate: CrateCtx, parses: ExpansionParses): void {
  byCrate.set(crate, parses);
}

export function expansionParsesOf(crate: CrateCtx): ExpansionParses | undefined {
  return byCrate.get(crate);
}

/** The hash of an expansion's tokens: their kinds, bytes and offsets. */
function tokensHash(ts: TokenStream): string {
  const h = createHash('sha1');
  h.update(ts.text).update(ts.src);
  h.update(new Uint8Array(ts.starts.buffer, ts.starts.byteOffset, ts.starts.byteLength));
  return h.digest('base64');
}
