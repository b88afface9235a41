/**
 * `npm run demo`: the app end to end without any Slack or sota.io account. Prints a transcript and
 * writes an HTML preview of the messages. `--out <file>` chooses where the preview goes.
 */
import { parseArgs } from 'node:util';
import { wantsColour } from './demo/paint.js';
import { runDemo } from './demo/run-demo.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const started = Date.now();
  await runDemo({
    write: (text) => process.stdout.write(`${text}\n`),
    colour: wantsColour(process.stdout, process.env),
    ...(values.out ? { previewPath: values.out } : {}),
  });
  process.stdout.write(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
