import { isQuantity, type Figure } from '../figures/figure';
import type { ReportDocument } from '../model';
import { figuresIn } from '../parser/parse';
import { documentTables, type Table, type TableCell, type TableRow } from '../tables/readTables';
import { isExact, sameUnit } from './context';
import { sumRelation } from './partsAndSums';
import { rateRelation } from './rates';
import { subsetShares } from './shareSums';
import type { RateRelation, ShareSumRelation, SumRelation } from './types';

/** A row or column that totals the others: 合计, 总计, 小计, Total. */
const TOTAL = /^(?:合计|总计|共计|总数|总额|小计|total\b|all\b|sum\b)/i;
const SUBTOTAL = /^(?:小计|subtotal\b)/i;
/** A row that is part of the row above it (其中, of which): the rows no longer sum to the total. */
const SUBSET = /^(?:其中|内[：:]|of which|including|among them|[（(])/i;
/** Columns whose values never add up: rates, changes, averages, indices. */
const NOT_ADDITIVE = /增长|增速|增幅|同比|环比|比上年|比重|占比|构成|份额|率|平均|均价|指数|%|％|percent|rate|change|growth|share|average|index|per\b/i;
/** A column of shares of one whole. */
const SHARE_COLUMN = /比重|占比|构成|份额|share|% of total|percent of total/i;

export interface TableFindings {
  readonly sums: SumRelation[];
  readonly shareSums: ShareSumRelation[];
  readonly rates: RateRelation[];
}

/**
 * The arithmetic a table states: a 合计/Total row against the rows it totals, a 合计 column
 * against the columns it totals, a column of shares against 100 and against the amounts beside
 * it. A table whose hierarchy is unclear (其中 rows) or whose cells are not one number each is
 * not read: which rows add up cannot then be told.
 */
export function findTableRelations(doc: ReportDocument): TableFindings {
  const found: TableFindings = { sums: [], shareSums: [], rates: [] };
  for (const table of documentTables(doc)) {
    const value = cellReader(figuresIn(doc, table.span.start, table.span.end));
    totalRows(table, value, found);
    totalColumns(table, value, found);
    shareColumns(table, value, found);
  }
  return found;
}

/** The one quantity a cell states, or undefined (empty, a dash, words, two numbers). */
function cellReader(figures: readonly Figure[]): (cell: TableCell | undefined) => Figure | undefined {
  return (cell) => {
    if (!cell) return undefined;
    const inside = figures.filter((f) => f.span.start >= cell.span.start && f.span.end <= cell.span.end);
    if (inside.length !== 1 || !isQuantity(inside[0]!) || !isExact(inside[0]!) || inside[0]!.signed) return undefined;
    const f = inside[0]!;
    // The cell is the number (a unit or % after it at most), not a phrase that holds one.
    return f.span.start - cell.span.start <= 1 && cell.span.end - f.span.end <= 2 ? f : undefined;
  };
}

const label = (row: TableRow): string => row.cells[0]?.text ?? '';
const header = (table: Table, column: number): string => table.header?.cells[column]?.text ?? '';

function totalRows(table: Table, value: (cell: TableCell | undefined) => Figure | undefined, found: TableFindings): void {
  const rows = table.rows;
  const hasSubtotals = rows.some((row) => SUBTOTAL.test(label(row)));
  rows.forEach((row, r) => {
    if (!TOTAL.test(label(row))) return;
    const parts = partRows(rows, r, hasSubtotals && !SUBTOTAL.test(label(row)));
    if (!parts || parts.length < 2) return;
    for (let column = 1; column < row.cells.length; column++) {
      if (NOT_ADDITIVE.test(header(table, column)) && !SHARE_COLUMN.test(header(table, column))) continue;
      const total = value(row.cells[column]);
      const cells = parts.map((part) => value(part.cells[column]));
      if (!total || cells.some((cell) => !cell || !sameUnit(cell, total))) continue;
      found.sums.push(sumRelation(total, cells as Figure[], true));
    }
  });
}

/**
 * The rows a total row at `r` totals: the rows above it since the header or the previous total,
 * or — for a total written first — the rows below it up to the next total. A 合计 in a table of
 * 小计 totals the 小计 rows. A row of 其中 makes the extent unsure: none.
 */
function partRows(rows: readonly TableRow[], r: number, ofSubtotals: boolean): TableRow[] | undefined {
  if (ofSubtotals) return rows.filter((row, k) => k !== r && SUBTOTAL.test(label(row)));
  let parts: TableRow[] = [];
  for (let k = r - 1; k >= 0 && !TOTAL.test(label(rows[k]!)); k--) parts.unshift(rows[k]!);
  if (parts.length === 0) for (let k = r + 1; k < rows.length && !TOTAL.test(label(rows[k]!)); k++) parts.push(rows[k]!);
  return parts.some((row) => SUBSET.test(label(row))) ? undefined : parts;
}

function totalColumns(table: Table, value: (cell: TableCell | undefined) => Figure | undefined, found: TableFindings): void {
  if (!table.header) return;
  const width = table.header.cells.length;
  for (let column = 1; column < width; column++) {
    if (!TOTAL.test(header(table, column))) continue;
    const others = Array.from({ length: width }, (_, k) => k).filter((k) => k !== 0 && k !== column && !TOTAL.test(header(table, k)) && !NOT_ADDITIVE.test(header(table, k)));
    if (others.length < 2) continue;
    for (const row of table.rows) {
      const total = value(row.cells[column]);
      const cells = others.map((k) => value(row.cells[k]));
      if (!total || cells.some((cell) => !cell || !sameUnit(cell, total))) continue;
      found.sums.push(sumRelation(total, cells as Figure[], true));
    }
  }
}

/**
 * A column of shares (比重, 占比, share): without a total row the rows may be some of the whole,
 * so their shares may fall short of 100 but never exceed it. Beside a column of amounts with a
 * total row, each share is its amount over the total.
 */
function shareColumns(table: Table, value: (cell: TableCell | undefined) => Figure | undefined, found: TableFindings): void {
  if (!table.header) return;
  const width = table.header.cells.length;
  const totalRow = table.rows.findIndex((row) => TOTAL.test(label(row)) && !SUBTOTAL.test(label(row)));
  for (let column = 1; column < width; column++) {
    if (!SHARE_COLUMN.test(header(table, column))) continue;
    const dataRows = table.rows.filter((row, k) => k !== totalRow && !TOTAL.test(label(row)) && !SUBSET.test(label(row)));
    const shares = dataRows.map((row) => value(row.cells[column]));
    if (shares.length >= 2 && shares.every((s): s is Figure => s !== undefined && (s.kind === 'percent' || s.kind === 'plain')) && totalRow < 0) {
      const relation = subsetShares(shares);
      if (relation) found.shareSums.push(relation);
    }
    // The amounts: the nearest additive column to the left of the shares, with its total.
    const amountColumn = nearestAmountColumn(table, column);
    if (amountColumn === undefined || totalRow < 0) continue;
    const whole = value(table.rows[totalRow]!.cells[amountColumn]);
    if (!whole) continue;
    for (const row of dataRows) {
      const share = value(row.cells[column]);
      const amount = value(row.cells[amountColumn]);
      if (!share || !amount || !sameUnit(amount, whole)) continue;
      const relation = rateRelation(share, amount, whole, header(table, column));
      if (relation) found.rates.push(relation);
    }
  }
}

function nearestAmountColumn(table: Table, column: number): number | undefined {
  for (let k = column - 1; k >= 1; k--) if (!NOT_ADDITIVE.test(header(table, k)) && !TOTAL.test(header(table, k))) return k;
  return undefined;
}
