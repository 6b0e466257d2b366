import { terminalWidth } from '../server/src/cli/terminalWidth';
/** What the benchmark measured: headline metrics with their budgets, and details. */

export interface Budget {
  readonly op: '>=' | '<=';
  readonly limit: number;
}

export interface Metric {
  /** Key in the JSON output. */
  readonly key: string;
  /** Row label in the table. */
  readonly label: string;
  /** undefined when it could not be measured here (e.g. no /proc); shown as n/a. */
  readonly value: number | undefined;
  readonly unit: string;
  readonly budget?: Budget;
}

export class Results {
  readonly metrics: Metric[] = [];
  /** Secondary numbers (breakdowns, sizes, counts), printed below the table and included in the JSON. */
  readonly details: Record<string, number | string> = {};
  readonly notes: string[] = [];

  add(metric: Metric): void {
    this.metrics.push(metric);
  }

  detail(key: string, value: number | string): void {
    this.details[key] = value;
  }
}

export function met(metric: Metric): boolean | undefined {
  if (!metric.budget || metric.value === undefined) return undefined;
  return metric.budget.op === '>=' ? metric.value >= metric.budget.limit : metric.value <= metric.budget.limit;
}

export function format(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (Number.isInteger(value) || abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** The table: metric, value, budget, ✓/✗ (· in a smoke run, where budgets are shown but not judged). */
export function table(results: Results, smoke: boolean): string {
  const rows = results.metrics.map((metric) => {
    const ok = met(metric);
    return [
      metric.label,
      `${format(metric.value)} ${metric.unit}`,
      metric.budget ? `${metric.budget.op === '>=' ? '≥' : '≤'} ${format(metric.budget.limit)} ${metric.unit}` : '',
      ok === undefined ? '' : smoke ? '·' : ok ? '✓' : '✗',
    ];
  });
  const header = ['metric', 'value', 'budget', smoke ? '' : 'ok'];
  const widths = header.map((h, column) => Math.max(terminalWidth(h), ...rows.map((row) => terminalWidth(row[column]!))));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 1 || column === 2 ? padStart(cell, widths[column]!) : padEnd(cell, widths[column]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function summary(results: Results): { met: number; missed: string[]; judged: number } {
  const judged = results.metrics.filter((metric) => met(metric) !== undefined);
  const missed = judged.filter((metric) => met(metric) === false).map((metric) => metric.label);
  return { met: judged.length - missed.length, missed, judged: judged.length };
}

/** All numbers as JSON; in a smoke run `met` is null (budgets are for full-size inputs, not judged there). */
export function json(results: Results, extra: Record<string, unknown>, smoke: boolean): string {
  const metrics: Record<string, unknown> = {};
  for (const metric of results.metrics) {
    metrics[metric.key] = {
      label: metric.label,
      value: metric.value ?? null,
      unit: metric.unit,
      ...(metric.budget ? { budget: { op: metric.budget.op, limit: metric.budget.limit }, met: smoke ? null : (met(metric) ?? null) } : {}),
    };
  }
  return JSON.stringify({ ...extra, metrics, details: results.details, notes: results.notes }, null, 2);
}


function padEnd(text: string, w: number): string {
  return text + ' '.repeat(Math.max(0, w - terminalWidth(text)));
}

function padStart(text: string, w: number): string {
  return ' '.repeat(Math.max(0, w - terminalWidth(text))) + text;
}
