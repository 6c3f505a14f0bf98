// Version policy: a major bump is incompatible and readers refuse it; a minor bump only adds
// optional fields, so a reader accepts any minor of its own major.

export const SCHEMA_VERSION = '1.1.0';
export const SCHEMA_MAJOR = 1;

export class SchemaVersionError extends Error {}

/** Throws a one-line error unless `version` is a semver string this reader can read. */
export function checkSchemaVersion(version: unknown): void {
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new SchemaVersionError(`dump has no valid schemaVersion (got ${JSON.stringify(version)})`);
  }
  const major = Number(version.split('.')[0]);
  if (major !== SCHEMA_MAJOR) {
    throw new SchemaVersionError(
      `dump schema ${version} is not readable by this xref (reads ${SCHEMA_MAJOR}.x); re-run the front end that matches it`,
    );
  }
}
