// oclif, as every module of the command imports it: from one bundled file that the build writes
// (package.json `build`, esbuild), `dist/vendor/oclif-core.cjs`. Loading @oclif/core's 160
// files took 70–80 ms of each `xref` start, one file 30 ms (bench/RESULTS.md). Every import
// goes through here so that there is one oclif in the process: its config and settings are
// module state (types alone may come from the package). Without the bundle (a build that
// skipped it), the package itself is loaded.
import { createRequire } from 'node:module';
import type * as Oclif from '@oclif/core';

type OclifModule = typeof Oclif;

const require = createRequire(import.meta.url);

function loadOclif(): OclifModule {
  try {
    return require('../../vendor/oclif-core.cjs') as OclifModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return require('@oclif/core') as OclifModule;
  }
}

const oclif = loadOclif();

export const Args: OclifModule['Args'] = oclif.Args;
export const Command: OclifModule['Command'] = oclif.Command;
export type Command = Oclif.Command;
export const Flags: OclifModule['Flags'] = oclif.Flags;
export const Plugin: OclifModule['Plugin'] = oclif.Plugin;
export const execute: OclifModule['execute'] = oclif.execute;
export const settings: OclifModule['settings'] = oclif.settings;
