import type { LabelLang } from '../analysis/labels.js';
import type { InductiveSummary } from '../coding/inductive/summary.js';
import { percent } from './format.js';

const TEXT = {
  nb: {
    title: 'Induktivt sammendrag',
    share: (s: InductiveSummary) => `${s.uncoded} av ${s.segments} segmenter (${percent(uncodedShare(s))}) fikk ingen kode fra kodeboka.`,
    humanShare: (s: InductiveSummary) => `${s.uncoded} av ${s.segments} segmenter (${percent(uncodedShare(s))}) har ingen kode i håndkodingen ({#kode}-merkene i notatene).`,
    humanTop: 'Største kandidater blant dem:',
    humanSample: (n: number) => `Største kandidater i et jevnt utvalg av ${n} av dem:`,
    top: 'Største kandidater blant dem (themes suggest --uncoded viser alt):',
    sample: (n: number) => `Største kandidater i et jevnt utvalg av ${n} av dem (themes suggest --uncoded viser alt):`,
    none: (why: string) => `Ingen kandidater blant dem (${why}).`,
    segs: 'segm.', inf: 'inf.',
  },
  en: {
    title: 'Inductive summary',
    share: (s: InductiveSummary) => `${s.uncoded} of ${s.segments} segments (${percent(uncodedShare(s))}) got no code from the codebook.`,
    humanShare: (s: InductiveSummary) => `${s.uncoded} of ${s.segments} segments (${percent(uncodedShare(s))}) have no code in the hand coding (the notes' {#code} marks).`,
    humanTop: 'Largest candidates among them:',
    humanSample: (n: number) => `Largest candidates in an even sample of ${n} of them:`,
    top: 'Largest candidates among them (themes suggest --uncoded shows all):',
    sample: (n: number) => `Largest candidates in an even sample of ${n} of them (themes suggest --uncoded shows all):`,
    none: (why: string) => `No candidates among them (${why}).`,
    segs: 'segm.', inf: 'inf.',
  },
} as const;

/** The uncoded share from the counts: `share` is stored rounded to four decimals, and 198/199 rounded twice is 100 %. */
function uncodedShare(s: InductiveSummary): number {
  return s.segments > 0 ? s.uncoded / s.segments : 0;
}

/**
 * The inductive summary as plain lines: a title, the uncoded share, the top candidates. With
 * `human` (themes code --human) the codings are the notes' marks: the uncoded share is of the hand
 * coding, and `themes suggest --uncoded`, which leaves out what the codebook codes, is not named.
 */
export function summaryLines(s: InductiveSummary, lang: LabelLang, human = false): string[] {
  const t = TEXT[lang];
  const lines = [t.title, human ? t.humanShare(s) : t.share(s)];
  if (s.candidates.length === 0) {
    if (s.uncoded > 0) lines.push(t.none(s.none ?? ''));
    return lines;
  }
  lines.push(s.sample ? (human ? t.humanSample(s.sample) : t.sample(s.sample)) : human ? t.humanTop : t.top);
  s.candidates.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label} (${c.segments} ${t.segs}, ${c.informants} ${t.inf}): ${c.terms.join(', ')}`));
  return lines;
}

export function summaryMarkdown(s: InductiveSummary, lang: LabelLang, human = false): string {
  const [title, ...rest] = summaryLines(s, lang, human);
  return `## ${title}\n\n${rest.map((l) => (/^  \d+\. /.test(l) ? l.replace(/^  (\d+)\. /, '$1. ') : l)).join('\n')}\n`;
}
