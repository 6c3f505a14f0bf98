// vitest's global setup (vitest.config.ts): builds the project unless the last build is newer
// than every source, as after `npm test`'s own build.
import { ensureBuilt } from './query-cli/cli.js';

export default function setup(): void {
  ensureBuilt();
}
