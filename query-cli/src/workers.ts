// The `--workers N` flag of the commands that parse.
import { Flags } from './oclif.js';
import { usageFailure } from './failure.js';

/** A string checked by `workerCount`: oclif's own integer check fails with a multi-line message. */
export function workersFlag(defaultText: string) {
  return Flags.string({ description: `threads that parse files; 1 parses in the main thread [default: ${defaultText}]`, helpValue: 'N' });
}

/** The flag's value; undefined leaves the choice to the front end. */
export function workerCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1) throw usageFailure(`bad --workers '${text}': expected a whole number, 1 or more`);
  return n;
}
