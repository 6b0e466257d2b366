/**
 * Heading sites: numbered heading lines (一、 （一） 1. （1） 1.1 `## 4.`) whose previous line of the
 * same numbering style carries the number before theirs. The planted slip renumbers the line so
 * that the run skips. Surface patterns only; the parser under test is not consulted.
 */
import { chineseInteger, readChinese } from './numerals';
import type { ReportText, Site } from './siteKit';

interface Style {
  readonly id: string;
  /** Group 1: what comes before the number (kept); group 2: the number; the rest of the marker follows. */
  readonly re: RegExp;
}

const STYLES: readonly Style[] = [
  { id: 'cn-list', re: /^([\s\u3000]*)([一二三四五六七八九十]+)、/ },
  { id: 'cn-paren', re: /^([\s\u3000]*[（(])([一二三四五六七八九十]+)[）)]/ },
  { id: 'paren-decimal', re: /^([\s\u3000]*[（(])([0-9０-９]+)[）)]/ },
  { id: 'markdown', re: /^(#{1,6}\s+)([0-9]+)\.(?![0-9])/ },
  { id: 'sub-decimal', re: /^([\s\u3000]*[0-9]+\.)([0-9]+)\s/ },
  { id: 'decimal', re: /^([\s\u3000]*)([0-9０-９]+)[.．、](?![0-9０-９])/ },
];

function valueOf(digits: string): number | undefined {
  if (/^[0-9０-９]+$/.test(digits)) return Number(digits.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return readChinese(digits)?.value;
}

function write(like: string, value: number): string {
  if (/^[0-9]+$/.test(like)) return String(value);
  if (/^[０-９]+$/.test(like)) return String(value).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return chineseInteger(value);
}

export function headingSites(doc: ReportText): Site[] {
  const out: Site[] = [];
  const last = new Map<string, number>();
  let offset = 0;
  for (const line of doc.text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    for (const style of STYLES) {
      const m = style.re.exec(line);
      if (!m) continue;
      // Sub-decimal headings (1.1, 1.2) form a run under their parent number.
      const key = style.id === 'sub-decimal' ? `${style.id}:${m[1]!.trim()}` : style.id;
      const value = valueOf(m[2]!);
      if (value === undefined) break;
      const previous = last.get(key);
      last.set(key, value);
      if (previous !== value - 1 || value < 2) break;
      const digits = m[2]!;
      const start = lineStart + m[1]!.length;
      out.push({
        kind: 'heading',
        pattern: `heading-${style.id}`,
        span: { start: lineStart, end: lineStart + line.length },
        plant(rng) {
          const text = write(digits, value + rng.int(1, 2));
          return { edits: [{ start, end: start + digits.length, text }], note: `${digits} → ${text} after ${write(digits, value - 1)}` };
        },
      });
      break;
    }
  }
  return out;
}
