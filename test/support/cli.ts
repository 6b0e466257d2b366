import { run, runCli } from '../../server/src/cli/main';

/** Runs the CLI in process, as `report-lens ARGV…` would, and collects what it writes. */
export function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, (text) => void (stdout += text), (text) => void (stderr += text));
  return { code, stdout, stderr };
}

/** As `cli`, through the entry point `report-lens` itself uses, which reads Word documents first. */
export async function cliAsync(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, (text) => void (stdout += text), (text) => void (stderr += text));
  return { code, stdout, stderr };
}
