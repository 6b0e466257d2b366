import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Disposable,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { monotonicDocuments } from './documentVersions';
import { formatOf, getReportLanguageService, SEMANTIC_TOKENS_LEGEND, type ReportDocument } from './core/languageService';
import { formatBytes, messages, toLocale, type Locale } from './core/l10n/messages';
import { DocumentModels, exceeds } from './documentModels';
import { runSafe, type Logger } from './runSafe';
import { SettingsStore } from './settingsStore';
import { CHECK_ALL_REPORTS_METHOD, DOCUMENT_STATS_METHOD, WORKSPACE_PROGRESS_METHOD, type CheckAllReportsResult, type DocumentStats, type DocumentStatsParams, type WorkspaceProgress } from './customProtocol';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { GlossaryStore } from './glossaryStore';
import { WorkspaceReports } from './workspaceReports';
import { PROJECT_WATCH_GLOBS, ProjectStore } from './projectStore';

/** Wires the language service to a connection: capabilities and handlers, nothing else. */
export function startServer(connection: Connection): void {
  const service = getReportLanguageService();
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  const models = new DocumentModels(service);
  const documents = new TextDocuments(
    monotonicDocuments(
      (uri, version, current) => logger.info(`Ignored a change to ${uri} with version ${version}, lower than its current version ${current}.`),
      (uri, start, end, length) => models.edited(uri, start, end, length),
    ),
  );
  // The index reads a folder's `reports` globs only when it scans, after initialize: `projects` exists by then.
  const workspace = new WorkspaceReports(service, undefined, (folder) => projects.projectOf(pathToFileURL(folder).href)?.config.reports);
  let locale: Locale = 'en';
  let canPullConfiguration = false;
  let canRegisterConfigurationChange = false;
  let canWatchFiles = false;
  let hasWorkspaceFolders = false;
  /** The file watcher registered with the client for the configured glossary glob, and that glob. */
  let glossaryWatch: { glob: string; registration: Promise<Disposable | undefined> } | undefined;
  let foldingLimit = Number.MAX_SAFE_INTEGER;
  let pullDiagnostics = false;
  let diagnosticsRefresh = false;
  let inlayHintRefresh = false;
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let firstFolder: string | undefined;
  /** Configuration files with problems published, so that a fixed one gets its diagnostic cleared. */
  const configProblemFiles = new Set<string>();
  const toldProjectProblems = new Set<string>();
  const watchedProjectGlobs = new Set<string>();
  const projects = new ProjectStore({
    config: (file, problems) => {
      const uri = pathToFileURL(file).href;
      configProblemFiles.add(uri);
      const text = messages(locale).badConfig(file, problems.join('; '));
      void connection.sendDiagnostics({ uri, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, code: 'config-problem', source: 'report-lens', message: text }] });
      tellOnce(`config:${file}:${text}`, text);
    },
    reviewed: (file, problem) => tellOnce(`reviewed:${file}:${problem}`, messages(locale).badReviewed(file, problem)),
    watch: (glob) => {
      if (!canWatchFiles || watchedProjectGlobs.has(glob)) return;
      watchedProjectGlobs.add(glob);
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: glob }] }).catch(() => undefined);
    },
  });
  /** What is wrong with a project file is told once (log and a window message), not at every request. */
  const tellOnce = (key: string, text: string): void => {
    if (toldProjectProblems.has(key)) return;
    toldProjectProblems.add(key);
    logger.error(text);
    void connection.window.showWarningMessage(text);
  };
  const settings = new SettingsStore(connection, () => canPullConfiguration, (uri) => projects.settingsOf(uri));
  const toldTooLarge = new Set<string>();
  /** Glossary files that currently have problems published, so fixed ones get their diagnostics cleared. */
  const glossaryProblemFiles = new Set<string>();
  const glossaries = new GlossaryStore((reports) => {
    for (const report of reports) {
      if (report.problems.length === 0 && !glossaryProblemFiles.has(report.uri)) continue;
      if (report.problems.length === 0) glossaryProblemFiles.delete(report.uri);
      else glossaryProblemFiles.add(report.uri);
      void connection.sendDiagnostics({
        uri: report.uri,
        diagnostics: report.problems.map((problem) => ({
          range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: Number.MAX_SAFE_INTEGER } },
          severity: 1,
          code: 'glossary-syntax',
          source: 'report-lens',
          message: problem.message,
        })),
      });
    }
  }, (line) => logger.info(line));

  /** The model of an open document, or undefined when it is unknown or too large to analyse. */
  const modelOf = async (uri: string): Promise<ReportDocument | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const { maxFileSize } = await settings.get(uri);
    if (models.tooLarge(document, maxFileSize)) {
      tellTooLarge(document, maxFileSize);
      return undefined;
    }
    return models.get(document);
  };

  const tellTooLarge = (document: TextDocument, limit: number): void => {
    if (toldTooLarge.has(document.uri)) return;
    toldTooLarge.add(document.uri);
    const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
    const text = messages(locale).tooLarge(decodeURIComponent(name), formatBytes(Buffer.byteLength(document.getText())), formatBytes(limit));
    logger.info(text);
    void connection.window.showWarningMessage(text);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = params.initializationOptions as { locale?: unknown } | undefined;
    locale = toLocale(typeof options?.locale === 'string' ? options.locale : params.locale);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    hasWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    foldingLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit ?? foldingLimit;
    // LSP 3.17 pull diagnostics when the client has them; otherwise the server pushes after each change.
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    diagnosticsRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    glossaries.setFolders(folders);
    projects.setFolders(folders);
    firstFolder = folders[0];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Report Lens' },
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['“', '「', '『', '"'] },
        inlayHintProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'report-lens', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'report-lens-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    // What a bug report needs to say about the server: which one, which process, where settings come from.
    logger.info(`Report Lens language server ${SERVER_VERSION} started: pid ${process.pid}, Node ${process.version}, locale ${locale}, diagnostics ${pullDiagnostics ? 'pulled by the client' : 'pushed'}`);
    logger.info(
      canPullConfiguration
        ? `settings: from the client's reportLens.* configuration, per document (workspace/configuration)${canRegisterConfigurationChange ? ', re-read on change' : ''}, over the nearest report-lens.json`
        : 'settings: the nearest report-lens.json, else defaults (the client does not offer workspace/configuration)',
    );
    void syncGlossaryGlob();
    // Configuration and reviewed files: a change re-reads them and re-checks every open report.
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: PROJECT_WATCH_GLOBS.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    if (canRegisterConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'reportLens' });
    // Folders come and go only with a client that has workspace folders (announced with changeNotifications above).
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => {
          const uris = folders?.map((f) => f.uri) ?? [];
          workspace.setFolders(uris);
          glossaries.setFolders(uris);
          projects.setFolders(uris);
          settings.clear();
          firstFolder = uris[0];
        });
      });
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    toldTooLarge.clear();
    workspaceDiagnostics.changed('all');
    // Severities, hints and the glossary glob may have changed: ask the client to pull again, or push anew.
    void syncGlossaryGlob().then(refreshClients);
  });

  /**
   * The glossary glob is a workspace-wide setting: read it with the first folder's scope. The client
   * is asked to watch exactly that glob, so that a team's own pattern reloads on change too.
   */
  const syncGlossaryGlob = async (): Promise<void> => {
    const configured = (await settings.get(firstFolder ?? documents.all()[0]?.uri ?? '')).glossary.files;
    const problem = glossaries.setGlob(configured);
    if (problem) tellBadGlob(configured, problem);
    const glob = glossaries.activeGlob;
    if (!canWatchFiles || glossaryWatch?.glob === glob) return;
    const previous = glossaryWatch;
    // A client that refuses the registration just means no reloads on change: log it, never reject.
    const registration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: glob }] }).catch((error: unknown) => {
      logger.error(`Could not watch glossary files ${glob}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    glossaryWatch = { glob, registration };
    void previous?.registration.then((old) => old?.dispose());
  };

  /** A malformed glossary glob is told once per glob (log and a window message), not on every reload. */
  const toldBadGlobs = new Set<string>();
  const tellBadGlob = (glob: string, problem: string): void => {
    if (toldBadGlobs.has(glob)) return;
    toldBadGlobs.add(glob);
    const text = messages(locale).badGlossaryGlob(glob, problem, glossaries.activeGlob);
    logger.error(text);
    void connection.window.showWarningMessage(text);
  };

  const diagnosticsOf = async (uri: string, token?: CancellationToken): Promise<Diagnostic[]> => {
    const model = await modelOf(uri);
    if (!model) return [];
    const reviewed = projects.reviewedSet(uri);
    const resolved = await settings.get(uri);
    if (resolved.workspaceDiagnostics === 'off') return [];
    return service.diagnostics(model, resolved, { locale, uri, glossary: await glossaries.get(), ...(reviewed ? { reviewed } : {}) }, token);
  };

  /** Workspace diagnostics: the reports on disk, checked as the document pull checks an open one. */
  let lastProgress = 0;
  const workspaceDiagnostics = new WorkspaceDiagnostics({
    mode: async () => (await settings.get(firstFolder ?? '')).workspaceDiagnostics,
    reports: () => workspace.files(),
    isOpen: (uri) => documents.get(uri) !== undefined,
    diagnose: async (uri, text, token) => {
      const resolved = await settings.get(uri);
      if (resolved.workspaceDiagnostics === 'off' || exceeds(text, resolved.maxFileSize)) return [];
      const reviewed = projects.reviewedSet(uri);
      // A closed file has no language id: its name says whether it is Markdown, as when it is opened.
      return service.diagnostics(service.parse(text, undefined, undefined, formatOf(undefined, uri)), resolved, { locale, uri, glossary: await glossaries.get(), once: true, ...(reviewed ? { reviewed } : {}) }, token);
    },
    progress: (pass, done, total) => {
      // A notification per file would flood the client: a few per second, and the last one.
      const now = Date.now();
      if (done < total && now - lastProgress < 200) return;
      lastProgress = now;
      void connection.sendNotification(WORKSPACE_PROGRESS_METHOD, { pass, done, total } satisfies WorkspaceProgress);
    },
  });

  /** Push mode: debounced per document, so a burst of keystrokes costs one analysis. */
  const schedulePush = (uri: string, delay = PUSH_DELAY_MS): void => {
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        const version = documents.get(uri)?.version;
        void runSafe(logger, 'publishDiagnostics', [], undefined, () => diagnosticsOf(uri)).then((items) => {
          if (Array.isArray(items) && documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics: items });
        });
      }, delay),
    );
  };
  documents.onDidChangeContent((event) => {
    if (!pullDiagnostics) schedulePush(event.document.uri);
  });
  connection.onNotification(DidChangeWatchedFilesNotification.type, (params) => {
    workspace.invalidate();
    const everything = params.changes.some((change) => projects.isProjectFile(change.uri) || glossaries.isGlossaryFile(change.uri));
    workspaceDiagnostics.changed(everything ? 'all' : 'files');
    if (params.changes.some((change) => projects.isProjectFile(change.uri))) {
      projects.invalidate();
      settings.clear();
      toldTooLarge.clear();
      // A fixed configuration loses its diagnostic; one still wrong gets it again when read.
      for (const uri of configProblemFiles) void connection.sendDiagnostics({ uri, diagnostics: [] });
      configProblemFiles.clear();
      toldProjectProblems.clear();
      void syncGlossaryGlob().then(refreshClients);
    }
    if (params.changes.some((change) => glossaries.isGlossaryFile(change.uri))) {
      glossaries.invalidate();
      void glossaries.get().then(refreshClients);
    }
  });

  /** Definitions changed: hover follows by itself; diagnostics and hints are asked for again. */
  const refreshClients = (): void => {
    if (pullDiagnostics && diagnosticsRefresh) void connection.languages.diagnostics.refresh();
    if (!pullDiagnostics) for (const document of documents.all()) schedulePush(document.uri, 0);
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh();
  };

  // A document opened anew (even under a uri already open) is parsed from scratch: its text is unrelated to the cached model's.
  documents.onDidOpen((event) => models.forget(event.document.uri));

  documents.onDidClose((event) => {
    clearTimeout(pushTimers.get(event.document.uri));
    pushTimers.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    models.forget(event.document.uri);
    settings.forget(event.document.uri);
    toldTooLarge.delete(event.document.uri);
    // A closed report is the workspace pass's again (its disk text may differ from what was shown).
    workspaceDiagnostics.changed('files');
  });

  connection.onDocumentSymbol((params, token) =>
    runSafe(logger, 'documentSymbol', [], token, async () => {
      const model = await modelOf(params.textDocument.uri);
      return model ? service.documentSymbols(model, token) : [];
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(logger, 'foldingRange', [], token, async () => {
      const model = await modelOf(params.textDocument.uri);
      return model ? service.foldingRanges(model, token, foldingLimit) : [];
    }),
  );

  connection.onHover((params, token) =>
    runSafe(logger, 'hover', null, token, async () => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      const uri = params.textDocument.uri;
      const reviewed = projects.reviewedSet(uri);
      const found = reviewed && reviewed.size > 0 ? service.reviewedFindings(model, await settings.get(uri), { locale, uri, reviewed }) : [];
      return service.hover(model, params.position, { locale, glossary: await glossaries.get(), uri, reviewed: found }, token);
    }),
  );

  connection.languages.diagnostics.on(async (params, token) => {
    const items = await runSafe(logger, 'textDocument/diagnostic', [], token, () => diagnosticsOf(params.textDocument.uri, token));
    if (!Array.isArray(items)) throw items; // cancelled: answer with the cancellation error
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.languages.diagnostics.onWorkspace(async (params, token, _workDone, resultProgress) => {
    const items = await runSafe(logger, 'workspace/diagnostic', [], token, () =>
      workspaceDiagnostics.pull(params.previousResultIds, token, resultProgress ? (chunk) => resultProgress.report({ items: chunk }) : undefined),
    );
    return { items: Array.isArray(items) ? items : [] };
  });

  connection.onRequest(CHECK_ALL_REPORTS_METHOD, async (): Promise<CheckAllReportsResult> => {
    const mode = (await settings.get(firstFolder ?? '')).workspaceDiagnostics;
    if (mode === 'off' || !pullDiagnostics) return { total: 0, started: false, pass: 0 };
    const pass = workspaceDiagnostics.force();
    return { total: (await workspace.files()).length, started: true, pass };
  });

  connection.onCodeAction((params, token) =>
    runSafe(logger, 'codeAction', [], token, async () => {
      const glossaryTargets = params.context.diagnostics.some((d) => d.code === 'undefined-term') ? await glossaries.targets() : [];
      const ours = params.context.diagnostics.some((d) => d.source === 'report-lens');
      const reviewed = ours ? projects.reviewedTarget(params.textDocument.uri) : undefined;
      return service.codeActions(params.textDocument.uri, params.range, params.context.diagnostics, { locale, glossaryTargets, ...(reviewed ? { reviewed } : {}) });
    }),
  );

  const termOptions = async (uri: string) => ({ glossary: await glossaries.get(), uri, locale });

  connection.onDefinition((params, token) =>
    runSafe(logger, 'definition', [], token, async () => {
      const model = await modelOf(params.textDocument.uri);
      return model ? service.definition(model, params.position, await termOptions(params.textDocument.uri)) : [];
    }),
  );

  connection.onReferences((params, token) =>
    runSafe(logger, 'references', [], token, async () => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return [];
      const others = [];
      for (const document of documents.all()) {
        if (document.uri === params.textDocument.uri) continue;
        const other = await modelOf(document.uri);
        if (other) others.push({ uri: document.uri, doc: other });
      }
      return service.references(model, params.position, await termOptions(params.textDocument.uri), others);
    }),
  );

  connection.onCompletion((params, token) =>
    runSafe(logger, 'completion', [], token, async () => {
      const model = await modelOf(params.textDocument.uri);
      return model ? service.completion(model, params.position, await termOptions(params.textDocument.uri)) : [];
    }),
  );

  connection.languages.semanticTokens.on((params, token) =>
    runSafe(logger, 'semanticTokens', { data: [] }, token, async () => {
      const model = await modelOf(params.textDocument.uri);
      return model ? service.semanticTokens(model, undefined, token) : { data: [] };
    }),
  );

  connection.languages.semanticTokens.onRange((params, token) =>
    runSafe(logger, 'semanticTokens/range', { data: [] }, token, async () => {
      const model = await modelOf(params.textDocument.uri);
      return model ? service.semanticTokens(model, params.range, token) : { data: [] };
    }),
  );

  connection.languages.inlayHint.on((params, token) =>
    runSafe(logger, 'inlayHint', [], token, async () => {
      const model = await modelOf(params.textDocument.uri);
      return model ? service.inlayHints(model, params.range, await settings.get(params.textDocument.uri), token) : [];
    }),
  );

  connection.onRequest(DOCUMENT_STATS_METHOD, (params: DocumentStatsParams, token) =>
    runSafe<DocumentStats>(logger, DOCUMENT_STATS_METHOD, { figures: 0, mismatches: 0, headings: 0, skipped: false }, token, async () => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      const model = await modelOf(uri);
      if (!model) return { figures: 0, mismatches: 0, headings: 0, skipped: document !== undefined };
      const resolved = await settings.get(uri);
      // With diagnostics off the status bar agrees with the empty Problems view.
      const counts = resolved.workspaceDiagnostics === 'off' ? { figures: 0, headings: 0 } : service.mismatchCount(model, resolved, projects.reviewedSet(uri));
      return { figures: service.quantityCount(model), mismatches: counts.figures, headings: counts.headings, skipped: false };
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    runSafe(logger, 'workspace/symbol', [], token, async () => {
      const open = [];
      for (const document of documents.all()) {
        const model = await modelOf(document.uri);
        if (model) open.push({ uri: document.uri, doc: model });
      }
      const onDisk = await workspace.reports(new Set(documents.keys()));
      return service.workspaceSymbols([...open, ...onDisk], params.query, token);
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** Push mode waits this long after the last change before analysing. */
const PUSH_DELAY_MS = 150;

declare const __SERVER_VERSION__: string | undefined;
const SERVER_VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : '0.0.0-dev';
