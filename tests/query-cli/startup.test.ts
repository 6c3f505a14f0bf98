// What a query command loads. `xref def` is mostly start-up (bench/RESULTS.md), and every module
// it imports is part of that: a query must load its own command alone (oclif.manifest.json), and
// neither the front end, ohm, nor the indexer's loading side (ARCHITECTURE.md, query-cli).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedExample, removeDir, REPO, xref } from './cli.js';

let ws: string;
let hooks: string;

beforeAll(() => {
  ws = indexedExample();
  // Module hooks that note every module the process loads through `import`, as our dist/ files
  // and ohm are; written as files, since --import takes a module.
  writeFileSync(
    join(ws, 'log-hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\n" +
      'export async function load(url, context, next) {\n' +
      "  appendFileSync(process.env.XREF_TEST_MODULE_LOG, url + '\\n');\n" +
      '  return next(url, context);\n' +
      '}\n',
  );
  hooks = join(ws, 'register-hooks.mjs');
  writeFileSync(
    hooks,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(ws, 'log-hooks.mjs')).href)});\n`,
  );
}, 60_000);

afterAll(() => removeDir(ws));

/** The dist/ modules and packages that running `xref ARGS` loads, relative to the repository. */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(ws, 'modules.log');
  rmSync(log, { force: true });
  writeFileSync(log, '');
  const run = xref(args, { cwd: ws, env: { NODE_OPTIONS: `--import=${pathToFileURL(hooks).href}`, XREF_TEST_MODULE_LOG: log } });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const repo = pathToFileURL(REPO).href + '/';
  return readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith(repo)).map((url) => url.slice(repo.length));
}

describe('a query command at start-up', () => {
  const queries: Array<[command: string, args: string[]]> = [
    ['def', ['def', '--json', 'canvas/src/bin/draw.rs:9:24']],
    ['hover', ['hover', 'canvas/src/bin/draw.rs:9:24']],
    ['refs', ['refs', 'geometry::shapes::Shape::area']],
    ['search', ['search', 'circle']],
    ['symbols', ['symbols', 'geometry/src/lib.rs']],
    ['stats', ['stats', '--json']],
  ];

  it.each(queries)('%s loads its own command and no module for analysing or loading', (command, args) => {
    const loaded = modulesLoadedBy(args);
    const commands = loaded.filter((m) => m.startsWith('dist/query-cli/src/commands/'));
    expect(commands).toEqual([`dist/query-cli/src/commands/${command}.js`]);
    expect(loaded.filter((m) => m.startsWith('dist/frontend/'))).toEqual([]);
    expect(loaded.filter((m) => /node_modules\/(ohm-js|flexsearch)\//.test(m))).toEqual([]);
    for (const loading of ['dist/indexer/src/load.js', 'dist/indexer/src/merge.js', 'dist/indexer/src/patch.js', 'dist/schema/src/validate.js']) {
      expect(loaded).not.toContain(loading);
    }
  });

  it('index loads the front end, so the hooks do see it when it is there', () => {
    const loaded = modulesLoadedBy(['index', '--json']);
    expect(loaded).toContain('dist/query-cli/src/commands/index/index.js');
    expect(loaded.some((m) => m.startsWith('dist/frontend/'))).toBe(true);
  });
});
