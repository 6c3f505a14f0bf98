// The progress line of a long `xref index`: one line on stderr, redrawn in place with '\r' and
// cleared at the end, so it never mixes with stdout (the summary, JSON) nor stays behind in a
// terminal. Drawn only when stderr is a terminal: a log file or a pipe gets nothing.
import type { AnalyzeProgress } from '../../frontend/src/analyze.js';

/** What the bar writes to; process.stderr, or a fake one in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** One step: a phase, and for a phase that counts, how far it is. */
export interface ProgressStep {
  phase: string;
  done?: number;
  total?: number;
  /** What `done` counts: files, crates. */
  unit?: string;
}

/** Redraws at most this often within a phase; a new phase is drawn at once. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;
const COUNTING_PHASE_WIDTH = 13;
/** Clears from the cursor to the end of the line (ECMA-48 EL). */
const CLEAR_TO_END = '\x1b[K';

export class ProgressLine {
  private phase: string | undefined;
  private drawnAt = -Infinity;
  private shown = false;
  private readonly startedAt: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  update(step: ProgressStep): void {
    const at = this.now();
    if (step.phase === this.phase && at - this.drawnAt < REDRAW_MS) return;
    this.phase = step.phase;
    this.drawnAt = at;
    // A pseudo-terminal may report 0 columns: take 80 then.
    const width = Math.max((this.stream.columns || 80) - 1, 20);
    this.stream.write(`\r${renderStep(this.label, step, (at - this.startedAt) / 1000, width)}${CLEAR_TO_END}`);
    this.shown = true;
  }

  /** Removes the line, leaving the cursor where the line began. */
  clear(): void {
    if (this.shown) this.stream.write(`\r${CLEAR_TO_END}`);
    this.shown = false;
  }
}

/**
 * `label phase [=====>     ] done/total unit  elapsed`, cut to `width` characters: a line
 * longer than the terminal would wrap, and '\r' would then redraw only its last row.
 */
export function renderStep(label: string, step: ProgressStep, seconds: number, width: number): string {
  const parts = [label, step.phase];
  if (step.total !== undefined && step.done !== undefined) {
    // The bar of every counting phase starts at the same column.
    parts[1] = step.phase.padEnd(COUNTING_PHASE_WIDTH);
    parts.push(bar(step.done, step.total), `${step.done}/${step.total}${step.unit === undefined ? '' : ` ${step.unit}`}`);
  }
  parts.push(`${seconds.toFixed(1)} s`);
  const line = parts.join(' ');
  return line.length > width ? line.slice(0, width) : line;
}

function bar(done: number, total: number): string {
  const filled = total > 0 ? Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH)) : 0;
  const head = filled < BAR_WIDTH && done > 0 ? '>' : '';
  return `[${'='.repeat(filled)}${head}${' '.repeat(BAR_WIDTH - filled - head.length)}]`;
}

/** The progress of `xref index`: the analysis's phases, then the load of its dumps. */
export interface IndexProgress {
  analyze(progress: AnalyzeProgress): void;
  load(done: number, total: number): void;
  clear(): void;
}

const PHASES: Record<AnalyzeProgress['phase'], { name: string; unit?: string }> = {
  discover: { name: 'discovering the workspace' },
  parse: { name: 'parsing', unit: 'files' },
  resolve: { name: 'resolving names' },
  write: { name: 'writing dumps', unit: 'crates' },
};

/** The progress display of `xref index` on `stream`, or undefined when it is not a terminal. */
export function indexProgress(stream: ProgressStream = process.stderr, env: { TERM?: string } = process.env): IndexProgress | undefined {
  if (stream.isTTY !== true || env.TERM === 'dumb') return undefined;
  const line = new ProgressLine(stream, 'xref index:');
  return {
    analyze: ({ phase, done, total }) => line.update({ phase: PHASES[phase].name, done, total, unit: PHASES[phase].unit }),
    load: (done, total) => line.update({ phase: 'loading', done, total, unit: 'crates' }),
    clear: () => line.clear(),
  };
}
