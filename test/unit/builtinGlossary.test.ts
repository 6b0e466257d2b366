import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';

interface GlossaryEntry {
  term: string;
  aliases: string[];
  definition: string;
  gloss?: string;
  category: string;
  asOf?: string;
}

const GLOSSARY_PATH = path.resolve(__dirname, '..', '..', '..', 'server/src/core/terms/builtinGlossary.json');
const glossary = JSON.parse(fs.readFileSync(GLOSSARY_PATH, 'utf8')) as { version: number; entries: GlossaryEntry[] };
const entries = glossary.entries;

/** The allowed categories, in the order the file is sorted by. */
const CATEGORIES = [
  'policy-slogan',
  'party-building',
  'governance',
  'economy',
  'statistics',
  'fiscal',
  'social',
  'environment',
  'regional',
  'labor-statistics',
  'general',
];

const CJK = /[\u3400-\u9fff]/;
const isChinese = (entry: GlossaryEntry): boolean => CJK.test(entry.term);
/** Latin letters compare case-insensitively; CJK text is unchanged. */
const key = (name: string): string => name.toLowerCase();

const names = new Map<string, string>();
for (const entry of entries) for (const name of [entry.term, ...(entry.aliases ?? [])]) if (!names.has(key(name))) names.set(key(name), entry.term);

function assertPresent(list: readonly string[]): void {
  const missing = list.filter((name) => !names.has(key(name)));
  assert.deepEqual(missing, [], `missing from the glossary: ${missing.join(', ')}`);
}

describe('built-in glossary (builtinGlossary.json)', () => {
  test('is version 1 with at least 200 entries, at least 30 of them English', () => {
    assert.equal(glossary.version, 1);
    assert.ok(entries.length >= 200, `only ${entries.length} entries`);
    const english = entries.filter((entry) => !isChinese(entry)).length;
    assert.ok(english >= 30, `only ${english} English entries`);
  });

  test('every entry has a term, aliases, a definition and a known category', () => {
    for (const entry of entries) {
      assert.equal(typeof entry.term, 'string');
      assert.ok(entry.term.trim().length > 0, 'empty term');
      assert.equal(entry.term, entry.term.trim(), `“${entry.term}”: surrounding spaces`);
      assert.doesNotMatch(entry.term, /[“”"]/, `“${entry.term}”: the term is written without quotes`);
      assert.ok(Array.isArray(entry.aliases), `“${entry.term}”: aliases must be a list`);
      for (const alias of entry.aliases) assert.ok(typeof alias === 'string' && alias.trim().length > 0, `“${entry.term}”: empty alias`);
      assert.ok(typeof entry.definition === 'string' && entry.definition.trim().length > 0, `“${entry.term}”: empty definition`);
      assert.ok(CATEGORIES.includes(entry.category), `“${entry.term}”: unknown category ${entry.category}`);
    }
  });

  test('Chinese entries are defined in Chinese and have a one-line English gloss; English entries are defined in English', () => {
    for (const entry of entries) {
      if (isChinese(entry)) {
        assert.match(entry.definition, CJK, `“${entry.term}”: the definition should be in Chinese`);
        assert.ok(typeof entry.gloss === 'string' && entry.gloss.trim().length > 0, `“${entry.term}”: missing gloss`);
        assert.doesNotMatch(entry.gloss, /\n/, `“${entry.term}”: the gloss is one line`);
        assert.match(entry.gloss, /[A-Za-z]/, `“${entry.term}”: the gloss should be in English`);
      } else {
        assert.match(entry.definition, /^[A-Z]/, `“${entry.term}”: the definition should be an English sentence`);
        if (entry.gloss !== undefined) assert.ok(entry.gloss.trim().length > 0, `“${entry.term}”: empty gloss`);
      }
    }
  });

  test('terms and aliases are unique across the file (Latin case-insensitively)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of entries) {
      for (const name of [entry.term, ...entry.aliases]) {
        const previous = seen.get(key(name));
        if (previous !== undefined) clashes.push(`${name} (${previous} / ${entry.term})`);
        seen.set(key(name), entry.term);
      }
    }
    assert.deepEqual(clashes, []);
  });

  test('asOf, when present, is YYYY or YYYY-MM', () => {
    for (const entry of entries) {
      if (entry.asOf === undefined) continue;
      assert.match(entry.asOf, /^\d{4}(-\d{2})?$/, `“${entry.term}”: asOf ${entry.asOf}`);
      const [year, month] = entry.asOf.split('-').map(Number);
      assert.ok(year! >= 1900 && year! <= 2100, `“${entry.term}”: asOf year ${year}`);
      if (month !== undefined) assert.ok(month >= 1 && month <= 12, `“${entry.term}”: asOf month ${month}`);
    }
  });

  test('Chinese entries come first, each part sorted by category and then term', () => {
    const firstEnglish = entries.findIndex((entry) => !isChinese(entry));
    assert.ok(firstEnglish > 0);
    assert.ok(entries.slice(firstEnglish).every((entry) => !isChinese(entry)), 'a Chinese entry after the English ones');
    const ordered = (collator: Intl.Collator, part: GlossaryEntry[]): void => {
      for (let i = 1; i < part.length; i++) {
        const a = part[i - 1]!;
        const b = part[i]!;
        const order = CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || collator.compare(a.term, b.term);
        assert.ok(order < 0, `out of order: “${a.term}” (${a.category}) before “${b.term}” (${b.category})`);
      }
    };
    ordered(new Intl.Collator('zh-Hans-CN'), entries.slice(0, firstEnglish));
    ordered(new Intl.Collator('en', { sensitivity: 'base' }), entries.slice(firstEnglish));
  });

  test('covers the terms of the seed report (Inner Mongolia, 2023)', () => {
    assertPresent([
      '两个确立', '两个维护', '五大任务', '两件大事', '四不两直', '三北精神', '蒙古马精神', '一网通办', '全区通办',
      '公民同招', '免试就近', '五个大起底', '三多三少三慢', '半拉子工程',
    ]);
    // Further quoted and numbered terms of the seed.
    assertPresent([
      '理论大学习、思想大武装', '扬优势、找差距、促发展', '闯新路、进中游', '理论学习轻骑兵', '石榴籽', '感党恩、听党话、跟党走',
      '五句话', '破难题、办实事', '五项行动', '阳光招生、阳光分班', '一刻钟', '走流程', '无差别受理、同标准办理',
      '等群众上访', '替群众代办', '信访代办制', '规范、精减、提速', '慢、粗、虚', '优化职能职责、优化工作流程', '提标、提速、提效',
      '半拉子', '新官理旧账', '担当作为好干部', '组合拳', '回炉', '补课', '深、实、细、准、效', '五字诀', '医德医风', '三北',
      '第一批主题教育', '十大监督', '三级养老服务网络', '习近平新时代中国特色社会主义思想', '主题教育', '中国式现代化',
      '铸牢中华民族共同体意识', '模范自治区', '党的创新理论', '大兴调查研究', '容错纠错', '能上能下', '正确政绩观', '苏木乡镇', '嘎查村',
    ]);
  });

  test('covers recurring government-work-report and statistical terms', () => {
    assertPresent(['同比', '环比', '百分点', '国内生产总值', '居民消费价格', '城镇化率', '赤字率', '专项债券', '三农', '新质生产力']);
    assertPresent([
      '城镇登记失业率', '财政赤字', '国债', '地方政府债券', '稳健的货币政策', '积极的财政政策', '结构性减税', '营改增', '简政放权',
      '保障性安居工程', '棚户区改造', '新农合', '最低生活保障', '节能减排', '单位国内生产总值能耗', '一国两制', '九二共识', '十二五规划',
      '稳中求进', '宏观调控', '超长期特别国债', '高质量发展', '放管服', '营商环境', '专精特新', '乡村振兴', '共同富裕', '双碳', '碳达峰',
      '碳中和', '增速', '名义增长', '实际增长', '规模以上工业', '社会消费品零售总额', '固定资产投资', 'CPI', 'PPI', 'M2', '基尼系数', 'GDP',
    ]);
  });

  test('covers English report terms', () => {
    assertPresent([
      'year over year', 'percentage point', 'seasonally adjusted', 'nonfarm payroll employment', 'nonfarm payroll',
      'labor force participation rate', 'participation rate',
    ]);
    assertPresent([
      'household survey', 'establishment survey', 'unemployment rate', 'employment-population ratio', 'part time for economic reasons',
      'marginally attached', 'discouraged workers', 'long-term unemployed', 'reentrants', 'permanent job losers', 'average hourly earnings',
      'average workweek', 'month over month', 'basis point', 'revision', 'preliminary estimate', 'benchmark revision', 'median',
      'annualized rate', 'BLS', 'y/y',
    ]);
    assert.equal(names.get(key('nonfarm payroll')), 'nonfarm payroll employment');
    assert.equal(names.get(key('participation rate')), 'labor force participation rate');
    assert.equal(names.get(key('Bureau of Labor Statistics')), 'Bureau of Labor Statistics');
  });
});
