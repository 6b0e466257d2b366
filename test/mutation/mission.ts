/**
 * The mission example of design.md: "检视出6个方面1686个问题 … 完成问题整改1676个、整改率99.4%"
 * is consistent (1676 / 1686 = 99.41%) and must be flagged with any of MISSION_RATES instead.
 * Planted in the seed-like fixture (its paragraph structure, the mission's figures) and, when the
 * checkout has ../shared, in the real seed report.
 */
import type { TextMutation } from './textSites';

export const SEED_LIKE = 'test/fixtures/seed-like-zh.report';

/** The stated rates the mission example is checked with: each must be flagged. */
export const MISSION_RATES = ['99.6', '99.7', '99.0', '98.8', '97.4'] as const;

const MISSION_ANCHOR = '完成问题整改1676个、整改率99.4%';

/** The seed-like fixture carrying the mission's figures (consistent: 1676 / 1686 = 99.41%). */
export function missionBase(seedLike: string): string {
  const replaced = seedLike.replace('检视出7个方面2350个问题', '检视出6个方面1686个问题').replace('完成问题整改2331个、整改率99.2%,其余19个问题', `${MISSION_ANCHOR},其余10个问题`);
  if (!replaced.includes('检视出6个方面1686个问题') || !replaced.includes(MISSION_ANCHOR)) throw new Error('the seed-like fixture no longer has the mission paragraph');
  return replaced;
}

/** The mission example with each of MISSION_RATES, in every base (name → text); the span is the anchor's line. */
export function missionMutations(bases: ReadonlyMap<string, string>): TextMutation[] {
  const out: TextMutation[] = [];
  for (const [name, text] of bases) {
    const at = text.indexOf(MISSION_ANCHOR);
    if (at < 0) throw new Error(`${name} has no “${MISSION_ANCHOR}”`);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    for (const rate of MISSION_RATES) {
      const mutated = text.slice(0, at) + MISSION_ANCHOR.replace('99.4%', `${rate}%`) + text.slice(at + MISSION_ANCHOR.length);
      const span = { start: lineStart, end: lineEnd + (mutated.length - text.length) };
      out.push({ id: `mission-${rate} ${name}`, kind: 'rate', language: 'zh', base: name, pattern: 'mission', note: `stated ${rate}%, but 1676 / 1686 = 99.41%`, text: mutated, originalSpan: { start: lineStart, end: lineEnd }, span });
    }
  }
  return out;
}
