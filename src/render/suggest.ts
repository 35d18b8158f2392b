import type { ChalkInstance } from 'chalk';
import type { LabelLang } from '../analysis/labels.js';
import type { Candidate, KeyTerm, Suggestion } from '../coding/inductive/model.js';
import type { Corpus } from '../model.js';
import { toolInfo } from '../version.js';
import { attribution, excerptText, guillemets, percent } from './format.js';
import { JSON_VERSION, type codebookFields } from './json.js';

/** What the suggest renderers need besides the suggestion itself. */
export interface SuggestView {
  suggestion: Suggestion;
  corpus: Corpus;
  lang: LabelLang;
  /** Label of a codebook code, for overlaps. */
  label: (code: string) => string;
  /** What the JSON names as the codebooks used: see codebookFields in json.ts. */
  codebooks: ReturnType<typeof codebookFields>;
}

const HEAD = {
  nb: {
    title: 'Kandidattemaer', fixed: (k: number) => `k = ${k}, satt med --k`,
    auto: (s: Extract<Suggestion['kChoice'], { method: 'silhouette' }>, k: number) =>
      `k = ${k}, valgt automatisk: høyest gjennomsnittlig silhuett (cosinus) blant k = ${s.scores[0].k}–${s.scores[s.scores.length - 1].k}${s.balanced ? ' der ingen kandidat har over halvparten av segmentene' : ''}, på ${s.sample} segmenter (${silhouetteOf(s, k)}); sett k selv med --k`,
    considered: (s: Suggestion) => `${s.considered} ${s.uncodedOnly ? 'ukodede ' : ''}segmenter, ${s.clustered} med innholdsord de deler med andre`,
    segments: 'segm.', informants: 'inf.', new: 'ny', overlaps: 'overlapper med', terms: 'Nøkkelord',
    languages: (k: number, parts: string, fixed: boolean) => `k = ${k}${fixed ? ', satt med --k og delt på språkene etter antall segmenter' : ''}, hvert språk gruppert for seg: ${parts}${fixed ? '' : '; sett k selv med --k'}`,
    autoShort: (s: Extract<Suggestion['kChoice'], { method: 'silhouette' }>, k: number) =>
      `k = ${k}, valgt automatisk: høyest silhuett blant k = ${kRange(s)} (${silhouetteOf(s, k)})`,
    language: { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' },
    one: 'én kandidat, for få segmenter til å dele',
    none: 'ingen kandidat: segmentene deler ingen innholdsord',
    keyPhrases: 'Nøkkelfraser i materialet (summert TF-IDF)', group: (a: string, v: string) => `${a} = ${v} (log-likelihood G² mot resten)`,
  },
  en: {
    title: 'Candidate themes', fixed: (k: number) => `k = ${k}, set with --k`,
    auto: (s: Extract<Suggestion['kChoice'], { method: 'silhouette' }>, k: number) =>
      `k = ${k}, chosen automatically: highest mean silhouette (cosine) among k = ${s.scores[0].k}–${s.scores[s.scores.length - 1].k}${s.balanced ? ' where no candidate holds over half of the segments' : ''}, on ${s.sample} segments (${silhouetteOf(s, k)}); set k yourself with --k`,
    considered: (s: Suggestion) => `${s.considered} ${s.uncodedOnly ? 'uncoded ' : ''}segments, ${s.clustered} with content words they share with others`,
    segments: 'segm.', informants: 'inf.', new: 'new', overlaps: 'overlaps', terms: 'Key terms',
    languages: (k: number, parts: string, fixed: boolean) => `k = ${k}${fixed ? ', set with --k and shared out over the languages by their segments' : ''}, each language grouped on its own: ${parts}${fixed ? '' : '; set k yourself with --k'}`,
    autoShort: (s: Extract<Suggestion['kChoice'], { method: 'silhouette' }>, k: number) =>
      `k = ${k}, chosen automatically: highest silhouette among k = ${kRange(s)} (${silhouetteOf(s, k)})`,
    language: { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' },
    one: 'one candidate, too few segments to split',
    none: 'no candidate: its segments share no content words',
    keyPhrases: 'Key phrases of the corpus (summed TF-IDF)', group: (a: string, v: string) => `${a} = ${v} (log-likelihood G² against the rest)`,
  },
} as const;

/** "2–9", or "2" when only one k could be tried. */
function kRange(s: Extract<Suggestion['kChoice'], { method: 'silhouette' }>): string {
  const first = s.scores[0].k;
  const last = s.scores[s.scores.length - 1].k;
  return first === last ? `${first}` : `${first}–${last}`;
}

function silhouetteOf(s: Extract<Suggestion['kChoice'], { method: 'silhouette' }>, k: number): string {
  return `${s.scores.find((x) => x.k === k)?.silhouette.toFixed(3) ?? '?'}`;
}

/** How k was set, in a sentence; per language when the notes have more than one. */
export function kExplanation(s: Suggestion, lang: LabelLang): string {
  const h = HEAD[lang];
  if (!s.languages) return s.kChoice.method === 'fixed' ? h.fixed(s.k) : h.auto(s.kChoice, s.k);
  const parts = s.languages.map((p) => {
    const how = p.kChoice.method === 'silhouette' ? h.autoShort(p.kChoice, p.k)
      : s.kChoice.method === 'fixed' ? `k = ${p.k}` : `k = ${p.k}, ${p.k === 0 ? h.none : h.one}`;
    return `${h.language[p.language]}, ${p.segments} ${h.segments} (${how})`;
  });
  return h.languages(s.k, parts.join('; '), s.kChoice.method === 'fixed');
}

export function relation(c: Candidate, v: Pick<SuggestView, 'lang' | 'label'>): string {
  const h = HEAD[v.lang];
  if (c.relation === 'new') return h.new;
  // Codes of 10 % or more; when the coded half is spread thinner than that, the three largest.
  const large = c.overlaps.filter((o) => o.share >= 0.1);
  const shown = large.length > 0 ? large : c.overlaps.slice(0, 3);
  // From the counts: the stored share is rounded, and rounding it again can differ from the count's.
  return `${h.overlaps} ${shown.map((o) => `${v.label(o.code)} [${o.code}] ${percent(o.segments / c.segments.length)}`).join(', ')}`;
}

function termList(terms: readonly KeyTerm[]): string {
  return terms.map((t) => t.term).join(', ');
}

/** Words, then phrases after a semicolon: "tid, budsjett; mangel på tid, øremerkede midler". */
function wordsAndPhrases(terms: readonly KeyTerm[]): string {
  const words = termList(terms.filter((t) => t.kind === 'word'));
  const phrases = termList(terms.filter((t) => t.kind === 'phrase'));
  return [words, phrases].filter(Boolean).join('; ') || '–';
}

export function suggestTerminal(v: SuggestView, c: ChalkInstance): string {
  const h = HEAD[v.lang];
  const s = v.suggestion;
  const out: string[] = [c.bold(h.title), c.dim(kExplanation(s, v.lang)), c.dim(h.considered(s))];
  s.candidates.forEach((cand, i) => {
    out.push('', `${c.bold.cyan(`${i + 1}. ${cand.label}`)} ${c.dim(`[${cand.id}]`)}  ${cand.segments.length} ${h.segments}, ${cand.informants.length} ${h.informants}  ${cand.relation === 'new' ? c.green(relation(cand, v)) : relation(cand, v)}`);
    out.push(`   ${h.terms}: ${termList(cand.terms)}`);
    for (const q of cand.quotes) {
      out.push(`   ${excerptText(q, v.lang)}`);
      out.push(c.dim(`     ${attribution(q, v.lang)} ${q.file}:${q.line}`));
    }
  });
  out.push('', c.bold(h.keyPhrases), `   ${wordsAndPhrases(s.keyPhrases.corpus)}`);
  for (const g of s.keyPhrases.groups) out.push(c.bold(h.group(g.attribute, g.value)), `   ${wordsAndPhrases(g.terms)}`);
  return `${out.join('\n')}\n`;
}

export function suggestMarkdown(v: SuggestView): string {
  const h = HEAD[v.lang];
  const s = v.suggestion;
  const out: string[] = [`## ${h.title}`, '', `${kExplanation(s, v.lang)}. ${h.considered(s)}.`];
  for (const cand of s.candidates) {
    out.push('', `### ${cand.label} (\`${cand.id}\`)`, '', `${cand.segments.length} ${h.segments}, ${cand.informants.length} ${h.informants}; ${relation(cand, v)}.`, '', `${h.terms}: ${termList(cand.terms)}`, '');
    for (const q of cand.quotes) out.push(`> ${excerptText(q, v.lang)} ${attribution(q, v.lang)}  `, `> \`${q.file}:${q.line}\``, '');
  }
  out.push('', `## ${h.keyPhrases}`, '', wordsAndPhrases(s.keyPhrases.corpus));
  for (const g of s.keyPhrases.groups) out.push('', `### ${h.group(g.attribute, g.value)}`, '', wordsAndPhrases(g.terms));
  return `${out.join('\n')}\n`;
}

export function suggestJson(v: SuggestView): string {
  const tool = toolInfo();
  const s = v.suggestion;
  const segments = new Map(v.corpus.segments.map((x) => [x.id, x]));
  const paths = new Map(v.corpus.documents.map((d) => [d.id, d.path]));
  return `${JSON.stringify({
    version: JSON_VERSION,
    tool: { name: tool.name, version: tool.version },
    command: 'suggest',
    ...v.codebooks,
    k: s.k,
    kChoice: { ...s.kChoice, explanation: kExplanation(s, v.lang) },
    seed: s.seed,
    ...(s.languages ? { languages: s.languages } : {}),
    segments: { considered: s.considered, clustered: s.clustered, uncodedOnly: s.uncodedOnly },
    candidates: s.candidates.map((c) => ({ ...c, overlaps: c.overlaps.map((o) => ({ ...o, label: v.label(o.code) })) })),
    keyPhrases: {
      corpus: { statistic: 'summed TF-IDF', terms: s.keyPhrases.corpus },
      groups: s.keyPhrases.groups.map((g) => ({ ...g, statistic: 'log-likelihood G2' })),
    },
    assignments: s.assignments.map((a) => {
      const seg = segments.get(a.segment)!;
      return { ...a, file: paths.get(seg.document) ?? seg.document, line: seg.line };
    }),
  }, null, 2)}\n`;
}
