import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, getReportLanguageService, Glossary } from '../../server/src/core/languageService';
import { builtinEntries } from '../../server/src/core/terms/builtin';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { DocumentModels } from '../../server/src/documentModels';
import { monotonicDocuments } from '../../server/src/documentVersions';
import { readFixture } from '../support/paths';

const service = getReportLanguageService();
const GLOSSARY = new Glossary(builtinEntries());
const RUNS = { numRuns: 40, seed: 12 };

/**
 * The server tells the parser which prefix and suffix of the text its change events left alone
 * (documentVersions.ts → DocumentModels): a wrong window would carry work over text that changed.
 * Several changes per notification, several notifications per model, CR/LF in the inserted text.
 */
describe('edit window from change events', () => {
  const base = readFixture('corpus', 'gov-work-report-2014-zh.txt').slice(0, 6000);
  const piece = fc.constantFrom('', '的', '\n', '\r\n', '\r', '\n\n', '一、', '整改率99.4%', '共检视问题1686个', '（以下简称“整改”）');
  const change = fc.tuple(fc.nat(), fc.nat(20), piece);

  test('every model the server builds equals a full parse of its text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(change, { minLength: 1, maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 8 }), (notifications) => {
        const models = new DocumentModels(service);
        const documents = monotonicDocuments(
          () => undefined,
          (uri, start, end, length) => models.edited(uri, start, end, length),
        );
        let document = documents.create('file:///w.report', 'report', 1, base);
        models.get(document);
        let version = 1;
        for (const [changes, pull] of notifications) {
          const events: TextDocumentContentChangeEvent[] = [];
          let text = document.getText();
          for (const [at, remove, insert] of changes) {
            const start = at % (text.length + 1);
            const end = Math.min(text.length, start + remove);
            const lines = new LineIndex(text);
            events.push({ range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: insert });
            text = text.slice(0, start) + insert + text.slice(end);
          }
          document = documents.update(document, events, ++version);
          assert.equal(document.getText(), text);
          if (!pull) continue;
          const model = models.get(document);
          const full = service.parse(text);
          assert.deepEqual(model.lines.lineStarts, full.lines.lineStarts);
          assert.deepEqual(model.blocks, full.blocks);
          assert.deepEqual(model.figures, full.figures);
          const options = { locale: 'en' as const, uri: 'file:///w.report', glossary: GLOSSARY };
          assert.deepEqual(service.diagnostics(model, DEFAULT_SETTINGS, options), service.diagnostics(full, DEFAULT_SETTINGS, options));
        }
      }),
      RUNS,
    );
  });
});
