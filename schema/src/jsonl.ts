// Dumps are JSON Lines: the header on the first line, then one item record per line.
import type { Dump, DumpHeader, ItemRecord } from './types.js';
import { checkSchemaVersion, SchemaVersionError } from './version.js';
import { validateDump } from './validate.js';

export class DumpFormatError extends Error {}

export function serializeDump(dump: Dump): string {
  return dumpText(dump.header, dump.items.map((item) => JSON.stringify(item)));
}

/** A dump's text from its header and its item records' JSON lines (a writer may keep lines it did not parse). */
export function dumpText(header: DumpHeader, itemLines: readonly string[]): string {
  return `${[JSON.stringify(header), ...itemLines].join('\n')}\n`;
}

/**
 * Parses and validates a dump. `source` names it in error messages.
 * Throws a one-line DumpFormatError (or SchemaVersionError) on the first problem.
 */
export function parseDump(text: string, source: string): Dump {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new DumpFormatError(`${source}: empty dump`);
  const records: unknown[] = [];
  for (let i = 0; i < lines.length; i++) records.push(parseLine(lines[i], source, i + 1));
  const header = checkedHeader(records[0], source);
  const dump: Dump = { header, items: records.slice(1) as ItemRecord[] };
  const problem = validateDump(dump);
  if (problem) throw new DumpFormatError(`${source}:${problem.line}: ${problem.message}`);
  return dump;
}

/**
 * The header of a dump, read from its first line alone (an indexer compares its digest before it
 * pays for the rest). Only the version is checked: `parseDump` validates the whole.
 */
export function parseDumpHeader(text: string, source: string): DumpHeader {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  if (first === '') throw new DumpFormatError(`${source}: empty dump`);
  return checkedHeader(parseLine(first, source, 1), source);
}

function parseLine(line: string, source: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new DumpFormatError(`${source}:${number}: not valid JSON`);
  }
}

function checkedHeader(record: unknown, source: string): DumpHeader {
  const header = record as DumpHeader;
  if (header === null || typeof header !== 'object' || !('schemaVersion' in header)) {
    throw new DumpFormatError(`${source}:1: first line is not a dump header (no schemaVersion)`);
  }
  try {
    checkSchemaVersion(header.schemaVersion);
  } catch (e) {
    throw new SchemaVersionError(`${source}:1: ${(e as Error).message}`);
  }
  return header;
}
