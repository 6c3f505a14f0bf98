// `xref frob`: one `xref: …` line and the usage exit code, like every other failure, instead
// of oclif's boxed error.
import type { Hook } from '@oclif/core';
import { EXIT } from '../failure.js';

const hook: Hook.CommandNotFound = async function ({ id, config }) {
  const commands = config.commandIDs.slice().sort().join(', ');
  process.stderr.write(`xref: unknown command '${id}': the commands are ${commands} (see 'xref --help')\n`);
  process.exitCode = EXIT.usage;
};

export default hook;
