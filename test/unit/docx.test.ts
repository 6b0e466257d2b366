/** Word documents (issue 14, item 1): extraction, the four commands on a .docx, and bad input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { extractDocx, sentenceAt } from '../../server/src/docx/extract';
import { formatNumber } from '../../server/src/docx/numbering';
import { cliAsync } from '../support/cli';
import { fixturePath, ROOT } from '../support/paths';

const REPORT = fixturePath('docx', 'report-zh.docx');
const CLI = path.join(ROOT, 'bin', 'report-lens.js');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

describe('Word documents: extraction', () => {
  test('paragraphs one a line, Word\'s heading and list numbers written in, a table row a line with tab-separated cells', async () => {
    const { text, paragraphs } = await extractDocx(readFileSync(REPORT), 20_000_000);
    assert.deepEqual(paragraphs, text.split('\n'));
    assert.deepEqual(paragraphs.slice(0, 3), ['云澜市2025年国民经济和社会发展统计公报', '一、经济运行', '（一）工业生产']);
    assert.equal(paragraphs[4], '（二）项目建设', 'the second Heading 2 under 一、 is （二）');
    assert.deepEqual(paragraphs.slice(6, 9), ['1. 先进制造业项目21个；', '2. 现代服务业项目15个；', '3. 现代农业项目9个。']);
    assert.equal(paragraphs[9], '二、社会民生');
    assert.equal(paragraphs[12], '城镇居民人均可支配收入\t5.26万元\t4.9%');
    assert.deepEqual(paragraphs.slice(16), ['（一）稳定工业增长', '（二）扩大有效投资', '1. 加快重大项目建设。', '2. 用好专项债券。'], 'a list numbered on the paragraphs has its own format and levels');
  });

  test('Word\'s number formats: 一 十 十二 二十 一百零五, ①, roman, letters', () => {
    assert.deepEqual([1, 10, 12, 20, 105].map((n) => formatNumber(n, 'chineseCounting')), ['一', '十', '十二', '二十', '一百零五']);
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(14, 'upperRoman'), 'XIV');
    assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
    assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
  });

  test('the sentence around a position ends at 。！？； or at a table cell', () => {
    const paragraph = '全年增长7.1%。高新技术企业由320家增至410家，增长18.1%。';
    assert.equal(sentenceAt(paragraph, paragraph.indexOf('18.1')), '高新技术企业由320家增至410家，增长18.1%。');
    assert.equal(sentenceAt(paragraph, 2), '全年增长7.1%。');
    assert.equal(sentenceAt('收入\t5.26万元\t4.9%', 4), '5.26万元');
  });

  test('a document whose parts unpack past 5 × the limit is refused, even when its directory understates them', async () => {
    const small = readFileSync(REPORT);
    await assert.rejects(extractDocx(small, 1000), /unpack to more than 5000 bytes/);
    const started = Date.now();
    await assert.rejects(extractDocx(readFileSync(fixturePath('docx', 'bomb.docx')), 20_000_000), /may be a zip bomb/);
    assert.ok(Date.now() - started < 10_000, 'stopped at the limit, not after 120 MB');
  });

  test('entities declared in the document (a "billion laughs") are not expanded: an error, at once', async () => {
    const entities = ['<!ENTITY a0 "hahahahahahahahahaha">', ...Array.from({ length: 11 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)];
    const zip = new JSZip();
    zip.file('word/document.xml', `<?xml version="1.0"?><!DOCTYPE w:document [${entities.join('')}]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&a11;</w:t></w:r></w:p></w:body></w:document>`);
    const started = Date.now();
    await assert.rejects(extractDocx(await zip.generateAsync({ type: 'uint8array' }), 20_000_000), /not a Word document Report Lens can read \([^\n]*entity not found/);
    assert.ok(Date.now() - started < 5_000);
  });

  test('tables nested thousands deep are an error of that file, not a crash', async () => {
    let body = '<w:p><w:r><w:t>x</w:t></w:r></w:p>';
    for (let i = 0; i < 5000; i++) body = `<w:tbl><w:tr><w:tc>${body}</w:tc></w:tr></w:tbl>`;
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
    await assert.rejects(extractDocx(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 20_000_000), /not a Word document Report Lens can read/);
  });

  test('Word\'s counting: lists of one definition count on, a list Word restarted starts again, an item restarts the levels below it', async () => {
    const level = (ilvl: number, format: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="7">${level(0, 'decimal', '%1.')}${level(1, 'lowerLetter', '%1.%2)')}</w:abstractNum>`
      + '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
      + '<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
      + '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>';
    const item = (text: string, numId: number, ilvl = 0) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = [item('甲', 1), item('乙', 1), item('乙一', 1, 1), item('乙二', 1, 1), item('丙', 1), item('丙一', 1, 1), item('重新开始', 2), item('接着', 2), item('接续第一个列表', 3)].join('');
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
    zip.file('word/numbering.xml', numbering);
    zip.file('word/_rels/document.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>');
    const { paragraphs } = await extractDocx(await zip.generateAsync({ type: 'uint8array' }), 20_000_000);
    assert.deepEqual(paragraphs, ['1. 甲', '2. 乙', '2.a) 乙一', '2.b) 乙二', '3. 丙', '3.a) 丙一', '1. 重新开始', '2. 接着', '4. 接续第一个列表']);
  });

  test('a zip made by another tool with the parts Word needs is read too (jszip, no numbering part)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>第一段。</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>第二段</w:t><w:br/><w:t>续行。</w:t></w:r></w:p></w:body></w:document>');
    const { paragraphs } = await extractDocx(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 20_000_000);
    assert.deepEqual(paragraphs, ['第一段。', '第二段 续行。'], 'an empty paragraph takes no line; a line break stays in its paragraph');
  });
});

describe('Word documents: the CLI', () => {
  test('check names the paragraph and quotes the sentence of a planted mismatch, and exits 1', async () => {
    const { code, stdout } = await cliAsync('check', REPORT);
    assert.equal(code, 1);
    assert.match(stdout, /report-zh\.docx ¶4: error change-mismatch: Stated an increase of 18\.1%, but from 320家 to 410家 is an increase of 28\.13%\n {4}「高新技术企业由320家增至410家，增长18\.1%。」\n/);
    assert.match(stdout, /1 error, 0 warnings in 1 file/);
  });

  test('the example in examples/ is this document, so its README\'s one planted finding is all check reports', () => {
    assert.deepEqual(readFileSync(path.join(ROOT, 'examples', 'statistical-bulletin-zh.docx')), readFileSync(REPORT));
  });

  test('check --format json and sarif give line:column of the extracted text', async () => {
    const json = JSON.parse((await cliAsync('check', '--format', 'json', REPORT)).stdout) as { diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[];
    const finding = json[0]!.diagnostics.find((d) => d.code === 'change-mismatch')!;
    assert.equal(finding.range.start.line, 3, 'paragraph 4 is line 4 (0-based 3)');
    const sarif = JSON.parse((await cliAsync('check', '--format', 'sarif', REPORT)).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const location = sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    assert.match(location.artifactLocation.uri, /report-zh\.docx$/);
    assert.equal(location.region.startLine, 4);
  });

  test('outline, figures and relations read the .docx and name paragraphs', async () => {
    const outline = await cliAsync('outline', REPORT);
    assert.equal(outline.code, 0);
    assert.match(outline.stdout, /¶2 {4}一、经济运行\n\s+¶3 {6}（一）工业生产\n/);
    assert.match(outline.stdout, /¶10 {4}二、社会民生/);
    interface Outline { name: string; children?: Outline[] }
    const symbols = JSON.parse((await cliAsync('outline', '--format', 'json', REPORT)).stdout) as Outline[];
    assert.deepEqual(symbols[0]!.children!.map((s) => s.name), ['一、经济运行', '二、社会民生']);
    assert.deepEqual(symbols[0]!.children![1]!.children!.map((s) => s.name), ['指标 | 2025年 | 比上年增长', '（一）稳定工业增长', '（二）扩大有效投资'], 'the table stands in the outline under its section');
    const figures = await cliAsync('figures', REPORT);
    assert.match(figures.stdout, /\n¶4 +18\.1% +percent/);
    const relations = await cliAsync('relations', '--locale', 'en', REPORT);
    assert.match(relations.stdout, /report-zh\.docx ¶4: ✗ change/);
  });
});

describe('Word documents in folders and globs (issue 14: a folder of Word reports is what a team checks)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'report-lens-docx-folder-'));
    mkdirSync(path.join(root, 'q1'));
    copyFileSync(REPORT, path.join(root, 'q1', 'bulletin.docx'));
    copyFileSync(fixturePath('docx', 'report-zh-fixed.docx'), path.join(root, 'fixed.docx'));
    writeFileSync(path.join(root, 'notes.txt'), '全年完成投资100亿元。\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a folder is walked for .docx as well as .report, and each Word document is read and checked', async () => {
    const { code, stdout, stderr } = await cliAsync('check', root);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.match(stdout, /bulletin\.docx ¶4: error change-mismatch/);
    assert.match(stdout, /1 error, 0 warnings.* in 2 files/);
  });

  test('a glob naming Word documents reads them too', async () => {
    const { code, stdout, stderr } = await cliAsync('check', '--format', 'json', `${root}/**/*.docx`);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const files = (JSON.parse(stdout) as { path: string; diagnostics: { code: string }[] }[]).map((f) => [path.basename(f.path), f.diagnostics.map((d) => d.code)]);
    assert.deepEqual(files, [['fixed.docx', []], ['bulletin.docx', ['change-mismatch']]]);
  });
});

describe('Word documents: bad input gets a clear error and exit 2, never a crash or a hang', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'report-lens-docx-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const cases: [string, RegExp][] = [
    ['not-a-zip.docx', /not-a-zip\.docx: it is not a Word document: a \.docx is a zip archive, and this file is not one/],
    ['encrypted.docx', /encrypted\.docx: it is password-protected \(encrypted\) or an old binary \.doc/],
    ['truncated.docx', /truncated\.docx: the archive is truncated or damaged/],
    ['bomb.docx', /bomb\.docx: its parts unpack to more than 100000000 bytes .* it may be a zip bomb/],
    ['not-word.docx', /not-word\.docx: it is a zip archive but not a Word document/],
  ];
  for (const [name, message] of cases) {
    test(`${name}: every command exits 2 and says why`, async () => {
      for (const command of ['check', 'outline', 'figures', 'relations']) {
        const { code, stderr } = await cliAsync(command, fixturePath('docx', name));
        assert.equal(code, 2, command);
        assert.match(stderr, message, command);
      }
    });
  }

  test('check goes on with the other files after a bad one, and still exits 2', async () => {
    const { code, stdout, stderr } = await cliAsync('check', fixturePath('docx', 'truncated.docx'), REPORT);
    assert.equal(code, 2);
    assert.match(stderr, /truncated\.docx/);
    assert.match(stdout, /report-zh\.docx ¶4: error change-mismatch/);
  });

  test('a 200 MB .docx is refused by its size before it is read (the built CLI, within seconds)', () => {
    const file = path.join(root, 'huge.docx');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no 200 MB written to the disk
    closeSync(fd);
    const started = Date.now();
    const result = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.signal, null, 'it hung');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /huge\.docx: it is 209715200 bytes, larger than the limit of 20000000 bytes/);
    assert.ok(Date.now() - started < 10_000);
  });

  test('the built CLI reads a .docx and refuses a zip bomb without hanging', () => {
    const good = spawnSync(process.execPath, [CLI, 'outline', REPORT], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(good.status, 0);
    assert.match(good.stdout, /一、经济运行/);
    const bomb = spawnSync(process.execPath, [CLI, 'check', fixturePath('docx', 'bomb.docx')], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(bomb.signal, null, 'it hung');
    assert.equal(bomb.status, 2);
    assert.match(bomb.stderr, /zip bomb/);
  });

  test('check takes the size limit of a Word document from the project\'s report-lens.json, and --max-file-size over it', async () => {
    const project = path.join(root, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, 'report-lens.json'), JSON.stringify({ maxFileSize: 1000 }));
    const file = path.join(project, 'report.docx');
    writeFileSync(file, readFileSync(REPORT));
    const limited = await cliAsync('check', file);
    assert.equal(limited.code, 2);
    assert.match(limited.stderr, /report\.docx: it is \d+ bytes, larger than the limit of 1000 bytes/);
    assert.equal((await cliAsync('check', '--max-file-size', '20000000', file)).code, 1, 'read, and its planted mismatch found');
  });

  test('a file named .docx that is really text is not read as a report', async () => {
    const file = path.join(root, 'renamed.docx');
    writeFileSync(file, '一、总体情况\n完成1676个。\n');
    const { code, stderr } = await cliAsync('outline', file);
    assert.equal(code, 2);
    assert.match(stderr, /not a Word document/);
  });
});
