import type { LabelLang } from '../analysis/labels.js';
import { plural } from '../util/plural.js';

/** Captions and column headers of the appendix tables and the HTML report, in bokmål and English. */
const TEXT = {
  nb: {
    frequencies: 'Temaer og koder: antall segmenter og informanter',
    crosstab: (a: string) => `Temaer og koder fordelt på ${a}: informanter og segmenter`,
    matrix: 'Koder per informant',
    matrixCounts: 'Koder per informant (antall segmenter)',
    areas: 'Hemmere og fremmere etter område (antall informanter)',
    cooccurrence: 'Samforekomst av koder i samme segment og hos samme informant',
    numeric: 'Tallverdier per informant',
    numericSummary: (a?: string) => (a ? `Tallverdier fordelt på ${a}` : 'Tallverdier samlet'),
    count: 'Ordtelling per dokument',
    kwic: 'Nøkkelord i kontekst',
    label: 'Tema / kode', id: 'ID', segments: 'Segmenter', informants: 'Informanter', share: 'Andel',
    inf: 'Inf.', segm: 'Segm.', total: 'Totalt', none: '(ingen verdi)',
    code: 'Kode', area: 'Område', other: 'Andre', inhibitors: 'Hemmere', promoters: 'Fremmere',
    codeA: 'Kode A', codeB: 'Kode B', inSegment: 'I samme segment', inInformant: 'Hos samme informant',
    n: 'n', jaccard: 'Jaccard', informant: 'Informant', mean: 'Snitt', min: 'Min', max: 'Maks', all: 'Alle',
    term: 'Ord', forms: 'Former', file: 'Fil', line: 'Linje', words: 'ord', quotes: 'Sitater',
    /** Under the quotes' heading when there are none: no segment was coded, or --quotes 0. */
    noneCoded: 'Ingen segmenter fikk noen kode, så det er ingen sitater.', noQuotes: 'Ingen sitater.',
    /** A table printed in parts of its columns: «del 1 av 3». */
    part: (n: number, of: number) => `del ${n} av ${of}`,
    corpusLine: (informants: number, segments: number, unit: string) =>
      `${plural(informants, 'informant', 'informanter')}, ${plural(segments, 'segment', 'segmenter')} (${{ paragraph: 'avsnitt', sentence: 'setninger', turn: 'replikker' }[unit] ?? unit})`,
  },
  en: {
    frequencies: 'Themes and codes: segments and informants',
    crosstab: (a: string) => `Themes and codes by ${a}: informants and segments`,
    matrix: 'Codes per informant',
    matrixCounts: 'Codes per informant (number of segments)',
    areas: 'Inhibitors and promoters by area (number of informants)',
    cooccurrence: 'Co-occurrence of codes in one segment and in one informant',
    numeric: 'Numeric attributes per informant',
    numericSummary: (a?: string) => (a ? `Numeric attributes by ${a}` : 'Numeric attributes, all informants'),
    count: 'Word counts per document',
    kwic: 'Keyword in context',
    label: 'Theme / code', id: 'ID', segments: 'Segments', informants: 'Informants', share: 'Share',
    inf: 'Inf.', segm: 'Segm.', total: 'Total', none: '(no value)',
    code: 'Code', area: 'Area', other: 'Other', inhibitors: 'Inhibitors', promoters: 'Promoters',
    codeA: 'Code A', codeB: 'Code B', inSegment: 'In one segment', inInformant: 'In one informant',
    n: 'n', jaccard: 'Jaccard', informant: 'Informant', mean: 'Mean', min: 'Min', max: 'Max', all: 'All',
    term: 'Term', forms: 'Forms', file: 'File', line: 'Line', words: 'words', quotes: 'Quotes',
    noneCoded: 'No segment got a code, so there are no quotes.', noQuotes: 'No quotes.',
    part: (n: number, of: number) => `part ${n} of ${of}`,
    corpusLine: (informants: number, segments: number, unit: string) => `${plural(informants, 'informant')}, ${plural(segments, 'segment')} (${unit})`,
  },
} as const;

export type Captions = (typeof TEXT)[LabelLang];

/**
 * The line under the quotes' heading of a report without quotes (terminal and Markdown alike):
 * that no segment got a code, or, when some did (--quotes 0), that there are no quotes.
 */
export function noQuotesLine(report: { lang: LabelLang; frequencies: ReadonlyArray<{ segments: number }> }): string {
  const t = TEXT[report.lang];
  return report.frequencies.every((r) => r.segments === 0) ? t.noneCoded : t.noQuotes;
}

/** The attributes every thesis splits by, named in the caption's language; others as written. */
const ATTRIBUTES: Record<LabelLang, Record<string, string>> = {
  nb: { role: 'rolle', site: 'sted', lang: 'språk' },
  en: {},
};

export function attributeName(attribute: string, lang: LabelLang): string {
  return ATTRIBUTES[lang][attribute] ?? attribute;
}

export function captions(lang: LabelLang): Captions {
  return TEXT[lang];
}
