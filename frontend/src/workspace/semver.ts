// Cargo's flavour of semver, as far as picking a registry version without Cargo.lock needs it:
// versions, their order, and whether a `[dependencies]` requirement accepts one.

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers (`1.0.0-alpha.1` → ['alpha', '1']); build metadata is dropped. */
  pre: string[];
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const COMPARATOR = /^(=|>=|<=|>|<|\^|~)?\s*v?(\d+|[*xX])(?:\.(\d+|[*xX]))?(?:\.(\d+|[*xX]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ? m[4].split('.') : [] };
}

function comparePre(a: string[], b: string[]): number {
  // A release sorts after all of its pre-releases.
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    const c = nx && ny ? Number(x) - Number(y) : nx ? -1 : ny ? 1 : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.pre, b.pre);
}

/** The highest of some version strings, skipping ones that do not parse; undefined for none. */
export function highestVersion(versions: string[]): string | undefined {
  const parsed = versions.flatMap((text) => {
    const version = parseVersion(text);
    return version ? [{ text, version }] : [];
  });
  parsed.sort((a, b) => compareVersions(b.version, a.version));
  return parsed[0]?.text;
}

interface Bound {
  version: Version;
  inclusive: boolean;
}

interface Comparator {
  min?: Bound;
  max?: Bound;
  /** The x.y.z a pre-release written in the requirement belongs to. */
  pre?: Version;
}

const v = (major: number, minor: number, patch: number, pre: string[] = []): Version => ({ major, minor, patch, pre });
// Pre-releases at an exclusive upper bound need no care: matchesRequirement only accepts
// pre-releases of a version the requirement itself names.
const below = (major: number, minor: number, patch: number): Bound => ({ version: v(major, minor, patch), inclusive: false });

function comparator(text: string): Comparator | undefined {
  const m = COMPARATOR.exec(text.trim());
  if (!m) return undefined;
  // `1.2.*` means `=1.2`, where a bare `1.2` means `^1.2`.
  const op = m[1] ?? ([m[2], m[3], m[4]].some((s) => s !== undefined && /^[*xX]$/.test(s)) ? '=' : '^');
  const part = (s: string | undefined) => (s === undefined || /^[*xX]$/.test(s) ? undefined : Number(s));
  const major = part(m[2]);
  const minor = major === undefined ? undefined : part(m[3]);
  const patch = minor === undefined ? undefined : part(m[4]);
  const pre = patch === undefined || !m[5] ? [] : m[5].split('.');
  if (major === undefined) return op === '^' || op === '=' ? {} : undefined;
  const low = v(major, minor ?? 0, patch ?? 0, pre);
  const at = pre.length > 0 ? { pre: low } : {};
  // Where a partial version's range ends (`1.2` covers 1.2.*); also where `~` stops.
  const next = minor !== undefined ? below(major, minor + 1, 0) : below(major + 1, 0, 0);
  switch (op) {
    case '=': return { min: { version: low, inclusive: true }, ...(patch !== undefined ? { max: { version: low, inclusive: true } } : { max: next }), ...at };
    case '>': return { min: patch !== undefined ? { version: low, inclusive: false } : { version: next.version, inclusive: true }, ...at };
    case '>=': return { min: { version: low, inclusive: true }, ...at };
    case '<': return { max: { version: low, inclusive: false }, ...at };
    case '<=': return { max: patch !== undefined ? { version: low, inclusive: true } : next, ...at };
    case '~': return { min: { version: low, inclusive: true }, max: next, ...at };
    default: {
      // Caret: the leftmost non-zero part written may not change.
      const max = major > 0 || minor === undefined ? below(major + 1, 0, 0)
        : minor > 0 || patch === undefined ? below(0, minor + 1, 0)
        : below(0, 0, patch + 1);
      return { min: { version: low, inclusive: true }, max, ...at };
    }
  }
}

function within(version: Version, c: Comparator): boolean {
  if (c.min) {
    const d = compareVersions(version, c.min.version);
    if (d < 0 || (d === 0 && !c.min.inclusive)) return false;
  }
  if (c.max) {
    const d = compareVersions(version, c.max.version);
    if (d > 0 || (d === 0 && !c.max.inclusive)) return false;
  }
  return true;
}

/** Whether `version` meets the comma-separated requirement `req`; false when either does not parse. */
export function matchesRequirement(version: string, req: string): boolean {
  const parsed = parseVersion(version);
  const comparators = req.split(',').map(comparator);
  if (!parsed || comparators.some((c) => c === undefined)) return false;
  const all = comparators as Comparator[];
  if (!all.every((c) => within(parsed, c))) return false;
  // A pre-release is only chosen when the requirement names a pre-release of the same x.y.z.
  const sameRelease = (p: Version) => p.major === parsed.major && p.minor === parsed.minor && p.patch === parsed.patch;
  return parsed.pre.length === 0 || all.some((c) => c.pre !== undefined && sameRelease(c.pre));
}
