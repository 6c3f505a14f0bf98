// Typed one-line errors, each with a stable `code` the CLI maps to an exit status.

export type IndexErrorCode =
  | 'NO_INDEX'
  | 'INDEX_LOCKED'
  | 'STORE_FORMAT'
  | 'UNKNOWN_FILE'
  | 'BAD_POSITION'
  | 'BAD_DUMP_SET'
  | 'INCONSISTENT';

export class IndexError extends Error {
  constructor(
    readonly code: IndexErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NoIndexError extends IndexError {
  constructor(readonly dir: string) {
    super('NO_INDEX', `no index at ${dir}: run 'xref index' first`);
  }
}

export class IndexLockedError extends IndexError {
  constructor(readonly dir: string) {
    super('INDEX_LOCKED', `index at ${dir} is locked by another xref process (an 'xref index' still running?); try again when it ends`);
  }
}

export class StoreFormatError extends IndexError {
  constructor(
    readonly dir: string,
    readonly found: unknown,
    readonly expected: number,
  ) {
    super(
      'STORE_FORMAT',
      `index at ${dir} has store format ${found === undefined ? '(none)' : JSON.stringify(found)}, ` +
        `this xref reads format ${expected}: run 'xref index --full'`,
    );
  }
}

export class UnknownFileError extends IndexError {
  constructor(readonly file: string) {
    super('UNKNOWN_FILE', `${file} is not in the index`);
  }
}

export class PositionError extends IndexError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {
    super('BAD_POSITION', `${file}:${line}:${col} is outside the file`);
  }
}

/** The dump set cannot be loaded as a whole, e.g. two dumps describe the same crate. */
export class DumpSetError extends IndexError {
  constructor(message: string) {
    super('BAD_DUMP_SET', message);
  }
}

/** The store contradicts itself (a key another key points to is missing); only a full re-index repairs it. */
export class InconsistentIndexError extends IndexError {
  constructor(what: string) {
    super('INCONSISTENT', `index is inconsistent (${what}): run 'xref index --full'`);
  }
}
