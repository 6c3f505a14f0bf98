// The `--std-src PATH` flag of the commands that analyze (`index`, `watch`): both must give the
// store the same std crates, or each would remove what the other loaded.
import { Flags } from './oclif.js';
import { usageFailure } from './failure.js';

export const stdSrcFlag = Flags.string({
  description: "the standard library's sources, indexed as the crates core, alloc and std: rust-src's library " +
    "directory, or a directory holding library/ (default: $XREF_STD_SRC, else the toolchain's rust-src when " +
    "installed; 'none': std only as the built-in table of its common paths)",
  helpValue: 'PATH',
});

/** The `library` directory to analyze for the flag's value, its default, or none. */
export async function stdSources(flag: string | undefined): Promise<string | undefined> {
  // The front end is loaded only by the commands that analyze.
  const { locateStdSources, WorkspaceError } = await import('../../frontend/src/index.js');
  try {
    return await locateStdSources(flag);
  } catch (e) {
    throw e instanceof WorkspaceError ? usageFailure(e.message) : e;
  }
}
