/**
 * Site selection from the text itself: every finder reads surface patterns (sitesZh.ts, sitesEn.ts,
 * sitesHeadings.ts), whether or not the extractor finds a relation there. Then, with a fixed seed,
 * at most MAX_PER_KIND sites of each kind are sampled per document and one slip is planted in each.
 */
import { Rng } from './random';
import { READING_KINDS, readParagraphs, type Paragraph, SITE_KINDS, type ReportText, type Site, type SiteKind } from './siteKit';
import { readingSitesEn, readingSitesZh } from './sitesReadings';
import { enSites } from './sitesEn';
import { enMultipleSites, enShareSites, tableSites, zhShareSites } from './sitesShares';
import { headingSites } from './sitesHeadings';
import { zhSites } from './sitesZh';
import type { Language, Span } from './text';

export const DEFAULT_SEED = 20240917;

/** Sites sampled per kind per document: enough to spread over the corpus, few enough to run in seconds. */
export const MAX_PER_KIND = 4;

/** Every site the patterns find in a document, in text order within each kind. */
export function findSites(doc: ReportText): Site[] {
  const finder = doc.language === 'zh' ? (p: Paragraph) => [...zhSites(p), ...zhShareSites(p), ...readingSitesZh(p)] : (p: Paragraph) => [...enSites(p), ...enShareSites(p), ...readingSitesEn(p), ...enMultipleSites(p)];
  const seen = new Set<string>();
  const out: Site[] = [];
  // A table is a block of lines between blank lines in either language (a Chinese paragraph is one line).
  const tables = readParagraphs({ ...doc, language: 'en' }).flatMap(tableSites);
  for (const site of [...readParagraphs(doc).flatMap(finder), ...headingSites(doc), ...tables]) {
    // One site per kind and sentence: two patterns over the same sentence test the same thing.
    const key = `${site.kind}@${site.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(site);
  }
  return out;
}

export interface TextMutation {
  readonly id: string;
  readonly kind: SiteKind;
  readonly language: Language;
  readonly base: string;
  readonly pattern: string;
  readonly note: string;
  /** The mutated document. */
  readonly text: string;
  /** The site's sentence(s): in the original, and where they stand in the mutated text. */
  readonly originalSpan: Span;
  readonly span: Span;
}

export interface Planting {
  /** Sites found, per document and kind (before sampling). */
  readonly found: readonly { readonly base: string; readonly language: Language; readonly kind: SiteKind; readonly count: number }[];
  readonly mutations: readonly TextMutation[];
}

/** Finds the sites of every document, samples them with `seed`, and plants one slip in each. */
export function plantText(docs: readonly ReportText[], seed = DEFAULT_SEED, maxPerKind = MAX_PER_KIND): Planting {
  const rng = new Rng(seed);
  const readingRng = new Rng(seed + 1);
  const found: Planting['found'][number][] = [];
  const mutations: TextMutation[] = [];
  for (const doc of docs) {
    const sites = findSites(doc);
    for (const kind of SITE_KINDS) {
      const mine = sites.filter((s) => s.kind === kind);
      found.push({ base: doc.name, language: doc.language, kind, count: mine.length });
      const stream = READING_KINDS.includes(kind) ? readingRng : rng;
      for (const site of stream.sample(mine, maxPerKind).sort((a, b) => a.span.start - b.span.start)) {
        const planted = site.plant(stream);
        if (!planted) continue;
        let text = doc.text;
        let shift = 0;
        for (const edit of [...planted.edits].sort((a, b) => b.start - a.start)) {
          text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
          shift += edit.text.length - (edit.end - edit.start);
        }
        if (text === doc.text) continue;
        mutations.push({
          id: `${String(mutations.length + 1).padStart(4, '0')}-${kind}`,
          kind,
          language: doc.language,
          base: doc.name,
          pattern: site.pattern,
          note: planted.note,
          text,
          originalSpan: site.span,
          span: { start: site.span.start, end: site.span.end + shift },
        });
      }
    }
  }
  return { found, mutations };
}
