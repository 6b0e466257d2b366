import type { DocumentSymbol } from 'vscode-languageserver-types';

/** A symbol tree reduced to names, for comparing outlines in assertions. */
export interface NameTree {
  name: string;
  children: NameTree[];
}

export function names(symbols: readonly DocumentSymbol[]): NameTree[] {
  return symbols.map((symbol) => ({ name: symbol.name, children: names(symbol.children ?? []) }));
}

export function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}
