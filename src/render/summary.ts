import type { LabelLang } from '../analysis/labels.js';
import type { InductiveSummary } from '../coding/inductive/summary.js';
import { MIN_TO_GROUP } from '../coding/inductive/index.js';
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
    none: (why: string) => `Ingen kandidater blant dem${why}.`,
    /** Why, in words, by the inductive pass's diagnostic code (JSON keeps the code). */
    why: {
      SUGGEST_TOO_FEW_SEGMENTS: `: for få til å gruppere (det induktive passet trenger minst ${MIN_TO_GROUP} segmenter som deler innholdsord)`,
      SUGGEST_NO_CONTENT_WORDS: ': de har bare stoppord, tall eller svært korte ord, og det induktive passet grupperer etter innholdsord',
    } as Record<string, string>,
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
    none: (why: string) => `No candidates among them${why}.`,
    why: {
      SUGGEST_TOO_FEW_SEGMENTS: `: too few to group (the inductive pass needs at least ${MIN_TO_GROUP} segments that share content words)`,
      SUGGEST_NO_CONTENT_WORDS: ': they have only stop words, numbers or very short words, and the inductive pass groups by content words',
    } as Record<string, string>,
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
    // In words; a code without words (none is known today) as it is.
    if (s.uncoded > 0) lines.push(t.none(s.none === undefined ? '' : t.why[s.none] ?? ` (${s.none})`));
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
