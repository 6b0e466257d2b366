// Writes the Word documents the tests read (test/fixtures/docx/), from XML written here, with jszip.
// The files (and examples/statistical-bulletin-zh.docx) are committed; run `node scripts/make-docx-fixtures.mjs` again after changing this script.
// Good documents: a Chinese report (headings numbered by Word, a numbered list, a table, a planted
// rate mismatch). Broken ones: not a zip, encrypted (an OLE compound file), truncated, a zip bomb,
// a zip that is not a Word document.
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const OUT = new URL('../test/fixtures/docx/', import.meta.url);
mkdirSync(OUT, { recursive: true });

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

/** A paragraph; `style` a paragraph style id, `num` [numId, level] for a list numbered on the paragraph. */
function p(text, { style, num } = {}) {
  const props = [style && `<w:pStyle w:val="${style}"/>`, num && `<w:numPr><w:ilvl w:val="${num[1]}"/><w:numId w:val="${num[0]}"/></w:numPr>`].filter(Boolean).join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${run(text)}</w:p>`;
}

function table(rows) {
  const cell = (text) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${p(text)}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

const documentXml = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`;

// Heading 1 and Heading 2 numbered by Word as 一、 and （一）, as Chinese reports are set up; lists numbered on the
// paragraphs themselves: list 2 "1." "2.", list 3 "（一）" with "1." under it.
const numberingXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%1）"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`;

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`;

async function docx(body) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', contentTypes);
  zip.file('_rels/.rels', packageRels);
  zip.file('word/document.xml', documentXml(body));
  zip.file('word/_rels/document.xml.rels', documentRels);
  zip.file('word/styles.xml', stylesXml);
  zip.file('word/numbering.xml', numberingXml);
  // A fixed date keeps the files byte-for-byte the same from one run to the next.
  for (const file of Object.values(zip.files)) file.date = new Date(Date.UTC(2025, 0, 1));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const report = [
  p('云澜市2025年国民经济和社会发展统计公报', { style: 'Title' }),
  p('经济运行', { style: 'Heading1' }),
  p('工业生产', { style: 'Heading2' }),
  p('全年规模以上工业增加值增长7.1%。高新技术企业由320家增至410家，增长18.1%。'),
  p('项目建设', { style: 'Heading2' }),
  p('全年新开工重大产业项目45个，其中：'),
  p('先进制造业项目21个；', { num: [2, 0] }),
  p('现代服务业项目15个；', { num: [2, 0] }),
  p('现代农业项目9个。', { num: [2, 0] }),
  p('社会民生', { style: 'Heading1' }),
  p('主要指标如下表。'),
  table([
    ['指标', '2025年', '比上年增长'],
    ['城镇居民人均可支配收入', '5.26万元', '4.9%'],
    ['农村居民人均可支配收入', '2.43万元', '6.7%'],
  ]),
  p('城镇居民人均可支配收入由5.01万元增至5.26万元，增长5.0%。'),
  p('下一步将重点抓好两项工作：'),
  p('稳定工业增长', { num: [3, 0] }),
  p('扩大有效投资', { num: [3, 0] }),
  p('加快重大项目建设。', { num: [3, 1] }),
  p('用好专项债券。', { num: [3, 1] }),
].join('');

writeFileSync(new URL('report-zh.docx', OUT), await docx(report));
// The same document with the mismatch corrected: the editor tests write it over the example to see the report refresh.
writeFileSync(new URL('report-zh-fixed.docx', OUT), await docx(report.replace('增长18.1%', '增长28.1%')));
// The same document as an example users can open with "Open Word Document as Report" (the editor tests and the screenshot use it).
writeFileSync(new URL('../examples/statistical-bulletin-zh.docx', import.meta.url), await docx(report));

const good = await docx(report);
// Cut in the middle of its parts: the directory at the end is gone.
writeFileSync(new URL('truncated.docx', OUT), good.subarray(0, Math.floor(good.length / 2)));
writeFileSync(new URL('not-a-zip.docx', OUT), '这不是 Word 文档，只是改了扩展名的文本。\n');
// The signature and header of a Compound File Binary, which is how Word saves a document with a password.
const ole = Buffer.alloc(4096);
Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
ole.writeUInt16LE(0x3e, 24);
ole.writeUInt16LE(0x03, 26);
ole.writeUInt16LE(0xfffe, 28);
ole.write('EncryptionInfo', 512, 'utf16le');
writeFileSync(new URL('encrypted.docx', OUT), ole);

const other = new JSZip();
other.file('readme.txt', 'a zip archive, but no Word document');
for (const file of Object.values(other.files)) file.date = new Date(Date.UTC(2025, 0, 1));
writeFileSync(new URL('not-word.docx', OUT), await other.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

writeFileSync(new URL('bomb.docx', OUT), bomb());

/**
 * A zip bomb: word/document.xml inflates to 120 MB (more than 5 × the default 20 MB limit) from about
 * 120 kB, and the directory claims it is 2 kB, so only a bound on what is really inflated stops it.
 */
function bomb() {
  const declared = 2048;
  const data = deflateRawSync(Buffer.alloc(120 * 1024 * 1024, 0x20), { level: 9 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
