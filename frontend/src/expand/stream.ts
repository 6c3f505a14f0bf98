// An expansion as a file of its own: the tokens a transcription produced, written out as text
// (so token texts, signatures and type texts read as usual) with the token arrays the parser and
// the resolvers walk, and, per token, where it is written in the crate's files.
import type { TokenStream } from '../syntax/lexer.js';
import { TOKEN_CHARS } from '../syntax/tokens.js';
import { parseItems } from '../syntax/parse.js';
import type { SourceFile } from '../crate/modules.js';
import { setExpansionOrigin, type ExpansionOrigin, type Tok } from './tokens.js';
import type { ExpansionParses } from './expansion-parses.js';

const encoder = new TextEncoder();

/**
 * The file of an expansion of `toks`, its items parsed (or taken from `parses`), belonging to the invocation `anchor`.
 * Tokens that touch where they are written touch in the text too: the body parser reads `>>`,
 * `&&` and `||` from touching tokens.
 */
export function expansionFile(toks: Tok[], anchor: ExpansionOrigin['anchor'], depth: number, parses?: ExpansionParses): SourceFile {
  const n = toks.length;
  const kinds = new Uint8Array(n);
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const originStarts = new Uint32Array(n);
  const originEnds = new Uint32Array(n);
  const files: Array<SourceFile | undefined> = new Array(n);
  const parts: string[] = [];
  const chars: string[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    const prev = i > 0 ? toks[i - 1] : undefined;
    if (prev && !(prev.file !== undefined && prev.file === t.file && prev.end === t.start)) {
      parts.push(' ');
      offset++;
    }
    const bytes = byteLength(t.text);
    kinds[i] = t.kind;
    starts[i] = offset;
    ends[i] = offset + bytes;
    offset += bytes;
    parts.push(t.text);
    chars.push(TOKEN_CHARS[t.kind]);
    files[i] = t.file;
    originStarts[i] = t.start;
    originEnds[i] = t.end;
  }
  const src = encoder.encode(parts.join(''));
  const ts: TokenStream = { src, count: n, kinds, starts, ends, text: chars.join(''), errors: [] };
  const file: SourceFile = {
    abs: anchor.file.abs, rel: anchor.file.rel, entry: anchor.file.entry, ts,
    parsed: { items: [], innerAttrs: [], errors: [] },
  };
  setExpansionOrigin(file, { files, starts: originStarts, ends: originEnds, anchor, depth });
  file.parsed = parses ? parses.parsed(ts, () => parseItems(ts, [0, n])) : parseItems(ts, [0, n]);
  return file;
}

function byteLength(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return Buffer.byteLength(text);
  return text.length;
}
