// `npm run build` step: writes oclif.manifest.json, what oclif's own `oclif manifest` writes: each
// command's flags, args and help, and the file it is in. With it, a run imports the one command
// it runs; without it, oclif imports every command (and what each imports) to learn their flags,
// about 40 ms of every `xref def` (bench/RESULTS.md).
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Plugin } from './oclif.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const plugin = new Plugin({ root, isRoot: true, ignoreManifest: true, errorOnManifestCreate: true });
await plugin.load();
const target = `${root}/oclif.manifest.json`;
writeFileSync(`${target}.tmp`, `${JSON.stringify(plugin.manifest, null, 2)}\n`);
renameSync(`${target}.tmp`, target);
