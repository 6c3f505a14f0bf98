// Every way a command can end, as one stderr line and an exit status. The stages throw typed
// errors; this is the one place that turns them into what a user (or a script) sees, so the
// exit-code table in README.md is this file.

export const EXIT = {
  ok: 0,
  /** The query was valid and found nothing (the empty answer is still printed). */
  noResult: 1,
  /** Bad arguments: an unknown flag, a missing argument, a malformed FILE:LINE:COL. */
  usage: 2,
  /** The index is missing, locked by another process, or written by another xref version. */
  index: 3,
  /** The query names a place that does not exist: a file outside the index, a position outside its file or on no identifier, a directory without a Cargo workspace. */
  badLocation: 4,
  /** Anything else: an I/O error, an inconsistent index, a bug. */
  failure: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI itself detects; `message` is the whole line after `xref: `. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

export function usageFailure(message: string): CliFailure {
  return new CliFailure(EXIT.usage, message);
}

/** A position on whitespace, punctuation or a keyword: most often a column counted from 0. */
export function noIdentifierFailure(query: string): CliFailure {
  return new CliFailure(EXIT.badLocation, `no identifier at ${query}: point at a name (${COUNTING})`);
}

const COUNTING = 'LINE and COL count from 1, COL in characters';

/** Indexer error codes (indexer/src/errors.ts) → exit status. */
const INDEX_ERROR_EXIT: Record<string, ExitCode> = {
  NO_INDEX: EXIT.index,
  INDEX_LOCKED: EXIT.index,
  STORE_FORMAT: EXIT.index,
  UNKNOWN_FILE: EXIT.badLocation,
  BAD_POSITION: EXIT.badLocation,
};

/** What to do about an indexer error whose message says only what went wrong. */
const INDEX_ERROR_HINT: Record<string, string> = {
  UNKNOWN_FILE: "no crate of the workspace compiles it, or it is newer than the last 'xref index'",
  BAD_POSITION: COUNTING,
};

interface Described {
  message: string;
  exitCode: ExitCode;
}

/**
 * The line and exit status for any thrown value. The stages' errors are recognized by their
 * name or `code` rather than by class, so this module imports neither stage (a `def` must
 * not load the front end just to recognize its error).
 */
export function describeFailure(error: unknown, commandId: string | undefined): Described {
  if (error instanceof CliFailure) return { message: error.message, exitCode: error.exitCode };
  const e = error as { name?: unknown; code?: unknown; message?: unknown; parse?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (e !== null && typeof e === 'object') {
    // oclif's argument-parser errors carry `parse`; its flag-value errors (`Flags.integer({min})`)
    // do not, but every parse error it raises ends with the same pointer to --help.
    if (e.parse !== undefined || message.includes('See more help with --help')) {
      const help = commandId ? `xref ${commandId} --help` : 'xref --help';
      const text = message.replace(/See more help with --help/, '').replace(/^The following error occurred:/, '');
      return { message: `${oneLine(text)} (see '${help}')`, exitCode: EXIT.usage };
    }
    if (e.name === 'WorkspaceError') return { message: oneLine(message), exitCode: EXIT.badLocation };
    if (typeof e.code === 'string' && e.code in INDEX_ERROR_EXIT) {
      const hint = INDEX_ERROR_HINT[e.code];
      return { message: oneLine(message) + (hint === undefined ? '' : ` (${hint})`), exitCode: INDEX_ERROR_EXIT[e.code] };
    }
  }
  return { message: oneLine(message), exitCode: EXIT.failure };
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/:$/, '');
}
