// What every xref command shares: the --json and --db flags, and ending with one `xref: …`
// line and a documented exit status instead of oclif's error box and stack trace.
import { Command, Flags } from './oclif.js';
import { describeFailure } from './failure.js';

export abstract class XrefCommand extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'print JSON instead of text' }),
    db: Flags.string({
      description: 'the index: its store directory (.xref/db), its .xref directory or the workspace root ' +
        '[default: the nearest .xref/db at or above the current directory]',
      helpValue: 'DIR',
    }),
  };

  override async init(): Promise<void> {
    await super.init();
    // `xref … | head` closes stdout early; that is not an error worth a message.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  override async catch(error: unknown): Promise<void> {
    const { message, exitCode } = describeFailure(error, this.id);
    if (process.env.XREF_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.stderr.write(`xref: ${message}\n`);
    process.exitCode = exitCode;
  }
}
