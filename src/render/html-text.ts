import type { LabelLang } from '../analysis/labels.js';
import { captions } from './captions.js';

/** Words of the HTML report, in bokmål and English. */
const TEXT = {
  nb: {
    title: 'Tematisk analyse', skip: 'Hopp til innholdet', contents: 'Innhold', summary: 'Oversikt',
    themes: 'Temafrekvenser', matrix: 'Koder per informant', areas: 'Hemmere og fremmere etter område',
    cooccurrence: 'Samforekomst av koder', quotes: 'Sitater per kode', data: 'Vis tallene som tabell',
    informants: 'Informanter', documents: 'Dokumenter', segments: 'Segmenter', unit: 'Kodeenhet', codings: 'Kodinger',
    codebook: 'Kodebok', tool: 'Verktøy', inputs: 'Inndata', noQuotes: 'Ingen sitater.',
    units: { paragraph: 'avsnitt', sentence: 'setning', turn: 'replikk' } as Record<string, string>,
    themesAlt: (n: number) => `Liggende stolpediagram: antall informanter (av ${n}) som nevner hvert tema.`,
    matrixAlt: 'Varmekart: antall kodede segmenter per kode (rader) og informant (kolonner). Tallene står i tabellen under.',
    areasAlt: 'Stolpediagram: antall informanter som nevner hemmere og fremmere, per område.',
    coAlt: 'Varmekart: antall segmenter der to koder forekommer sammen. Tallene står i tabellen under.',
    inhibitors: 'Hemmere', promoters: 'Fremmere', chartBy: 'Diagrammer laget med',
    columnsPart: captions('nb').part,
  },
  en: {
    title: 'Thematic analysis', skip: 'Skip to content', contents: 'Contents', summary: 'Summary',
    themes: 'Theme frequencies', matrix: 'Codes per informant', areas: 'Inhibitors and promoters by area',
    cooccurrence: 'Code co-occurrence', quotes: 'Quotes per code', data: 'Show the numbers as a table',
    informants: 'Informants', documents: 'Documents', segments: 'Segments', unit: 'Coding unit', codings: 'Codings',
    codebook: 'Codebook', tool: 'Tool', inputs: 'Inputs', noQuotes: 'No quotes.',
    units: { paragraph: 'paragraph', sentence: 'sentence', turn: 'turn' } as Record<string, string>,
    themesAlt: (n: number) => `Horizontal bar chart: number of informants (of ${n}) who mention each theme.`,
    matrixAlt: 'Heat map: number of coded segments per code (rows) and informant (columns). The numbers are in the table below.',
    areasAlt: 'Bar chart: number of informants who mention inhibitors and promoters, by area.',
    coAlt: 'Heat map: number of segments in which two codes occur together. The numbers are in the table below.',
    inhibitors: 'Inhibitors', promoters: 'Promoters', chartBy: 'Charts drawn with',
    columnsPart: captions('en').part,
  },
} as const;

export function htmlText(lang: LabelLang): (typeof TEXT)[LabelLang] {
  return TEXT[lang];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
