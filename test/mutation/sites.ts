/**
 * Edit mutations: consistent relations that really stand in the seed-like fixture and in the
 * examples, each made inconsistent by changing one figure (or one list item) — by more than the
 * figures' precision allows.
 */
import type { CheckCode } from '../../server/src/core/settings';
import { apart, en, written, wrongValue, zh, type Interval, type Rng } from './random';

export interface EditSite {
  readonly id: string;
  readonly base: string;
  readonly kind: CheckCode;
  /** Text that occurs exactly once in the base; it is replaced by make()'s replacement. */
  readonly anchor: string;
  /** How many different mutations to make of it. */
  readonly count: number;
  make(rng: Rng): { replacement: string; note: string };
}

const SEED_LIKE = 'test/fixtures/seed-like-zh.report';
const WORK = 'examples/work-report-zh.report';
const NEWS = 'examples/news-summary-zh.report';
const RELEASE = 'examples/statistical-release-en.report';

/** The interval of part / whole × 100 when both are written as integers. */
function ratio(part: number, whole: number): Interval {
  return [((part - 0.5) / (whole + 0.5)) * 100, ((part + 0.5) / (whole - 0.5)) * 100];
}

/** A site whose stated rate (`{R}` in the anchor, 1 decimal) becomes wrong for part / whole. */
function rate(id: string, base: string, anchor: string, stated: string, part: number, whole: number, count: number, format = (v: number) => v.toFixed(1)): EditSite {
  return {
    id,
    base,
    kind: 'rate-mismatch',
    anchor,
    count,
    make(rng) {
      const truth = (part / whole) * 100;
      const value = wrongValue(rng, ratio(part, whole), truth, 1, [0.1, 100]);
      return { replacement: anchor.replace(stated, format(value)), note: `stated ${format(value)}%, but ${part} / ${whole} = ${truth.toFixed(2)}%` };
    },
  };
}

/** A site where a written number is replaced by one the rest of the relation contradicts. */
function replace(id: string, base: string, kind: CheckCode, anchor: string, count: number, choose: (rng: Rng) => { from: string; to: string; note: string }): EditSite {
  return {
    id,
    base,
    kind,
    anchor,
    count,
    make(rng) {
      const { from, to, note } = choose(rng);
      if (!anchor.includes(from)) throw new Error(`${id}: “${from}” is not in the anchor`);
      return { replacement: anchor.replace(from, to), note };
    },
  };
}

/** A site with a fixed list of alternative texts (list items dropped or added, a count word changed). */
function variants(id: string, base: string, kind: CheckCode, anchor: string, alternatives: readonly { text: string; note: string }[]): EditSite {
  let next = 0;
  return {
    id,
    base,
    kind,
    anchor,
    count: alternatives.length,
    make() {
      const v = alternatives[next++ % alternatives.length]!;
      return { replacement: v.text, note: v.note };
    },
  };
}

/** An integer larger than `whole` by 2% to 30% (and by at least 3). */
function above(rng: Rng, whole: number): number {
  return whole + Math.max(3, Math.round(whole * rng.uniform(0.02, 0.3)));
}

export const EDIT_SITES: readonly EditSite[] = [
  // -------------------------------------------------------------------------- seed-like fixture
  rate('seed-like-rate', SEED_LIKE, '完成问题整改2331个、整改率99.2%', '99.2', 2331, 2350, 4),
  replace('seed-like-rate-total', SEED_LIKE, 'rate-mismatch', '各县区检视出7个方面2350个问题,确定63个专项整治问题,逐项建立台账、明确时限。能立即整改的马上改,需要长期推进的分阶段改,目前已完成问题整改2331个、整改率99.2%', 2, (rng) => {
    for (let tries = 0; ; tries++) {
      if (tries > 10_000) throw new Error('mutation generator: no numbers found');
      const whole = 2331 + rng.int(20, 400);
      if (apart(ratio(2331, whole), written(99.2, 1), 0.1)) return { from: '2350个问题', to: `${whole}个问题`, note: `stated 99.2%, but 2331 / ${whole} = ${((2331 / whole) * 100).toFixed(2)}%` };
    }
  }),
  replace('seed-like-completed', SEED_LIKE, 'part-exceeds-whole', '已受理群众诉求3864件、办结3791件', 2, (rng) => {
    const part = above(rng, 3864);
    return { from: '3791', to: String(part), note: `办结 ${part} > 受理 3864` };
  }),
  replace('seed-like-of-which', SEED_LIKE, 'part-exceeds-whole', '地区生产总值达到2386亿元,同比增长5.6%,其中农林牧渔业增加值312亿元', 1, (rng) => {
    const part = above(rng, 2386);
    return { from: '312亿元', to: `${part}亿元`, note: `其中 ${part}亿元 > 2386亿元` };
  }),
  variants('seed-like-motto', SEED_LIKE, 'count-mismatch', '“稳、准、快、实”四字方针', [
    { text: '“稳、准、快”四字方针', note: 'item dropped: 四字 with three listed' },
    { text: '“稳、准、快、实”五字方针', note: '五字 with four listed' },
  ]),

  // -------------------------------------------------------------------------- work-report-zh example
  replace('work-points', WORK, 'change-mismatch', '由63.4%提高到64.6%，提高1.2个百分点', 2, (rng) => {
    const stated = wrongValue(rng, [1.1, 1.3], 1.2, 1, [0.1, 20]);
    return { from: '提高1.2个', to: `提高${zh(stated, 1)}个`, note: `64.6 − 63.4 = 1.2, stated ${zh(stated, 1)}` };
  }),
  replace('work-points-level', WORK, 'change-mismatch', '由63.4%提高到64.6%，提高1.2个百分点', 1, (rng) => {
    const after = wrongValue(rng, [64.5, 64.7], 64.6, 1, [63.5, 90]);
    return { from: '64.6%', to: `${zh(after, 1)}%`, note: `${zh(after, 1)} − 63.4 ≠ 1.2` };
  }),
  replace('work-growth', WORK, 'change-mismatch', '由320家增至410家，增长28.1%', 2, (rng) => {
    const truth = (410 / 320 - 1) * 100;
    const stated = wrongValue(rng, [(409.5 / 320.5 - 1) * 100, (410.5 / 319.5 - 1) * 100], truth, 1, [0.1, 200]);
    return { from: '28.1%', to: `${zh(stated, 1)}%`, note: `410 / 320 − 1 = ${truth.toFixed(2)}%, stated ${zh(stated, 1)}%` };
  }),
  replace('work-growth-level', WORK, 'change-mismatch', '由320家增至410家，增长28.1%', 1, (rng) => {
    for (let tries = 0; ; tries++) {
      if (tries > 10_000) throw new Error('mutation generator: no numbers found');
      const after = 320 + rng.int(20, 200);
      const growth: Interval = [((after - 0.5) / 320.5 - 1) * 100, ((after + 0.5) / 319.5 - 1) * 100];
      if (apart(growth, written(28.1, 1), 0.1)) return { from: '410家', to: `${after}家`, note: `${after} / 320 − 1 = ${((after / 320 - 1) * 100).toFixed(2)}%, stated 28.1%` };
    }
  }),
  rate('work-rate', WORK, '受理企业和群众诉求8620件，办结8534件，办结率99.0%', '99.0', 8534, 8620, 2),
  replace('work-completed', WORK, 'part-exceeds-whole', '受理企业和群众诉求8620件，办结8534件', 1, (rng) => {
    const part = above(rng, 8620);
    return { from: '8534', to: String(part), note: `办结 ${part} > 受理 8620` };
  }),
  variants('work-persist', WORK, 'count-mismatch', '“三个坚持”：坚持稳中求进、坚持改革创新、坚持民生为本', [
    { text: '“四个坚持”：坚持稳中求进、坚持改革创新、坚持民生为本', note: '四个 with three listed' },
    { text: '“三个坚持”：坚持稳中求进、坚持民生为本', note: 'item dropped: 三个 with two listed' },
  ]),
  variants('work-clusters', WORK, 'count-mismatch', '新一代信息技术、新材料、生物医药三大产业集群', [
    { text: '新一代信息技术、新材料、生物医药四大产业集群', note: '四大 with three listed' },
    { text: '新一代信息技术、新材料、生物医药、高端装备三大产业集群', note: 'item added: 三大 with four listed' },
  ]),
  replace('work-implied-previous', WORK, 'change-mismatch', '36.5亿元，比上年增加2.1亿元，增长6.1%', 2, (rng) => {
    const truth = (2.1 / 34.4) * 100;
    const stated = wrongValue(rng, [(2.05 / 34.5) * 100, (2.15 / 34.3) * 100], truth, 1, [0.1, 100]);
    return { from: '增长6.1%', to: `增长${zh(stated, 1)}%`, note: `2.1 / 34.4 = ${truth.toFixed(2)}%, stated ${zh(stated, 1)}%` };
  }),
  variants('work-headings', WORK, 'heading-sequence', '（二）深化“放管服”改革', [
    { text: '（三）深化“放管服”改革', note: '（一）（三）（三）（四）' },
    { text: '（一）深化“放管服”改革', note: '（一）（一）（三）（四）' },
  ]),
  variants('work-decimal-headings', WORK, 'heading-sequence', '2.推动传统产业提质升级', [{ text: '3.推动传统产业提质升级', note: '1. 3.' }]),
  variants('work-paren-headings', WORK, 'heading-sequence', '（2）壮大优质企业梯队', [{ text: '（3）壮大优质企业梯队', note: '（1）（3）' }]),

  // -------------------------------------------------------------------------- news-summary-zh example
  rate('news-rate', NEWS, '隐患1386处，已完成整治1342处，整治率96.8%', '96.8', 1342, 1386, 2),
  replace('news-points', NEWS, 'change-mismatch', '由82.5%提高到91.3%，提高8.8个百分点', 2, (rng) => {
    const stated = wrongValue(rng, [8.7, 8.9], 8.8, 1, [0.1, 20]);
    return { from: '提高8.8个', to: `提高${zh(stated, 1)}个`, note: `91.3 − 82.5 = 8.8, stated ${zh(stated, 1)}` };
  }),
  variants('news-sum', NEWS, 'sum-mismatch', '8座，其中新建3座、改扩建5座', [
    { text: '8座，其中新建4座、改扩建5座', note: '4 + 5 = 9 > 8' },
    { text: '7座，其中新建3座、改扩建5座', note: '3 + 5 = 8 > 7' },
  ]),
  variants('news-unify', NEWS, 'count-mismatch', '“四个统一”要求，即统一规划、统一建设、统一管理、统一服务', [
    { text: '“四个统一”要求，即统一规划、统一建设、统一服务', note: 'item dropped: 四个 with three listed' },
    { text: '“五个统一”要求，即统一规划、统一建设、统一管理、统一服务', note: '五个 with four listed' },
  ]),
  replace('news-completed', NEWS, 'part-exceeds-whole', '受理群众报修和咨询5230件，办结5187件', 2, (rng) => {
    const part = above(rng, 5230);
    return { from: '5187', to: String(part), note: `办结 ${part} > 受理 5230` };
  }),

  // -------------------------------------------------------------------------- statistical-release-en example
  replace('release-points', RELEASE, 'change-mismatch', 'from 3.7 percent to 3.5 percent over the quarter, a\ndecrease of 0.2 percentage point', 2, (rng) => {
    const stated = wrongValue(rng, [0.1, 0.3], 0.2, 1, [0.1, 5]);
    return { from: '0.2 percentage', to: `${stated.toFixed(1)} percentage`, note: `3.7 − 3.5 = 0.2, stated ${stated.toFixed(1)}` };
  }),
  replace('release-revision', RELEASE, 'change-mismatch', 'revised down by 8,000,\nfrom +41,000 to +33,000', 2, (rng) => {
    const stated = rng.pick([5000, 6000, 7000, 9000, 10000, 11000, 12000, 14000, 18000]);
    return { from: '8,000', to: en(stated), note: `41,000 − 33,000 = 8,000, stated ${en(stated)}` };
  }),
  replace('release-earnings', RELEASE, 'change-mismatch', 'rose by 14 cents, or 0.4\npercent, to $33.18', 1, (rng) => {
    const stated = wrongValue(rng, [(0.135 / 33.045) * 100, (0.145 / 33.035) * 100], (0.14 / 33.04) * 100, 1, [0.1, 5]);
    return { from: '0.4\npercent', to: `${stated.toFixed(1)}\npercent`, note: `0.14 / 33.04 = 0.42%, stated ${stated.toFixed(1)}%` };
  }),
  rate('release-claims-rate', RELEASE, '4,213 of 4,500 claims (93.6%)', '93.6', 4213, 4500, 2),
  replace('release-claims-change', RELEASE, 'change-mismatch', 'Initial claims averaged 3,150 a week,\ndown 4.8 percent from 3,310', 2, (rng) => {
    const truth = (1 - 3150 / 3310) * 100;
    const stated = wrongValue(rng, [(1 - 3150.5 / 3309.5) * 100, (1 - 3149.5 / 3310.5) * 100], truth, 1, [0.1, 50]);
    return { from: '4.8 percent', to: `${stated.toFixed(1)} percent`, note: `1 − 3150 / 3310 = ${truth.toFixed(2)}%, stated ${stated.toFixed(1)}%` };
  }),
  rate('release-households-rate', RELEASE, '4,260 of the 6,000 sampled households were interviewed, a response rate of\n71.0 percent', '71.0', 4260, 6000, 2),
  variants('release-priorities', RELEASE, 'count-mismatch', 'three priorities for 2026: faster publication, smaller\nrevisions and more county-level detail', [
    { text: 'four priorities for 2026: faster publication, smaller\nrevisions and more county-level detail', note: 'four with three listed' },
    { text: 'five priorities for 2026: faster publication, smaller\nrevisions and more county-level detail', note: 'five with three listed' },
  ]),
];
