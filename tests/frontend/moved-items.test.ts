// Records moved in a dump by edits (frontend/src/incremental/moved-items.ts): the moved file's
// lines are found as one run by their file key, or, when they are not together, by a scan of
// every line; either way every record of the file moves, and no other.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../frontend/src/index.js';
import { movedDump } from '../../frontend/src/incremental/moved-items.js';
import { recordHead } from '../../frontend/src/dump/write.js';
import type { DumpHeader } from '../../schema/src/index.js';
import { copyFixture } from '../support/workspace-copy.js';

/** The dump's record lines, as text, each run of bytes cut into its lines. */
function linesOf(lines: ReadonlyArray<string | Uint8Array>): string[] {
  return lines.flatMap((l) => (typeof l === 'string' ? [l] : Buffer.from(l).toString('utf8').split('\n')));
}

describe('movedDump', () => {
  it('moves the records of a moved file wherever its lines are in the dump', async () => {
    const ws = copyFixture('xref-moved-');
    const outDir = path.join(ws, 'dumps');
    const { dumpFiles } = await analyzeWorkspace(ws, { useCargo: false, outDir });
    const dumpFile = dumpFiles.find((f) => f.includes('geometry-'))!;
    const [headerLine, ...records] = readFileSync(dumpFile, 'utf8').trimEnd().split('\n');
    const file = 'geometry/src/shapes/circle.rs';
    const header = (JSON.parse(headerLine) as DumpHeader).files.find((f) => f.path === file)!;
    // Ten bytes inserted at the top of the file.
    const moves = new Map([[file, { shifts: [{ prefix: 0, oldEnd: 0, delta: 10 }], header: { ...header, bytes: header.bytes + 10 } }]]);
    const together = movedDump(Buffer.from(`${[headerLine, ...records].join('\n')}\n`), moves)!;
    // The same records with the file's lines split in two runs: the last one moved to the end.
    const mine = records.filter((l) => recordHead(l).file === file);
    expect(mine.length).toBeGreaterThan(2);
    const apart = [...records.filter((l) => l !== mine.at(-1)), mine.at(-1)!];
    const split = movedDump(Buffer.from(`${[headerLine, ...apart].join('\n')}\n`), moves)!;
    const moved = linesOf(together.dump.lines);
    expect(new Set(linesOf(split.dump.lines))).toEqual(new Set(moved));
    // The same changes (the digests differ with the order of the lines).
    const changes = (m: typeof split) => m.patches.map((p) => ({ file: p.file, fileItems: [...p.fileItems].sort(), items: p.items.map((i) => i.item).sort() }));
    expect(changes(split)).toEqual(changes(together));
    // Every record of the file moved by ten bytes, but the file module's, which starts the file;
    // every other is as it was.
    for (const line of moved) {
      const head = recordHead(line);
      const before = records.find((l) => recordHead(l).item === head.item)!;
      const start = recordHead(before).span[0];
      expect(head.span[0]).toBe(head.file === file && start > 0 ? start + 10 : start);
      if (head.file !== file) expect(line).toBe(before);
    }
  });
});
