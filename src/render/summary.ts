import type { LabelLang } from '../analysis/labels.js';
import type { InductiveSummary } from '../coding/inductive/summary.js';
import { percent } from './format.js';

const TEXT = {
  nb: {
    title: 'Induktivt sammendrag',
    share: (s: InductiveSummary) => `${s.uncoded} av ${s.segments} segmenter (${percent(uncodedShare(s))}) fikk ingen kode fra kodeboka.`,
    top: 'Største kandidater blant dem (themes suggest --uncoded viser alt):',
    sample: (n: number) => `Største kandidater i et jevnt utvalg av ${n} av dem (themes suggest --uncoded viser alt):`,
    none: (why: string) => `Ingen kandidater blant dem (${why}).`,
    segs: 'segm.', inf: 'inf.',
  },
  en: {
    title: 'Inductive summary',
    share: (s: InductiveSummary) => `${s.uncoded} of ${s.segments} segments (${percent(uncodedShare(s))}) got no code from the codebook.`,
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

/** The inductive summary as plain lines: a title, the uncoded share, the top candidates. */
export function summaryLines(s: InductiveSummary, lang: LabelLang): string[] {
  const t = TEXT[lang];
  const lines = [t.title, t.share(s)];
  if (s.candidates.length === 0) {
    if (s.uncoded > 0) lines.push(t.none(s.none ?? ''));
    return lines;
  }
  lines.push(s.sample ? t.sample(s.sample) : t.top);
  s.candidates.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label} (${c.segments} ${t.segs}, ${c.informants} ${t.inf}): ${c.terms.join(', ')}`));
  return lines;
}

export function summaryMarkdown(s: InductiveSummary, lang: LabelLang): string {
  const [title, ...rest] = summaryLines(s, lang);
  return `## ${title}\n\n${rest.map((l) => (/^  \d+\. /.test(l) ? l.replace(/^  (\d+)\. /, '$1. ') : l)).join('\n')}\n`;
}
