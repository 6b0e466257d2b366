/**
 * LSP 3.17 workspace diagnostics: the Problems view for every report of the workspace, not only the
 * open ones (`reportLens.workspaceDiagnostics: workspace`, or the Check All Reports command for the
 * session). The work shares one thread with hover and typing, so a pass checks one file at a time and
 * yields between files, stops when cancelled, skips large files, and leaves open documents to the
 * document pull (their text is newer than the disk's). Each file's result id is its modification time
 * and size under the current settings: the client's next pull gets "unchanged" for what did not move.
 *
 * vscode-languageclient pulls again two seconds after each answer; rather than re-stat thousands of
 * files every two seconds, the request is held open (a long poll, as the protocol allows) until
 * something changed, streaming each pass's new results as partial results meanwhile.
 */
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Diagnostic, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { withoutBom } from './core/text/chars';

export type WorkspaceDiagnosticsMode = 'off' | 'openFiles' | 'workspace';

/** Reports larger than this are left to the document pull when opened: one check must not hold hover up for long. */
export const WORKSPACE_DIAGNOSTICS_MAX_BYTES = 1_000_000;
/** Results are streamed in chunks of this many files, so the Problems view fills while a pass runs. */
const CHUNK = 50;
/** Even with no change announced (a report changed on disk unwatched), the disk is looked at again this often. */
const MAX_HOLD_MS = 60_000;

export interface WorkspaceDiagnosticsHost {
  /** The mode in force (the setting, read with the first workspace folder's scope). */
  mode(): Promise<WorkspaceDiagnosticsMode>;
  /** The workspace's report files, as file URIs. */
  reports(): Promise<string[]>;
  /** Whether the document is open (the document pull reports it). */
  isOpen(uri: string): boolean;
  /** The diagnostics of a report's text, as the document pull would give them. */
  diagnose(uri: string, text: string, token: CancellationToken): Promise<Diagnostic[]>;
  /** A pass's progress, for the Check All Reports command. */
  progress(pass: number, done: number, total: number): void;
}

export class WorkspaceDiagnostics {
  /** Bumped when every result may have changed (settings, configuration, glossaries, reviewed findings). */
  private generation = 0;
  /** Bumped on every change: one that came during a pass means looking again rather than waiting. */
  private ticks = 0;
  private readonly waiters = new Set<() => void>();
  /** Check All Reports asked for a workspace pass this session, whatever the setting. */
  private forced = false;

  constructor(private readonly host: WorkspaceDiagnosticsHost) {}

  /** Something changed: `all` when every report's result may differ, `files` when only files came, went or changed. */
  changed(what: 'all' | 'files'): void {
    if (what === 'all') this.generation++;
    this.ticks++;
    for (const wake of [...this.waiters]) wake();
  }

  /** Check All Reports: a workspace pass now and for the rest of the session; returns the pass's number. */
  force(): number {
    this.forced = true;
    this.changed('all');
    return this.generation;
  }

  async effectiveMode(): Promise<WorkspaceDiagnosticsMode> {
    const mode = await this.host.mode();
    return this.forced && mode !== 'off' ? 'workspace' : mode;
  }

  /**
   * Answers one `workspace/diagnostic` request: passes over the workspace until one finds something
   * new (or there was no previous answer), holding the request open between passes until a change.
   * With `partial`, results are streamed and the final answer is empty, as the protocol asks.
   */
  async pull(previous: readonly { uri: string; value: string }[], token: CancellationToken, partial?: (items: WorkspaceDocumentDiagnosticReport[]) => void): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    const collected: WorkspaceDocumentDiagnosticReport[] = [];
    const emit = (items: WorkspaceDocumentDiagnosticReport[]): void => {
      for (const item of items) if (item.kind === 'full') known.set(item.uri, item.resultId ?? '');
      if (partial) partial(items);
      else collected.push(...items);
    };
    let first = true;
    while (!token.isCancellationRequested) {
      const ticks = this.ticks;
      const found = await this.pass(known, token, emit);
      if (ticks !== this.ticks && found === 0) continue;
      // An answer with news goes back at once; otherwise wait for a change rather than answer "nothing new" every two seconds.
      if (found > 0 || (first && !partial && previous.length === 0)) break;
      first = false;
      await this.waitForChange(token);
    }
    return partial ? [] : collected;
  }

  /** One pass: returns how many files got a new (full) result. */
  private async pass(known: Map<string, string>, token: CancellationToken, emit: (items: WorkspaceDocumentDiagnosticReport[]) => void): Promise<number> {
    const mode = await this.effectiveMode();
    const generation = this.generation;
    const uris = mode === 'workspace' ? await this.host.reports() : [];
    let fresh = 0;
    let batch: WorkspaceDocumentDiagnosticReport[] = [];
    const listed = new Set(uris);
    // What an earlier answer reported and this pass no longer covers (a deleted file, a mode switched off) is cleared.
    for (const uri of known.keys()) {
      if (listed.has(uri) || this.host.isOpen(uri) || known.get(uri) === CLEARED) continue;
      batch.push({ kind: 'full', uri, version: null, resultId: CLEARED, items: [] });
      fresh++;
    }
    for (let i = 0; i < uris.length && !token.isCancellationRequested && generation === this.generation; i++) {
      const uri = uris[i]!;
      const item = this.host.isOpen(uri) ? undefined : await this.check(uri, `${generation}`, known.get(uri), token);
      if (item) {
        batch.push(item);
        if (item.kind === 'full') fresh++;
      }
      if (batch.length >= CHUNK) (emit(batch), (batch = []));
      this.host.progress(generation, i + 1, uris.length);
      // Between files the event loop runs: a hover or a keystroke waits for one small file at most.
      await yieldToEventLoop();
    }
    if (batch.length > 0) emit(batch);
    if (uris.length === 0) this.host.progress(generation, 0, 0);
    return fresh;
  }

  private async check(uri: string, generation: string, previous: string | undefined, token: CancellationToken): Promise<WorkspaceDocumentDiagnosticReport | undefined> {
    let file: string;
    try {
      file = fileURLToPath(uri);
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > WORKSPACE_DIAGNOSTICS_MAX_BYTES) return undefined;
      const resultId = `${generation}:${stat.mtimeMs}:${stat.size}`;
      if (previous === resultId) return { kind: 'unchanged', uri, version: null, resultId };
      const text = withoutBom(await fs.readFile(file, 'utf8'));
      const items = await this.host.diagnose(uri, text, token);
      if (token.isCancellationRequested) return undefined;
      return { kind: 'full', uri, version: null, resultId, items };
    } catch {
      return undefined; // deleted or unreadable since it was listed: the next pass clears it
    }
  }

  private waitForChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, MAX_HOLD_MS);
      const listener = token.onCancellationRequested(done);
      this.waiters.add(done);
    });
  }
}

/** The result id of a report cleared because a pass no longer covers it. */
const CLEARED = 'cleared';

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
