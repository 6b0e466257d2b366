import type { Root } from 'mdast';

/*
 * The Markdown parser (micromark with GFM, front matter and CJK-friendly emphasis) is published as
 * ES modules only, while the compiled tests and tools are CommonJS. `require` of an ES module
 * works from Node 20.19 / 22.12 on (require(esm)), and esbuild turns these requires into plain
 * bundled code for the server and CLI, which therefore run on any Node or Electron. The types
 * come from the packages themselves, read as ES modules.
 */
type FromMarkdown = typeof import('mdast-util-from-markdown', { with: { 'resolution-mode': 'import' } });
type Gfm = typeof import('micromark-extension-gfm', { with: { 'resolution-mode': 'import' } });
type GfmMdast = typeof import('mdast-util-gfm', { with: { 'resolution-mode': 'import' } });
type Frontmatter = typeof import('micromark-extension-frontmatter', { with: { 'resolution-mode': 'import' } });
type FrontmatterMdast = typeof import('mdast-util-frontmatter', { with: { 'resolution-mode': 'import' } });
type CjkFriendly = typeof import('micromark-extension-cjk-friendly', { with: { 'resolution-mode': 'import' } });
type CjkStrikethrough = typeof import('micromark-extension-cjk-friendly-gfm-strikethrough', { with: { 'resolution-mode': 'import' } });

type Options = NonNullable<Parameters<FromMarkdown['fromMarkdown']>[1]>;

let options: Options | undefined;

/** Loaded on first use, so that plain-text reports never pay for the Markdown parser. */
function markdownOptions(): Options {
  if (options) return options;
  const { gfm } = require('micromark-extension-gfm') as Gfm;
  const { gfmFromMarkdown } = require('mdast-util-gfm') as GfmMdast;
  const { frontmatter } = require('micromark-extension-frontmatter') as Frontmatter;
  const { frontmatterFromMarkdown } = require('mdast-util-frontmatter') as FrontmatterMdast;
  const { cjkFriendlyExtension } = require('micromark-extension-cjk-friendly') as CjkFriendly;
  const { gfmStrikethroughCjkFriendly } = require('micromark-extension-cjk-friendly-gfm-strikethrough') as CjkStrikethrough;
  const matters = ['yaml', 'toml'] as const;
  options = {
    // CJK-friendly emphasis after GFM, as its documentation asks: `**强调**。` is strong emphasis.
    extensions: [frontmatter([...matters]), gfm(), cjkFriendlyExtension(), gfmStrikethroughCjkFriendly()],
    mdastExtensions: [frontmatterFromMarkdown([...matters]), gfmFromMarkdown()],
  };
  return options;
}

/** How many characters the parser has read, and in how many calls: what the tests hold the readers' work to. */
export const parserWork = { characters: 0, calls: 0 };

/** The CommonMark + GFM syntax tree of `text`, every node with its offsets. */
export function markdownTree(text: string): Root {
  const { fromMarkdown } = require('mdast-util-from-markdown') as FromMarkdown;
  parserWork.characters += text.length;
  parserWork.calls++;
  return fromMarkdown(text, markdownOptions());
}
