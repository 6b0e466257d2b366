import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run compiled from out/test/…). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function fixturePath(...parts: string[]): string {
  return path.join(ROOT, 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** `../shared` beside the checkout: present for developers and CI, absent on a fresh clone. */
export const SHARED = path.resolve(ROOT, '..', 'shared');

/** A file of ../shared, or undefined when this checkout has no ../shared. */
export function sharedFile(...parts: string[]): string | undefined {
  const file = path.join(SHARED, ...parts);
  return existsSync(file) ? file : undefined;
}

/**
 * The `skip` option for a test that needs ../shared: false when it is there,
 * otherwise a reason that node's test runner prints and counts as skipped.
 */
export function needsShared(file: string | undefined): false | string {
  return file ? false : `SKIPPED: needs ${path.relative(ROOT, SHARED)} (the seed report is not copied into this repository)`;
}

export const SEED = sharedFile('corpus', 'inner-mongolia-theme-education-2023-zh.txt');
