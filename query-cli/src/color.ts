// Colour for text output, by hand-written ANSI codes (SGR) rather than a dependency. It is on
// when the stream is a terminal, unless NO_COLOR is set and non-empty (https://no-color.org);
// FORCE_COLOR (set, not "0" or "false") turns it on anywhere, for tests and `| less -R`.
// JSON output never goes through it.

export interface ColorEnv {
  NO_COLOR?: string;
  FORCE_COLOR?: string;
  TERM?: string;
}

/** Whether text written to `stream` is coloured. NO_COLOR wins over FORCE_COLOR. */
export function colorEnabled(stream: { isTTY?: boolean }, env: ColorEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The roles a piece of output can have; each is one colour, so commands agree on what means what. */
export interface Paint {
  readonly on: boolean;
  /** A file path, as in `path:line:col`. */
  path(text: string): string;
  /** A line or column number. */
  pos(text: string | number): string;
  /** A def kind or a ref role. */
  kind(text: string): string;
  /** A qualified name. */
  name(text: string): string;
  /** The identifier asked about, inside a source excerpt. */
  match(text: string): string;
  /** Secondary text: counts, `(candidate)`, `via …`. */
  dim(text: string): string;
  /** Problems: syntax errors, warnings. */
  problem(text: string): string;
}

const sgr = (open: string) => (text: string | number) => `\x1b[${open}m${text}\x1b[0m`;
const plain = (text: string | number) => String(text);

const COLORED: Paint = {
  on: true,
  // The choices of grep and ripgrep, which users' eyes already know: magenta paths, green
  // numbers, bold red for the match.
  path: sgr('35'),
  pos: sgr('32'),
  kind: sgr('36'),
  name: sgr('1'),
  match: sgr('1;31'),
  dim: sgr('2'),
  problem: sgr('33'),
};

const PLAIN: Paint = { on: false, path: plain, pos: plain, kind: plain, name: plain, match: plain, dim: plain, problem: plain };

export function paintFor(on: boolean): Paint {
  return on ? COLORED : PLAIN;
}

let stdoutPaint: Paint | undefined;
let stderrPaint: Paint | undefined;

/** The paint of stdout, decided once per process. */
export function outPaint(): Paint {
  return (stdoutPaint ??= paintFor(colorEnabled(process.stdout)));
}

/** The paint of stderr (diagnostics), decided once per process. */
export function errPaint(): Paint {
  return (stderrPaint ??= paintFor(colorEnabled(process.stderr)));
}
