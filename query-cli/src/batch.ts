// --stdin: one query per input line, one JSON object per output line, in input order. A query
// that fails becomes `{"query", "error"}` on its own line and the batch goes on, so the Nth
// output line always answers the Nth non-blank input line (score.py pairs them up that way).
import { createInterface } from 'node:readline';
import { describeFailure } from './failure.js';
import { printJson } from './output.js';

export async function answerEachLine(commandId: string, answer: (query: string) => Promise<object>): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const query = line.trim();
    if (query === '') continue;
    try {
      printJson(await answer(query));
    } catch (error) {
      printJson({ query, error: describeFailure(error, commandId).message });
    }
  }
}
