import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/**
 * Entry point of `report-lens-language-server`. VS Code starts it over IPC
 * (--node-ipc); other editors pass --stdio. vscode-languageserver reads the
 * transport from the command line itself.
 */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h') || !args.some((arg) => TRANSPORTS.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  const out = args.includes('--help') || args.includes('-h') ? process.stdout : process.stderr;
  out.write(
    [
      'Usage: report-lens-language-server --stdio',
      '',
      'The Report Lens language server (LSP 3.17). Transports:',
      '  --stdio            JSON-RPC over standard input and output (Neovim, Helix, Emacs…)',
      '  --node-ipc         Node IPC (used by the VS Code extension)',
      '  --socket=PORT      a TCP socket on localhost',
      '  --pipe=NAME        a named pipe',
      '',
    ].join('\n'),
  );
  process.exitCode = out === process.stdout ? 0 : 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
