import { readFileSync } from 'node:fs';

/** The committed floor of the gold-set recall (test/eval/floor.json), and the goal. */
export interface EvalFloors {
  readonly goldRecall: number;
  readonly goal: number;
  readonly note: string;
}

export function readEvalFloors(): EvalFloors {
  return JSON.parse(readFileSync('test/eval/floor.json', 'utf8')) as EvalFloors;
}
