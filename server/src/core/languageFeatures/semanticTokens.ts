import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { CancellationToken } from '../cancellation';
import { isQuantity, type Figure } from '../figures/figure';
import type { ReportDocument } from '../model';
import { figuresIn } from '../parser/parse';

/**
 * Figures coloured by the same reading that hovers and checks use: only quantities get a
 * token, so a year (2016政府工作报告), a date or an ordinal is never coloured like a figure,
 * and a figure is coloured whole (4万多亿元, not 4万). Modifiers tell the kinds apart for
 * themes that want to.
 */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['number'],
  tokenModifiers: ['percentage', 'money', 'approximate', 'change'],
};

const PERCENTAGE = 1;
const MONEY = 2;
const APPROXIMATE = 4;
const CHANGE = 8;

function modifiersOf(figure: Figure): number {
  let modifiers = 0;
  if (figure.kind === 'percent' || figure.kind === 'percentage-point') modifiers |= PERCENTAGE;
  if (figure.kind === 'money') modifiers |= MONEY;
  if (figure.qualifier !== undefined) modifiers |= APPROXIMATE;
  if (figure.signed) modifiers |= CHANGE;
  return modifiers;
}

/** The LSP semantic tokens of the quantities in `range` (the whole document when absent), relative-encoded. */
export function semanticTokens(doc: ReportDocument, range?: Range, token?: CancellationToken): SemanticTokens {
  const data: number[] = [];
  const from = range ? doc.lines.offsetAt(range.start) : 0;
  const to = range ? doc.lines.offsetAt(range.end) : doc.text.length;
  let lastLine = 0;
  let lastCharacter = 0;
  // A visible range costs what it shows: only its blocks' figures are placed.
  const figures = range ? figuresIn(doc, from, to) : doc.figures;
  for (let k = 0; k < figures.length; k++) {
    const figure = figures[k]!;
    if (figure.span.start >= to || token?.isCancellationRequested) break;
    if (!isQuantity(figure)) continue;
    const modifiers = modifiersOf(figure);
    // A token may not span lines: a figure wrapped onto the next line (0.3\npercent) is one token per line.
    let start = figure.span.start;
    while (start < figure.span.end) {
      const position = doc.lines.positionAt(start);
      const lineEnd = Math.min(figure.span.end, doc.lines.offsetAt({ line: position.line + 1, character: 0 }));
      let end = lineEnd;
      while (end > start && /[\r\n]/.test(doc.text[end - 1]!)) end--;
      if (end > start) {
        data.push(position.line - lastLine, position.line === lastLine ? position.character - lastCharacter : position.character, end - start, 0, modifiers);
        lastLine = position.line;
        lastCharacter = position.character;
      }
      if (lineEnd <= start) break;
      start = lineEnd;
    }
  }
  return { data };
}
