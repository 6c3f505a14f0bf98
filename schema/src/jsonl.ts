// Dumps are JSON Lines: the header on the first line, then one item record per line.
import type { Dump, DumpHeader, ItemRecord } from './types.js';
import { checkSchemaVersion, SchemaVersionError } from './version.js';
import { validateDump } from './validate.js';

export class DumpFormatError extends Error {}

export function serializeDump(dump: Dump): string {
  const lines = [JSON.stringify(dump.header)];
  for (const item of dump.items) lines.push(JSON.stringify(item));
  return lines.join('\n') + '\n';
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
  for (let i = 0; i < lines.length; i++) {
    try {
      records.push(JSON.parse(lines[i]));
    } catch {
      throw new DumpFormatError(`${source}:${i + 1}: not valid JSON`);
    }
  }
  const header = records[0] as DumpHeader;
  if (header === null || typeof header !== 'object' || !('schemaVersion' in header)) {
    throw new DumpFormatError(`${source}:1: first line is not a dump header (no schemaVersion)`);
  }
  try {
    checkSchemaVersion(header.schemaVersion);
  } catch (e) {
    throw new SchemaVersionError(`${source}:1: ${(e as Error).message}`);
  }
  const dump: Dump = { header, items: records.slice(1) as ItemRecord[] };
  const problem = validateDump(dump);
  if (problem) throw new DumpFormatError(`${source}:${problem.line}: ${problem.message}`);
  return dump;
}
