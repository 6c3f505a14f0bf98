// How a parsed file crosses from a worker thread: the token arrays are moved, not copied, and
// the AST goes as one JSON string. Structured clone of the AST object graph measured 1.5 s to
// serialize and 1.0 s to deserialize for all of std, JSON 0.5 s and 0.6 s, and deserializing
// happens on the main thread, which also has to resolve.
import type { Transferable } from 'node:worker_threads';
import type { Edition } from '../syntax/lexer.js';
import type { ParsedFile } from '../syntax/ast.js';
import type { SourceFile } from '../crate/modules.js';

export interface SourceJob {
  abs: string;
  workspaceRoot: string;
  edition: Edition;
}

export type WireSource = Omit<SourceFile, 'parsed'> & { parsedJson: string };

/**
 * The AST holds only plain objects, arrays, strings, numbers and booleans, so JSON keeps it whole.
 * Body trees do not cross: the body parser keeps them in weak maps keyed by item, and nothing
 * after parsing reads them yet. A resolver that walks body trees must have them sent too.
 */
export function toWire({ parsed, ...rest }: SourceFile): WireSource {
  return { ...rest, parsedJson: JSON.stringify(parsed) };
}

export function fromWire({ parsedJson, ...rest }: WireSource): SourceFile {
  const file = { ...rest, parsed: JSON.parse(parsedJson) as ParsedFile };
  wireJson.set(file, parsedJson);
  return file;
}

/** The AST's JSON of files that came from a worker, which the disk source cache writes as it is. */
const wireJson = new WeakMap<SourceFile, string>();

/** The JSON of a file's AST: as it came from a worker, or made now. */
export function parsedJsonOf(file: SourceFile): string {
  return wireJson.get(file) ?? JSON.stringify(file.parsed);
}

export function wireTransfers({ ts }: WireSource): Transferable[] {
  return [...new Set([ts.src.buffer, ts.kinds.buffer, ts.starts.buffer, ts.ends.buffer] as ArrayBuffer[])];
}
