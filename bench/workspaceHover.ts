/**
 * `node out/bench/workspaceHover.js [N]` (default 5,000): hover latency on an open report while the
 * server pulls workspace diagnostics for N small reports, and the time the pass takes. Not part of
 * `npm run bench` (it takes a minute); the protocol test runs the same measurement on 300 files.
 */
import { percentile, pullWithHovers, workspaceOf } from '../test/support/workspaceHover';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 5000);
  const run = await workspaceOf(count, { workspaceDiagnostics: 'workspace' });
  try {
    const result = await pullWithHovers(run, count, { timeoutMs: 600_000 });
    const full = [...result.reports.values()].filter((r) => r.kind === 'full').length;
    const lines = [
      `workspace diagnostics for ${count} small reports: ${full} reported in ${(result.passMs / 1000).toFixed(1)} s`,
      `hover during the pass: ${result.hoverMs.length} hovers, median ${percentile(result.hoverMs, 0.5).toFixed(1)} ms, p95 ${percentile(result.hoverMs, 0.95).toFixed(1)} ms, max ${Math.max(...result.hoverMs).toFixed(1)} ms`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await run.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
