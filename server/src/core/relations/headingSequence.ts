import type { Heading, ReportDocument, Section } from '../model';
import type { HeadingSequenceRelation } from './types';

/**
 * Numbered headings among siblings must count up by one: 一、二、四 skips 三,
 * （一）（一） repeats. Only consecutive siblings of the same numbering
 * style are compared, so a list that starts at 3 on purpose is left alone.
 */
export function findHeadingSequences(doc: ReportDocument): HeadingSequenceRelation[] {
  const relations: HeadingSequenceRelation[] = [];
  const visit = (sections: readonly Section[]): void => {
    let previous: Heading | undefined;
    let expected = 0;
    for (const section of sections) {
      const heading = section.heading;
      const numbering = heading.numbering;
      if (numbering && previous?.numbering && previous.numbering.style === numbering.style && samePrefix(previous, heading) && numberedStyle(numbering.style)) {
        if (numbering.value !== expected) relations.push({ type: 'heading-sequence', heading, previous, expected, consistent: false });
      }
      if (numbering && numberedStyle(numbering.style)) {
        // Continue from the number written, so one skip is reported once, not at every later heading.
        previous = heading;
        expected = numbering.value + 1;
      }
      visit(section.children);
    }
  };
  visit(doc.sections);
  return relations;
}

function numberedStyle(style: string): boolean {
  return style !== 'markdown' && style !== 'setext' && style !== 'caps' && style !== 'unnumbered';
}

/** 1.1 and 1.2 are siblings; 1.2 and 2.1 are not. */
function samePrefix(a: Heading, b: Heading): boolean {
  const pa = a.numbering!.path;
  const pb = b.numbering!.path;
  if (pa.length !== pb.length) return false;
  for (let i = 0; i < pa.length - 1; i++) if (pa[i] !== pb[i]) return false;
  return true;
}
