/**
 * Paragraph templates for the insertion mutations: each makes one paragraph (two for a conflicting
 * figure) with random, realistic numbers that contradict each other by more than rounding allows.
 * Every generator checks its own inconsistency with interval arithmetic before returning.
 */
import type { CheckCode } from '../../server/src/core/settings';
import { apart, chineseNumeral, en, englishNumeral, roundTo, tryWrongValue, written, wrongValue, zh, type Interval, type Rng } from './random';

export type Language = 'zh' | 'en';

export interface Planted {
  /** One paragraph, or two (a conflicting figure: both go into the same section, in this order). */
  readonly paragraphs: readonly string[];
  /** What is wrong, with the arithmetic. */
  readonly note: string;
}

export interface Template {
  readonly id: string;
  readonly kind: CheckCode;
  readonly language: Language;
  make(rng: Rng): Planted;
}

// ---------------------------------------------------------------------------------------------
// Shared number makers

interface RateNumbers {
  whole: number;
  part: number;
  stated: number;
  decimals: number;
  truth: number;
}

/** A whole, a part and a stated rate (percent) that the part / whole contradicts. */
function rateNumbers(rng: Rng, wholeRange: Interval = [60, 30000], decimals = rng.chance(0.8) ? 1 : rng.chance(0.5) ? 0 : 2): RateNumbers {
  for (let tries = 0; ; tries++) {
    if (tries > 10_000) throw new Error('mutation generator: no numbers found');
    const whole = Math.round(rng.logUniform(wholeRange[0], wholeRange[1]));
    const share = rng.chance(0.6) ? rng.uniform(0.9, 0.999) : rng.uniform(0.35, 0.9);
    const part = Math.max(1, Math.min(whole - 1, Math.round(whole * share)));
    const truth = (part / whole) * 100;
    const computed: Interval = [((part - 0.5) / (whole + 0.5)) * 100, ((part + 0.5) / (whole - 0.5)) * 100];
    const stated = tryWrongValue(rng, computed, truth, decimals, [0.1, 100]);
    if (stated !== undefined) return { whole, part, stated, decimals, truth };
  }
}

function rateNote(n: RateNumbers): string {
  return `stated ${n.stated.toFixed(n.decimals)}%, but ${n.part} / ${n.whole} = ${n.truth.toFixed(2)}%`;
}

/** A whole and a part larger than it (by 3% to 60%), both with `decimals` decimals. */
function partOverWhole(rng: Rng, range: Interval, decimals: number): { whole: number; part: number } {
  for (let tries = 0; ; tries++) {
    if (tries > 10_000) throw new Error('mutation generator: no numbers found');
    const whole = roundTo(rng.logUniform(range[0], range[1]), decimals);
    const part = roundTo(whole * rng.uniform(1.03, 1.6), decimals);
    if (apart(written(part, decimals), written(whole, decimals), 10 ** -decimals)) return { whole, part };
  }
}

/** Parts that add up to more than the stated total (by 2% to 25%, at least three units). */
function partsOverTotal(rng: Rng, count: number, range: Interval, decimals: number): { total: number; parts: number[] } {
  for (let tries = 0; ; tries++) {
    if (tries > 10_000) throw new Error('mutation generator: no numbers found');
    const sum = roundTo(rng.logUniform(range[0], range[1]), decimals);
    const weights = Array.from({ length: count }, () => rng.uniform(0.2, 1));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.max(10 ** -decimals, roundTo((sum * w) / totalWeight, decimals)));
    const actual = roundTo(parts.reduce((a, b) => a + b, 0), decimals);
    const total = roundTo(actual / rng.uniform(1.02, 1.25), decimals);
    const unit = 10 ** -decimals;
    const sumInterval: Interval = [actual - count * unit * 0.5, actual + count * unit * 0.5];
    if (total > 0 && apart(sumInterval, written(total, decimals), 2 * unit)) return { total, parts };
  }
}

interface ChangeNumbers {
  before: number;
  after: number;
  decimals: number;
}

function levels(rng: Rng, range: Interval, decimals: number, direction: 1 | -1): ChangeNumbers {
  for (let tries = 0; ; tries++) {
    if (tries > 10_000) throw new Error('mutation generator: no numbers found');
    const before = roundTo(rng.logUniform(range[0], range[1]), decimals);
    const after = roundTo(before * (1 + direction * rng.uniform(0.02, 0.45)), decimals);
    if (after > 0 && after !== before) return { before, after, decimals };
  }
}

/** A wrong percent change (1 decimal) for before → after; returned as a magnitude. */
function wrongPercentChange(rng: Rng, n: ChangeNumbers): { stated: number; truth: number } {
  const [b0, b1] = written(n.before, n.decimals);
  const [a0, a1] = written(n.after, n.decimals);
  const truth = (n.after / n.before - 1) * 100;
  const computed: Interval = [(a0 / b1 - 1) * 100, (a1 / b0 - 1) * 100];
  const magnitude: Interval = truth >= 0 ? computed : [-computed[1], -computed[0]];
  return { stated: wrongValue(rng, magnitude, Math.abs(truth), 1, [0.1, 500]), truth };
}

/** A wrong absolute change for before → after; returned as a magnitude. */
function wrongDifference(rng: Rng, n: ChangeNumbers): { stated: number; truth: number } {
  const truth = roundTo(n.after - n.before, n.decimals);
  const h = 10 ** -n.decimals;
  const computed: Interval = [Math.abs(truth) - h, Math.abs(truth) + h];
  return { stated: wrongValue(rng, computed, Math.abs(truth), n.decimals, [10 ** -n.decimals, Infinity]), truth };
}

/** A whole-number difference (a multiple of `step`) wrong by at least three steps and at least 3%. */
function wrongRoundDifference(rng: Rng, truth: number, step: number): number {
  const least = Math.max(3, Math.ceil((Math.abs(truth) * 0.03) / step));
  for (let tries = 0; ; tries++) {
    if (tries > 10_000) throw new Error('mutation generator: no numbers found');
    const stated = truth + rng.sign() * (least + rng.int(0, 8)) * step;
    if (stated > 0) return stated;
  }
}

function listZh(items: readonly string[]): string {
  return items.join('、');
}

function listEn(items: readonly string[], oxford: boolean): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}${oxford ? ',' : ''} and ${items.at(-1)}`;
}

/** A stated count and a different number of listed items, each between 2 and 6. */
function countPair(rng: Rng, poolSize: number, lo = 3): { stated: number; listed: number } {
  const listed = rng.int(lo, Math.min(6, poolSize));
  let stated = listed;
  while (stated === listed) stated = rng.int(Math.max(2, listed - 2), listed + 2);
  return { stated, listed };
}

// ---------------------------------------------------------------------------------------------
// rate-mismatch

function rateZh(id: string, render: (n: RateNumbers, rng: Rng) => string, range?: Interval): Template {
  return {
    id,
    kind: 'rate-mismatch',
    language: 'zh',
    make(rng) {
      const n = rateNumbers(rng, range);
      return { paragraphs: [render(n, rng)], note: rateNote(n) };
    },
  };
}

function rateEn(id: string, render: (n: RateNumbers, rng: Rng) => string, range?: Interval): Template {
  return {
    id,
    kind: 'rate-mismatch',
    language: 'en',
    make(rng) {
      const n = rateNumbers(rng, range, 1);
      return { paragraphs: [render(n, rng)], note: rateNote(n) };
    },
  };
}

const pct = (n: RateNumbers) => n.stated.toFixed(n.decimals);

const RATE: Template[] = [
  rateZh('zh-rate-rectify', (n) => `开展专项整治以来，共排查问题${n.whole}个，已整改${n.part}个，整改率${pct(n)}%。`),
  rateZh('zh-rate-aspects', (n, r) => `各单位检视出${chineseNumeral(r.int(3, 8))}个方面${n.whole}个问题，逐项建立台账、明确时限，目前已完成问题整改${n.part}个、整改率${pct(n)}%。`),
  rateZh('zh-rate-hotline', (n) => `全年12345热线受理群众诉求${n.whole}件，办结${n.part}件，办结率${pct(n)}%。`),
  rateZh('zh-rate-coverage', (n) => `全市${n.whole}个行政村中，已有${n.part}个建成村级综合服务站，覆盖率达到${pct(n)}%。`, [60, 3000]),
  rateZh('zh-rate-inspection', (n) => `全年抽检食品样品${n.whole}批次，检验合格${n.part}批次，抽检合格率${pct(n)}%。`),
  rateZh('zh-rate-hazards', (n) => `深入开展安全生产大排查，全年排查安全隐患${n.whole}处，已完成整改${n.part}处，整改完成率${pct(n)}%。`),
  rateZh('zh-rate-training', (n) => `全年共有${n.whole}名干部参加集中轮训，考核合格${n.part}名，合格率为${pct(n)}%。`),
  rateZh('zh-rate-projects', (n) => `截至年底，${n.whole}个市级重点项目中已开工${n.part}个，开工率${pct(n)}%。`, [60, 900]),
  rateZh('zh-rate-proposals', (n) => `全年办理人大代表建议和政协提案${n.whole}件，按期办结${n.part}件，按期办结率${pct(n)}%。`, [60, 2000]),
  rateZh('zh-rate-share', (n) => `纳入监测的${n.whole}个地表水断面中，水质优良断面${n.part}个，占比${pct(n)}%。`, [60, 800]),
  rateEn('en-rate-response', (n) => `Of the ${en(n.whole)} employers in the sample, ${en(n.part)} responded, a response rate of ${pct(n)} percent.`),
  rateEn('en-rate-claims', (n) => `${en(n.part)} of ${en(n.whole)} claims (${pct(n)}%) were decided within 21 days.`),
  rateEn('en-rate-households', (n) => `In the quarter, ${en(n.part)} out of ${en(n.whole)} sampled households were interviewed, or ${pct(n)} percent.`),
  rateEn('en-rate-collection', (n) => `Of ${en(n.whole)} establishments contacted, ${en(n.part)} provided usable reports, a collection rate of ${pct(n)} percent.`),
  rateEn('en-rate-units', (n) => `${en(n.part)} of the ${en(n.whole)} sample units (${pct(n)} percent) reported data by the closing date.`),
  rateEn('en-rate-reached', (n) => `The survey reached ${en(n.part)} of ${en(n.whole)} eligible respondents, a response rate of ${pct(n)}%.`),
  rateEn('en-rate-paid', (n) => `${en(n.part)} of ${en(n.whole)} new claims, or ${pct(n)} percent, were paid within two weeks.`),
  rateEn('en-rate-accounted', (n) => `The survey covered ${en(n.whole)} workplaces; the ${en(n.part)} that reported on time accounted for ${pct(n)} percent of the sample.`),
];

// ---------------------------------------------------------------------------------------------
// part-exceeds-whole

function partZh(id: string, range: Interval, decimals: number, render: (whole: string, part: string) => string): Template {
  return {
    id,
    kind: 'part-exceeds-whole',
    language: 'zh',
    make(rng) {
      const { whole, part } = partOverWhole(rng, range, decimals);
      return { paragraphs: [render(zh(whole, decimals), zh(part, decimals))], note: `part ${zh(part, decimals)} > whole ${zh(whole, decimals)}` };
    },
  };
}

function partEn(id: string, range: Interval, step: number, render: (whole: string, part: string) => string): Template {
  return {
    id,
    kind: 'part-exceeds-whole',
    language: 'en',
    make(rng) {
      for (let tries = 0; ; tries++) {
        if (tries > 10_000) throw new Error('mutation generator: no numbers found');
        const whole = Math.round(rng.logUniform(range[0], range[1]) / step) * step;
        const part = Math.round((whole * rng.uniform(1.03, 1.6)) / step) * step;
        if (part - whole >= 3 * step) return { paragraphs: [render(en(whole), en(part))], note: `part ${en(part)} > whole ${en(whole)}` };
      }
    },
  };
}

const PART: Template[] = [
  partZh('zh-part-jobs', [1, 30], 2, (w, p) => `全年城镇新增就业${w}万人，其中高校毕业生等青年群体就业${p}万人。`),
  partZh('zh-part-hotline', [300, 20000], 0, (w, p) => `市民服务热线全年受理群众诉求${w}件，办结${p}件，群众满意度持续提升。`),
  partZh('zh-part-firms', [1, 20], 2, (w, p) => `全年新设立经营主体${w}万户，其中新设企业${p}万户。`),
  partZh('zh-part-eldercare', [40, 900], 0, (w, p) => `全市共有养老服务机构${w}家，其中民办养老机构${p}家。`),
  partZh('zh-part-investment', [80, 3000], 1, (w, p) => `全年完成固定资产投资${w}亿元，其中工业投资${p}亿元。`),
  partZh('zh-part-leads', [60, 3000], 0, (w, p) => `纪检监察机关全年共受理问题线索${w}条，已完成核查${p}条。`),
  partZh('zh-part-projects', [30, 600], 0, (w, p) => `全年实施重点项目${w}个，其中竣工投产${p}个。`),
  partZh('zh-part-roads', [800, 20000], 0, (w, p) => `全市农村公路总里程达到${w}公里，其中县道${p}公里。`),
  partEn('en-part-jobs', [8000, 300000], 100, (w, p) => `Employers added ${w} jobs over the quarter, of which ${p} were in health care.`),
  partEn('en-part-claims', [1000, 60000], 1, (w, p) => `The agency received ${w} claims in the quarter, of which ${p} were processed within 21 days.`),
  partEn('en-part-unemployed', [20000, 900000], 1000, (w, p) => `There were ${w} unemployed persons at the end of the quarter, including ${p} who had been jobless for 27 weeks or more.`),
  partEn('en-part-households', [2000, 60000], 1, (w, p) => `The sample included ${w} households, of which ${p} were interviewed in person.`),
  partEn('en-part-filed', [500, 40000], 1, (w, p) => `Of the ${w} claims filed in the quarter, ${p} were approved.`),
];

// ---------------------------------------------------------------------------------------------
// sum-mismatch

function sumZh(id: string, count: number, range: Interval, decimals: number, render: (total: string, parts: string[]) => string): Template {
  return {
    id,
    kind: 'sum-mismatch',
    language: 'zh',
    make(rng) {
      const { total, parts } = partsOverTotal(rng, count, range, decimals);
      const p = parts.map((v) => zh(v, decimals));
      return { paragraphs: [render(zh(total, decimals), p)], note: `${p.join(' + ')} > ${zh(total, decimals)}` };
    },
  };
}

function sumEn(id: string, count: number, range: Interval, render: (total: string, parts: string[]) => string): Template {
  return {
    id,
    kind: 'sum-mismatch',
    language: 'en',
    make(rng) {
      const { total, parts } = partsOverTotal(rng, count, range, 0);
      const p = parts.map((v) => en(v));
      return { paragraphs: [render(en(total), p)], note: `${p.join(' + ')} > ${en(total)}` };
    },
  };
}

const SUM: Template[] = [
  sumZh('zh-sum-projects', 3, [30, 900], 0, (t, [a, b, c]) => `全年新开工重大项目${t}个，其中工业项目${a}个、服务业项目${b}个、基础设施项目${c}个。`),
  sumZh('zh-sum-schools', 3, [60, 1500], 0, (t, [a, b, c]) => `全市共有中小学校${t}所，其中小学${a}所、初中${b}所、普通高中${c}所。`),
  sumZh('zh-sum-entities', 3, [2000, 90000], 0, (t, [a, b, c]) => `全年新增经营主体${t}户，其中企业${a}户、个体工商户${b}户、农民专业合作社${c}户。`),
  sumZh('zh-sum-hazards', 3, [100, 9000], 0, (t, [a, b, c]) => `全年共整治安全隐患${t}处，分别为道路交通隐患${a}处、消防隐患${b}处、燃气隐患${c}处。`),
  sumZh('zh-sum-talent', 2, [200, 9000], 0, (t, [a, b]) => `全年引进各类高层次人才${t}名，其中博士${a}名、硕士${b}名。`),
  sumZh('zh-sum-investment', 3, [50, 900], 1, (t, [a, b, c]) => `全年完成交通水利能源投资${t}亿元，其中交通${a}亿元、水利${b}亿元、能源${c}亿元。`),
  sumZh('zh-sum-roads', 3, [200, 5000], 0, (t, [a, b, c]) => `新建改建农村公路${t}公里，其中县道${a}公里、乡道${b}公里、村道${c}公里。`),
  sumZh('zh-sum-total', 4, [100, 3000], 0, (t, [a, b, c, d]) => `全市四个区县分别建成便民服务站点${a}个、${b}个、${c}个、${d}个，合计${t}个。`),
  sumEn('en-sum-sample', 3, [800, 9000], (t, [a, b, c]) => `The establishment sample comprised ${t} employers: ${a} in service-providing industries, ${b} in goods-producing industries and ${c} in government.`),
  sumEn('en-sum-jobs', 3, [3000, 90000], (t, [a, b, c]) => `Employers added ${t} jobs over the quarter: ${a} in health care, ${b} in construction and ${c} in leisure and hospitality.`),
  sumEn('en-sum-channels', 3, [500, 40000], (t, [a, b, c]) => `The ${t} new claims were filed through three channels: ${a} online, ${b} by telephone and ${c} in person.`),
  sumEn('en-sum-inspections', 3, [100, 5000], (t, [a, b, c]) => `A total of ${t} inspections were completed: ${a} routine, ${b} follow-up and ${c} complaint-driven.`),
];

// ---------------------------------------------------------------------------------------------
// change-mismatch

function change(id: string, language: Language, make: (rng: Rng) => Planted): Template {
  return { id, kind: 'change-mismatch', language, make };
}

const CHANGE: Template[] = [
  change('zh-change-rise-percent', 'zh', (rng) => {
    const n = levels(rng, [20, 900], 1, 1);
    const { stated, truth } = wrongPercentChange(rng, n);
    return { paragraphs: [`研发投入持续加大，全社会研发经费支出由${zh(n.before, 1)}亿元增至${zh(n.after, 1)}亿元，增长${zh(stated, 1)}%。`], note: `${n.after}/${n.before} − 1 = ${truth.toFixed(2)}%, stated ${stated}%` };
  }),
  change('zh-change-rise-absolute', 'zh', (rng) => {
    const n = levels(rng, [40, 3000], 0, 1);
    const { stated, truth } = wrongDifference(rng, n);
    return { paragraphs: [`高新技术企业数量从${n.before}家增加到${n.after}家，增加${zh(stated)}家。`], note: `${n.after} − ${n.before} = ${truth}, stated ${stated}` };
  }),
  change('zh-change-implied-previous', 'zh', (rng) => {
    for (let tries = 0; ; tries++) {
      if (tries > 10_000) throw new Error('mutation generator: no numbers found');
      const current = roundTo(rng.logUniform(20, 900), 1);
      const delta = roundTo(current * rng.uniform(0.03, 0.25), 1);
      const previous = roundTo(current - delta, 1);
      const truth = (delta / previous) * 100;
      const computed: Interval = [((delta - 0.05) / (previous + 0.1)) * 100, ((delta + 0.05) / (previous - 0.1)) * 100];
      if (delta <= 0.2) continue;
      const stated = wrongValue(rng, computed, truth, 1, [0.1, 500]);
      return { paragraphs: [`全年一般公共预算收入${zh(current, 1)}亿元，比上年增加${zh(delta, 1)}亿元，增长${zh(stated, 1)}%。`], note: `${delta} / (${current} − ${delta}) = ${truth.toFixed(2)}%, stated ${stated}%` };
    }
  }),
  change('zh-change-points', 'zh', (rng) => {
    const before = roundTo(rng.uniform(30, 80), 1);
    const after = roundTo(before + rng.uniform(0.5, 9), 1);
    const truth = roundTo(after - before, 1);
    const stated = wrongValue(rng, [truth - 0.1, truth + 0.1], truth, 1, [0.1, 50]);
    return { paragraphs: [`常住人口城镇化率由${zh(before, 1)}%提高到${zh(after, 1)}%，提高${zh(stated, 1)}个百分点。`], note: `${after} − ${before} = ${truth}, stated ${stated}` };
  }),
  change('zh-change-fall-percent', 'zh', (rng) => {
    const n = levels(rng, [50, 2000], 1, -1);
    const { stated, truth } = wrongPercentChange(rng, n);
    return { paragraphs: [`规模以上工业综合能耗由${zh(n.before, 1)}万吨标准煤降至${zh(n.after, 1)}万吨标准煤，下降${zh(stated, 1)}%。`], note: `${n.after}/${n.before} − 1 = ${truth.toFixed(2)}%, stated −${stated}%` };
  }),
  change('zh-change-fall-absolute', 'zh', (rng) => {
    const n = levels(rng, [2, 90], 1, -1);
    const { stated, truth } = wrongDifference(rng, n);
    return { paragraphs: [`农村低收入人口从${zh(n.before, 1)}万人减少到${zh(n.after, 1)}万人，减少${zh(stated, 1)}万人。`], note: `${n.after} − ${n.before} = ${truth}, stated −${stated}` };
  }),
  change('zh-change-grain', 'zh', (rng) => {
    const n = levels(rng, [30, 900], 1, 1);
    const { stated, truth } = wrongPercentChange(rng, n);
    return { paragraphs: [`粮食生产再获丰收，粮食总产量由${zh(n.before, 1)}万吨增加到${zh(n.after, 1)}万吨，增长${zh(stated, 1)}%。`], note: `${n.after}/${n.before} − 1 = ${truth.toFixed(2)}%, stated ${stated}%` };
  }),
  change('zh-change-than-last-year', 'zh', (rng) => {
    const n = levels(rng, [100, 9000], 1, 1);
    const { stated, truth } = wrongPercentChange(rng, n);
    return { paragraphs: [`全年进出口总额${zh(n.after, 1)}亿元，较上年的${zh(n.before, 1)}亿元增长${zh(stated, 1)}%。`], note: `${n.after}/${n.before} − 1 = ${truth.toFixed(2)}%, stated ${stated}%` };
  }),
  change('en-change-rose-by', 'en', (rng) => {
    const before = Math.round(rng.logUniform(20000, 400000) / 100) * 100;
    const after = before + rng.int(10, Math.max(20, Math.round(before / 400))) * 100;
    const stated = wrongRoundDifference(rng, after - before, 100);
    return { paragraphs: [`Construction employment rose by ${en(stated)}, from ${en(before)} to ${en(after)}.`], note: `${after} − ${before} = ${after - before}, stated ${stated}` };
  }),
  change('en-change-revised', 'en', (rng) => {
    const before = rng.int(20, 90) * 1000;
    const after = before - rng.int(3, 15) * 1000;
    const stated = wrongRoundDifference(rng, before - after, 1000);
    return { paragraphs: [`The change in total payroll employment for the previous quarter was revised down by ${en(stated)}, from +${en(before)} to +${en(after)}.`], note: `${before} − ${after} = ${before - after}, stated ${stated}` };
  }),
  change('en-change-increase-percent', 'en', (rng) => {
    const n = levels(rng, [20000, 400000], 0, 1);
    const { stated, truth } = wrongPercentChange(rng, n);
    return { paragraphs: [`Retail trade employment rose from ${en(n.before)} to ${en(n.after)}, an increase of ${en(stated, 1)} percent.`], note: `${n.after}/${n.before} − 1 = ${truth.toFixed(2)}%, stated ${stated}%` };
  }),
  change('en-change-down-from', 'en', (rng) => {
    const n = levels(rng, [1000, 30000], 0, -1);
    const { stated, truth } = wrongPercentChange(rng, n);
    return { paragraphs: [`Initial claims averaged ${en(n.after)} a week, down ${en(stated, 1)} percent from ${en(n.before)} a week in the previous quarter.`], note: `${n.after}/${n.before} − 1 = ${truth.toFixed(2)}%, stated −${stated}%` };
  }),
  change('en-change-declined-by', 'en', (rng) => {
    const before = Math.round(rng.logUniform(20000, 400000) / 100) * 100;
    const after = before - rng.int(10, Math.max(20, Math.round(before / 400))) * 100;
    const stated = wrongRoundDifference(rng, before - after, 100);
    return { paragraphs: [`Manufacturing employment declined by ${en(stated)}, from ${en(before)} to ${en(after)}.`], note: `${before} − ${after} = ${before - after}, stated ${stated}` };
  }),
  change('en-change-up-percent', 'en', (rng) => {
    const n = levels(rng, [500, 9000], 0, 1);
    const { stated, truth } = wrongPercentChange(rng, n);
    return { paragraphs: [`Job openings in the region reached ${en(n.after)}, up ${en(stated, 1)} percent from ${en(n.before)} a year earlier.`], note: `${n.after}/${n.before} − 1 = ${truth.toFixed(2)}%, stated ${stated}%` };
  }),
];

// ---------------------------------------------------------------------------------------------
// count-mismatch

function countZh(id: string, pool: readonly string[], render: (numeral: string, items: string[]) => string): Template {
  return {
    id,
    kind: 'count-mismatch',
    language: 'zh',
    make(rng) {
      const { stated, listed } = countPair(rng, pool.length);
      const items = rng.sample(pool, listed);
      return { paragraphs: [render(chineseNumeral(stated), items)], note: `“${chineseNumeral(stated)}” announced, ${listed} listed` };
    },
  };
}

function countEn(id: string, pool: readonly string[], render: (numeral: string, items: string) => string): Template {
  return {
    id,
    kind: 'count-mismatch',
    language: 'en',
    make(rng) {
      const { stated, listed } = countPair(rng, pool.length);
      const oxford = rng.chance(0.5);
      return { paragraphs: [render(englishNumeral(stated), listEn(rng.sample(pool, listed), oxford))], note: `"${englishNumeral(stated)}" announced, ${listed} listed${oxford ? '' : ' (no serial comma)'}` };
    },
  };
}

const CHARS = ['稳', '准', '快', '实', '严', '细', '深', '效', '新', '精', '优', '勤'];
const PROJECTS = ['老旧小区改造工程', '地下管网更新工程', '城中村改造工程', '口袋公园建设工程', '保障性住房建设工程', '海绵城市建设工程', '背街小巷整治工程'];
const PERSIST = ['坚持稳中求进', '坚持改革创新', '坚持民生为本', '坚持系统观念', '坚持底线思维', '坚持问题导向', '坚持统筹兼顾'];
const UNIFY = ['统一规划', '统一建设', '统一管理', '统一服务', '统一标准', '统一调度'];
const ASPECTS = ['整治违规占道经营', '规范停车秩序', '清理乱堆乱放', '治理噪声扰民', '改善环境卫生', '提升绿化水平'];
const CLUSTERS = ['新一代信息技术', '新材料', '生物医药', '高端装备', '新能源汽车', '绿色食品'];
const MEASURES = ['扩大岗位供给', '加强技能培训', '落实社保补贴', '强化创业扶持', '做好困难帮扶', '优化就业服务'];
const DUTIES = ['属地责任', '部门监管责任', '企业主体责任', '个人防护责任', '行业管理责任'];

const COUNT: Template[] = [
  countZh('zh-count-motto', CHARS, (n, items) => `全市上下认真落实“${listZh(items)}”${n}字方针，推动各项工作落细落实。`),
  countZh('zh-count-projects', PROJECTS, (n, items) => `深入实施城市更新“${n}大工程”：${listZh(items)}。`),
  countZh('zh-count-persist', PERSIST, (n, items) => `做好今年工作，要把握好“${n}个坚持”：${listZh(items)}。`),
  countZh('zh-count-unify', UNIFY, (n, items) => `按照“${n}个统一”要求，即${listZh(items)}，推进城乡供水一体化。`),
  countZh('zh-count-aspects', ASPECTS, (n, items) => `重点从${n}个方面推进市容环境专项整治：${listZh(items)}。`),
  countZh('zh-count-clusters', CLUSTERS, (n, items) => `实施${listZh(items)}${n}大产业集群培育行动。`),
  countZh('zh-count-measures', MEASURES, (n, items) => `出台稳就业${n}项措施：${listZh(items)}。`),
  countZh('zh-count-duties', DUTIES, (n, items) => `压实“${n}个责任”：${listZh(items)}。`),
  countZh('zh-count-formula', CHARS, (n, items) => `基层治理推行“${listZh(items)}”${n}字诀，群众满意度明显提升。`),
  countEn('en-count-priorities', ['faster publication', 'smaller revisions', 'more county-level detail', 'better response rates', 'new online tables', 'wider industry coverage'], (n, items) => `The bureau has set ${n} priorities for next year: ${items}.`),
  countEn('en-count-goals', ['shorter questionnaires', 'electronic reporting', 'lower respondent burden', 'quicker edits', 'clearer tables'], (n, items) => `The survey redesign pursues ${n} goals: ${items}.`),
  countEn('en-count-risks', ['higher interest rates', 'weaker exports', 'slower hiring', 'rising energy prices', 'tighter credit'], (n, items) => `Analysts flagged ${n} risks to the outlook: ${items}.`),
  countEn('en-count-tables', ['county payrolls', 'hours by industry', 'earnings by occupation', 'openings by region', 'claims by age group'], (n, items) => `The release adds ${n} new tables: ${items}.`),
];

// ---------------------------------------------------------------------------------------------
// conflicting-figure

interface Metric {
  readonly id: string;
  readonly language: Language;
  readonly range: Interval;
  readonly decimals: number;
  first(value: string): string;
  second(value: string): string;
}

const METRICS: Metric[] = [
  { id: 'zh-conflict-grain', language: 'zh', range: [30, 900], decimals: 1, first: (v) => `粮食生产保持稳定，全年粮食总产量达到${v}万吨。`, second: (v) => `大力发展现代农业，全年粮食总产量${v}万吨，农业综合生产能力稳步提升。` },
  { id: 'zh-conflict-population', language: 'zh', range: [50, 1500], decimals: 1, first: (v) => `年末全市常住人口${v}万人，城镇化水平继续提高。`, second: (v) => `人口结构持续优化，年末全市常住人口${v}万人。` },
  { id: 'zh-conflict-forest', language: 'zh', range: [20, 70], decimals: 1, first: (v) => `生态环境持续改善，全市森林覆盖率达到${v}%。`, second: (v) => `深入推进国土绿化行动，全市森林覆盖率达到${v}%，生态屏障更加牢固。` },
  { id: 'zh-conflict-jobs', language: 'zh', range: [1, 30], decimals: 2, first: (v) => `就业形势总体稳定，全年城镇新增就业${v}万人。`, second: (v) => `落实就业优先政策，全年城镇新增就业${v}万人，重点群体就业保持稳定。` },
  { id: 'zh-conflict-retail', language: 'zh', range: [200, 9000], decimals: 1, first: (v) => `消费市场持续回暖，全年社会消费品零售总额${v}亿元。`, second: (v) => `促消费政策效果显现，全年社会消费品零售总额${v}亿元。` },
  { id: 'zh-conflict-cars', language: 'zh', range: [20, 400], decimals: 1, first: (v) => `年末全市民用汽车保有量${v}万辆。`, second: (v) => `城市交通压力有所增加，年末全市民用汽车保有量${v}万辆。` },
  { id: 'zh-conflict-tourists', language: 'zh', range: [300, 9000], decimals: 0, first: (v) => `文旅市场加快复苏，全年接待游客${v}万人次。`, second: (v) => `全域旅游深入推进，全年接待游客${v}万人次，旅游收入稳步增长。` },
  { id: 'zh-conflict-revenue', language: 'zh', range: [30, 900], decimals: 1, first: (v) => `财政实力不断增强，一般公共预算收入${v}亿元。`, second: (v) => `坚持过紧日子，一般公共预算收入${v}亿元，民生支出保障有力。` },
  { id: 'en-conflict-openings', language: 'en', range: [2, 12], decimals: 1, first: (v) => `The number of job openings was ${v} million at the end of the month.`, second: (v) => `Hiring remained steady, and the number of job openings was ${v} million at the end of the month.` },
  { id: 'en-conflict-quits', language: 'en', range: [1.5, 3.5], decimals: 1, first: (v) => `The quits rate was ${v} percent over the month.`, second: (v) => `Among workers who left their jobs voluntarily, the quits rate was ${v} percent over the month.` },
  { id: 'en-conflict-multiple', language: 'en', range: [5, 9], decimals: 1, first: (v) => `The number of multiple jobholders was ${v} million in March.`, second: (v) => `In March, the number of multiple jobholders was ${v} million, about the same as a year earlier.` },
  { id: 'en-conflict-median', language: 'en', range: [900, 1300], decimals: 0, first: (v) => `Median weekly earnings of full-time workers were $${v} in the first quarter.`, second: (v) => `Median weekly earnings of full-time workers were $${v} in the first quarter, up from a year earlier.` },
];

function conflicting(metric: Metric): Template {
  return {
    id: metric.id,
    kind: 'conflicting-figure',
    language: metric.language,
    make(rng) {
      const x = roundTo(rng.uniform(metric.range[0], metric.range[1]), metric.decimals);
      const unit = 10 ** -metric.decimals;
      const y = wrongValue(rng, written(x, metric.decimals), x, metric.decimals, [unit, Infinity]);
      const format = (v: number) => (metric.language === 'zh' ? zh(v, metric.decimals) : en(v, metric.decimals));
      return { paragraphs: [metric.first(format(x)), metric.second(format(y))], note: `${format(x)} then ${format(y)}` };
    },
  };
}

const CONFLICT: Template[] = METRICS.map(conflicting);

export const TEMPLATES: readonly Template[] = [...RATE, ...PART, ...SUM, ...CHANGE, ...COUNT, ...CONFLICT];

/** Section titles for inserted headings (heading-sequence mutations). */
export const HEADING_TITLES = [
  '加强生态环境保护和治理',
  '推进法治政府建设',
  '深化农村综合改革',
  '提高防灾减灾救灾能力',
  '加快发展现代服务业',
  '促进区域协调发展',
  '扎实推进共同富裕',
  '持续改善营商环境',
  '加强基层社会治理',
  '推动文化繁荣发展',
];

/** Body text under an inserted heading: no figures, so only the heading can be flagged. */
export const HEADING_BODY = ['坚持问题导向，完善工作机制，推动各项任务落地见效。', '强化统筹协调，压实工作责任，确保各项部署落到实处。', '健全长效机制，加强督促检查，久久为功抓好落实。'];
