import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getReportLanguageService, type ReportDocument } from './core/languageService';
import { formatBytes, messages, toLocale, type Locale } from './core/l10n/messages';
import { DocumentModels } from './documentModels';
import { runSafe, type Logger } from './runSafe';
import { SettingsStore } from './settingsStore';
import { WorkspaceReports } from './workspaceReports';

/** Wires the language service to a connection: capabilities and handlers, nothing else. */
export function startServer(connection: Connection): void {
  const service = getReportLanguageService();
  const documents = new TextDocuments(TextDocument);
  const models = new DocumentModels(service);
  const workspace = new WorkspaceReports(service);
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  let locale: Locale = 'en';
  let canPullConfiguration = false;
  let canRegisterConfigurationChange = false;
  let foldingLimit = Number.MAX_SAFE_INTEGER;
  const settings = new SettingsStore(connection, () => canPullConfiguration);
  const toldTooLarge = new Set<string>();

  /** The model of an open document, or undefined when it is unknown or too large to analyse. */
  const modelOf = async (uri: string): Promise<ReportDocument | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const { maxFileSize } = await settings.get(uri);
    if (exceeds(document.getText(), maxFileSize)) {
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
    foldingLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit ?? foldingLimit;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Report Lens' },
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'report-lens-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'reportLens' });
    if (canPullConfiguration) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => workspace.setFolders(folders?.map((f) => f.uri) ?? []));
      });
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    toldTooLarge.clear();
  });
  connection.onNotification(DidChangeWatchedFilesNotification.type, () => workspace.invalidate());

  documents.onDidClose((event) => {
    models.forget(event.document.uri);
    settings.forget(event.document.uri);
    toldTooLarge.delete(event.document.uri);
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
      return model ? service.hover(model, params.position, { locale }, token) : null;
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

declare const __SERVER_VERSION__: string | undefined;
const SERVER_VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : '0.0.0-dev';

/** Whether `text` takes more than `limit` bytes in UTF-8, without encoding it when the answer is obvious. */
export function exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit takes at least one byte
  if (text.length * 3 <= limit) return false; // and at most three
  return Buffer.byteLength(text, 'utf8') > limit;
}
