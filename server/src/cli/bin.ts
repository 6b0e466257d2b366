import { runCli } from './main';

void runCli(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text),
  { progress: process.stderr.isTTY === true },
).then((code) => {
  process.exitCode = code;
  exitWhenWritten(code);
});

/**
 * Exits once stdout and stderr have taken everything written to them. Left to end by itself, the
 * process first drains V8's pending background work (optimising compiles queued during the check,
 * a garbage collection it had started): 20–40 ms after the output, for nothing the user gets. An
 * empty write's callback runs after the writes before it are done, so no output is cut short
 * (a pipe may be asynchronous); 'exit' listeners (the code cache) still run.
 */
function exitWhenWritten(code: number): void {
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
