/**
 * What a clause says decides what can be checked: each test is a shape of real report
 * text (the development corpus has every one of them) that once raised a false alarm,
 * was missed, or must stay "not verifiable". Figures are our own unless a line says so.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, getReportLanguageService } from '../../server/src/core/languageService';
import { clausesAt, relationsOf } from '../../server/src/core/relations/analyze';

const service = getReportLanguageService();

function codes(text: string): string[] {
  return service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///t.report' }).map((d) => String(d.code));
}

function hoverAt(text: string, needle: string): string {
  const doc = service.parse(text);
  const hover = service.hover(doc, doc.lines.positionAt(text.indexOf(needle) + 1), { locale: 'en' });
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

describe('the clause reader', () => {
  test('reads metric, period, verb, qualifiers and roles, inheriting the subject within a sentence', () => {
    const text = '国民生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。\n';
    const doc = service.parse(text);
    const clauses = clausesAt(doc, text.indexOf('按可比'))!;
    assert.equal(clauses.length, 2);
    assert.equal(clauses[0]!.metric, '国民生产总值');
    assert.deepEqual(clauses[0]!.figures.map((f) => f.role), ['base', 'target']);
    assert.equal(clauses[1]!.metric, '国民生产总值');
    assert.equal(clauses[1]!.metricInherited, true);
    assert.equal(clauses[1]!.verb, 'increase');
    assert.ok(clauses[1]!.qualifiers & 1, 'real growth is marked');
  });

  test('reads periods: a stretch of years, the year compared with, months', () => {
    const text = '一九八二年全国工农业总产值达到8291亿元，比一九七八年增长32.6%。1—7月出口增长3%。\n';
    const doc = service.parse(text);
    const first = clausesAt(doc, text.indexOf('比一九七八'))!;
    assert.equal(first[1]!.period?.key, 'Y1982');
    assert.equal(first[1]!.base?.key, 'Y1978');
    assert.equal(clausesAt(doc, text.indexOf('出口'))![0]!.period?.key, 'M1-7');
  });
});

describe('conflicting-figure: the same metric, subject, period and kind only', () => {
  test('products each "等于一九四九年的N倍" are items of an enumeration, not restatements', () => {
    assert.deepEqual(codes('电力一百零八亿度，等于一九四九年的二点五倍；原煤八千一百九十九万吨，等于一九四九年的二点六倍；生铁三百零三万吨，等于一九四九年的十二点四倍。\n'), []);
  });

  test('a metric repeated after ； speaks of the subject its part set (内河…；旅客周转量…)', () => {
    const text = '铁路旅客周转量将达到三百二十亿人公里。内河轮驳船货物周转量将达到一百五十三亿吨公里；旅客周转量将达到三十四亿人公里。\n';
    assert.deepEqual(codes(text), []);
  });

  test('a sentence that points back (这些建设项目) names no subject of its own', () => {
    const text = '（一）钢铁工业\n\n这些建设项目，在今年内可以建设完工的有十四个。\n\n这些建设项目，在今年内可以建设完工的有三十五个。\n';
    assert.deepEqual(codes(text), []);
  });

  test('different periods never conflict, the same metric restated does', () => {
    assert.deepEqual(codes('上半年进出口总额1000亿元。6月进出口总额200亿元。\n'), []);
    assert.deepEqual(codes('粮食总产量达到86.5万吨。全年粮食总产量86.8万吨。\n'), ['conflicting-figure']);
  });

  test('a label before a colon is the subject (铁：… / 钢：…)', () => {
    assert.deepEqual(codes('铁：全部建成后增加的年产能力将为五百七十五万吨。\n\n钢：全部建成后增加的年产能力将为六百一十万吨。\n'), []);
  });
});

describe('count-mismatch: what a counted phrase counts', () => {
  test('a digit inside a larger numeral is not the count (十四个沿海港口城市)', () => {
    assert.deepEqual(codes('进一步开放大连、秦皇岛、天津、烟台、青岛、连云港、南通、上海、宁波、温州、福州、广州、湛江、北海等十四个沿海港口城市。\n'), []);
  });

  test('modifiers before 的 are not items (…推进祖国和平统一进程的八项主张)', () => {
    assert.deepEqual(codes('坚持发展两岸关系、推进祖国和平统一进程的八项主张。\n'), []);
  });

  test('和 joins the last item: 阶级斗争、生产斗争和科学实验三大革命运动 lists three', () => {
    assert.deepEqual(codes('深入开展阶级斗争、生产斗争和科学实验三大革命运动。\n'), []);
    assert.deepEqual(codes('深入开展阶级斗争、生产斗争和科学实验四大革命运动。\n'), ['count-mismatch']);
  });

  test('a list of actions is not the items of the count (维护世界和平、坚持和平共处五项原则)', () => {
    assert.deepEqual(codes('现在，我就维护世界和平、坚持和平共处五项原则和加强团结这三个方面作些阐述。\n'), []);
  });

  test('一是…二是… counted by their markers, through the paragraphs after', () => {
    assert.deepEqual(codes('要抓好两个方面：一是稳增长。二是保民生。三是防风险。\n'), ['count-mismatch']);
    assert.deepEqual(codes('要抓好三个方面：\n\n一是稳增长。\n\n二是保民生。\n\n三是防风险。\n'), []);
    assert.deepEqual(codes('要抓好三个方面：一是稳增长。二是保民生。\n'), ['count-mismatch']);
  });

  test('fewer markers than stated stay silent when the rest is listed in other words', () => {
    assert.deepEqual(codes('大体上有四种类型：一是按计划生产的。二是按市场生产的。在这两大类之间，还有两类，一类是…，另一类是…。\n'), []);
  });

  test('一方面…另一方面 lists two', () => {
    assert.deepEqual(codes('工作是从两个方面进行的，即一方面是调整学校，另一方面是开办业余学校。\n'), []);
  });

  test('after 等, fewer items than stated mean "and others"; more items are wrong', () => {
    assert.deepEqual(codes('在上海、天津、北京、武汉等八个重要城市中，产值增长较快。\n'), []);
    assert.deepEqual(codes('在上海、天津、北京、武汉等三个重要城市中，产值增长较快。\n'), ['count-mismatch']);
  });

  test('a counted phrase the paragraph uses again on its own is a name', () => {
    assert.deepEqual(codes('今年是我国与印度、缅甸共同倡议和平共处五项原则三十周年。和平共处五项原则经受了时间的考验。\n'), []);
  });
});

describe('heading-sequence: restarts and unrecognised headings are no skips', () => {
  test('a list restarting at 一 under a higher heading the parser does not see', () => {
    assert.deepEqual(codes('一、总任务\n\n正文。\n\n二、基本任务\n\n正文。\n\n一、提高设计工作\n\n正文。\n\n二、加强施工\n\n正文。\n'), []);
  });

  test('a numbered heading written inside a paragraph fills the gap', () => {
    assert.deepEqual(codes('（一）第一项\n\n正文。\n\n正文。（二）第二项写在段落中。\n\n（三）第三项\n\n正文。\n'), []);
  });

  test('a repeat right after the first heading, and a numbered Markdown heading that skips, are flagged', () => {
    assert.deepEqual(codes('（一）甲\n\n正文。\n\n（一）乙\n\n正文。\n'), ['heading-sequence']);
    assert.deepEqual(codes('# Report\n\n## 1. Summary\n\nText.\n\n## 2. Jobs\n\nText.\n\n## 4. Sales\n\nText.\n'), ['heading-sequence']);
  });
});

describe('change-mismatch: what the change clause says', () => {
  test('real growth against nominal values is not verifiable, and hover says so', () => {
    const text = '国民生产总值由３４８０亿元增加到９３８０亿元，按可比价格计算增长１０２％。\n';
    assert.deepEqual(codes(text), []);
    assert.equal(relationsOf(service.parse(text)).unverifiable[0]?.reason, 'real-growth');
    assert.match(hoverAt(text, '１０２％'), /not verifiable: real growth/);
  });

  test('an annual average over the years the text states is a compound rate', () => {
    assert.deepEqual(codes('全市生产总值由2012年的1000亿元增加到2017年的1500亿元，年均增长8.4%。\n'), []);
    assert.deepEqual(codes('全市生产总值由2012年的1000亿元增加到2017年的1500亿元，年均增长10.4%。\n'), ['compound-growth-mismatch']);
  });

  test('an annual average without a stretch of years is not verifiable', () => {
    const text = '工业总产值由500亿元增加到800亿元，平均每年增长12%。\n';
    assert.deepEqual(codes(text), []);
    assert.equal(relationsOf(service.parse(text)).unverifiable[0]?.reason, 'annual-average-period');
  });

  test('an annual average after the total change of the same metric', () => {
    assert.deepEqual(codes('一九八二年全国工农业总产值达到8291亿元，比一九七八年增长百分之三十二点六，平均每年增长百分之七点三。\n'), []);
    assert.deepEqual(codes('一九八二年全国工农业总产值达到8291亿元，比一九七八年增长百分之三十二点六，平均每年增长百分之九点三。\n'), ['compound-growth-mismatch']);
  });

  test('a change against a year whose value an earlier clause states', () => {
    const text = '高等学校的学生，一九五七年已经有四十四万人；一九五八年又比一九五七年增加百分之%，达到六十六万人。\n';
    assert.deepEqual(codes(text.replace('%', '五十')), []);
    assert.deepEqual(codes(text.replace('%', '七十')), ['change-mismatch']);
  });

  test('the value compared with may carry any year: 比一九五二年的…', () => {
    assert.deepEqual(codes('农业总产值达到了六百零三亿五千万元，比一九五二年的四百八十三亿九千万元增长百分之三十五。\n'), ['change-mismatch']);
  });
});

describe('rates and parts: roles decide', () => {
  test('durations are never operands (前四年完成的比重 is no 四年 / 五年)', () => {
    assert.deepEqual(codes('五年计划的投资，前四年完成的比重达到百分之八十六。\n'), []);
    assert.deepEqual(codes('从１９００年到１９４８年，四十九年合计的钢产量不过七百六十万吨，第一个五年合计将达到一千六百三十万吨。\n'), []);
  });

  test('占…的: the part before 占, the whole after it', () => {
    assert.deepEqual(codes('已经有五百零四个县（包括相当于县的旗、市和大市辖的区，下同），占全国一千七百八十六个县的百分之二十八。\n'), []);
    assert.deepEqual(codes('已经有五百零四个县，占全国一千七百八十六个县的百分之三十二。\n'), ['rate-mismatch']);
  });

  test('a whole named after 占 and stated before (占登记选民总数的…)', () => {
    const text = '共登记选民三亿二千三百八十万九千六百八十四人；参加投票的选民共二亿七千八百零九万三千一百人，占登记选民总数的百分之%。\n';
    assert.deepEqual(codes(text.replace('%', '八十五点八八')), []);
    assert.deepEqual(codes(text.replace('%', '九十点五零')), ['rate-mismatch']);
  });

  test('其中 opening a sentence splits the level of the sentence before, not a change or a compared value', () => {
    assert.deepEqual(codes('去年进出口总额达到１１１６亿美元，比上年增长百分之八点六。其中，出口为１３７５亿美元。\n'), ['part-exceeds-whole']);
    assert.deepEqual(codes('工农业总产值达到一千三百八十七亿元，比一九五二年的八百二十七亿元增长百分之六十八。其中，工业总产值达到六百五十亿元，比一九五二年的二百七十亿元增长百分之一百四十一。\n'), []);
  });

  test('其中 parts written as parallel clauses, one per ；', () => {
    const text = '全年进出口货物总额达%亿美元。其中出口总额六百二十一亿美元，增长１８．１％；进口总额五百三十四亿美元，下降９．８％。\n';
    assert.deepEqual(codes(text.replace('%', '一千一百五十四')), []);
    assert.deepEqual(codes(text.replace('%', '一千零五十四')), ['sum-mismatch']);
  });

  test('其中，包括… opening a sentence, and the upper end of a range as the whole', () => {
    assert.deepEqual(codes('国家投资建设的水利工程，限额以上的项目有七十三个。其中，包括九十六个续建工程。\n'), ['part-exceeds-whole']);
    assert.deepEqual(codes('铁路货运量十四亿七千万至十四亿九千万吨，其中晋煤外运量二十三亿吨。\n'), ['part-exceeds-whole']);
    assert.deepEqual(codes('铁路货运量十四亿七千万至十四亿九千万吨，其中晋煤外运量一亿九千二百万吨。\n'), []);
  });
});

describe('change-mismatch: direction and durations', () => {
  test('a duration before the stated change names the stretch (四年间增长…)', () => {
    assert.deepEqual(codes('预算外资金由一九七八年的三百七十一亿元增加到一九八二年的六百五十亿元，四年间增长百分之七十五点二。\n'), []);
    assert.deepEqual(codes('预算外资金由一九七八年的三百七十一亿元增加到一九八二年的六百五十亿元，四年间增长百分之七十八点九。\n'), ['change-mismatch']);
  });

  test('a percent that goes the other way than its values says so, in both languages', () => {
    const text = '今年市级财政安排民生实事项目资金36.5亿元，比上年增加2.1亿元，下降6.1%。\n';
    const [en] = service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///t.report' });
    assert.equal(en?.message, 'Stated 6.1% as a decrease, but from 34.4亿元 to 36.5亿元 is an increase of 6.11%');
    assert.ok(en?.relatedInformation?.some((r) => r.message.includes('2.1亿元')), 'the stated change is among the related figures');
    const [zh] = service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'zh-cn', uri: 'file:///t.report' });
    assert.equal(zh?.message, '写的是下降6.1%，但由34.4亿元到36.5亿元实为增长6.11%');
  });
});


describe('English: a whole named paragraphs before', () => {
  const release = (part: string, share: string) =>
    [
      'The number of unemployed persons, at 5.8 million, changed little in March.',
      '',
      'The number of long-term unemployed was little changed at 1.1 million in March. These',
      `individuals accounted for ${share} percent of all unemployed persons.`,
      '',
      `Among the unemployed, the number of permanent job losers increased by 172,000 to ${part}`,
      'million in March.',
      '',
    ].join('\n');

  test('"Among the unemployed" names the whole stated before; "accounted for P percent of all unemployed persons" too', () => {
    assert.deepEqual(codes(release('1.6', '18.9')), []);
    assert.deepEqual(codes(release('6.6', '18.9')), ['part-exceeds-whole']);
    assert.deepEqual(codes(release('1.6', '28.9')), ['rate-mismatch']);
  });

  test('the whole is the group the reference names, not a narrower one (the unemployed are not the long-term unemployed)', () => {
    const doc = service.parse(release('1.6', '18.9'));
    const part = relationsOf(doc).parts.find((r) => r.part.text.startsWith('1.6'));
    assert.equal(part?.whole.text, '5.8 million');
  });
});

describe('shares of one base, and points', () => {
  test('其中 splits a share into shares of the same base; a growth rate is not split so', () => {
    assert.deepEqual(codes('实行劳动改造的占百分之四十二点三，其中已经刑满释放的占百分之二十五点六，现在在押的占百分之十六点七。\n'), []);
    assert.deepEqual(codes('实行劳动改造的占百分之四十二点三，其中已经刑满释放的占百分之三十五点六，现在在押的占百分之十六点七。\n'), ['sum-mismatch']);
    assert.deepEqual(codes('出口增长22.5%，其中机电产品增长30.3%。\n'), []);
  });

  test('两点…：第一…第二… counted by its markers', () => {
    assert.deepEqual(codes('应该作两点基本估计：第一，方针是正确的。第二，成效是明显的。第三，问题仍然不少。\n'), ['count-mismatch']);
    assert.deepEqual(codes('应该作两点基本估计：第一，方针是正确的。第二，成效是明显的。\n'), []);
  });
});

describe('heading-sequence: numbered paragraphs count like headings', () => {
  test('一、…；二、…；四、… written as long paragraphs skips 三', () => {
    const items = (third: string) => `（一）总体要求\n\n一、我们任何时候都把维护和平作为自己的国际义务，坚决支持各国人民维护民族独立和发展民族经济的斗争，努力加强同它们的合作。\n\n二、我们坚持在和平共处五项原则的基础上同世界各国建立和发展关系，积极促进各国之间的团结，反对一切形式的霸权主义。\n\n${third}、我们主张各国的事情由各国人民自己决定，世界的事情由各国平等协商解决，积极促进地区和平与稳定。\n`;
    assert.deepEqual(codes(items('三')), []);
    assert.deepEqual(codes(items('四')), ['heading-sequence']);
  });
});

describe('change-mismatch: a comparison whose level stands in the sentence before', () => {
  test('如果同…的一百七十亿元作比较，则增长二点八倍 speaks of the level just stated', () => {
    const text = (times: string) => `一九五九年社会商品零售额计划达到六百五十亿元。如果同一九五零年的一百七十亿元作比较，则增长${times}倍。\n`;
    assert.deepEqual(codes(text('二点八')), []);
    // 650 / 170 = ×3.82: 增长三点八倍 is the ×N reading of 增长N倍, which multiple-mismatch reports (issue 15).
    assert.deepEqual(codes(text('三点八')), ['multiple-mismatch']);
    assert.deepEqual(codes(text('四点八')), ['change-mismatch']);
  });

  test('a change in between is no level for the year (…四十四万人，即增加一倍多；…比一九五七年增加百分之五十)', () => {
    const text = (percent: string) => `高等学校的学生，一九五二年有十九万人，到了一九五七年已经有四十四万人，即增加一倍多；一九五八年又比一九五七年增加百分之${percent}，达到六十六万人。\n`;
    assert.deepEqual(codes(text('五十')), []);
    assert.deepEqual(codes(text('八十')), ['change-mismatch']);
  });
});

describe('count-mismatch: parallel clauses after 即', () => {
  test('items that open with the same word, separated by commas, are counted; fewer than stated stay silent', () => {
    const text = (n: string) => `要坚持${n}项基本原则，即坚持社会主义道路，坚持人民民主专政，坚持共产党的领导，坚持马克思列宁主义毛泽东思想，这些原则都不能动摇。\n`;
    assert.deepEqual(codes(text('四')), []);
    assert.deepEqual(codes(text('三')), ['count-mismatch']);
    assert.deepEqual(codes('要落实三项措施，即加强监管，加强服务，同时推进改革。\n'), []);
  });
});

describe('precision: what the clauses cannot settle stays silent', () => {
  test('a 其中 list whose first parts make up the whole has ended; what follows is another breakdown', () => {
    assert.deepEqual(codes('全市固定资产投资5000亿元。其中，国有投资2000亿元；民间投资3000亿元；工业投资1500亿元。\n'), []);
    assert.deepEqual(codes('全市固定资产投资5000亿元。其中，国有投资2000亿元；民间投资3500亿元；工业投资1500亿元。\n'), ['sum-mismatch']);
  });

  test('a comparison after a sentence with two levels of its unit does not guess which is meant', () => {
    assert.deepEqual(codes('全市生产总值达到5000亿元，财政收入300亿元。与2020年的4000亿元相比，增长25%。\n'), []);
  });

  test('two levels stated for the year compared with: which is meant is unknown', () => {
    assert.deepEqual(codes('2019年全市生产总值4000亿元，财政收入300亿元；2020年又比2019年增长8%，达到4320亿元。\n'), []);
  });

  test('a share of another base is not a part of the share before it', () => {
    assert.deepEqual(codes('出口占全部贸易的30%，其中对欧洲出口占其出口的40%。\n'), []);
  });
});
