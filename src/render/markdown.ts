import type { CodeReport } from '../analysis/report.js';
import { captions, noQuotesLine } from './captions.js';
import { attribution, excerptText, guillemets, percent } from './format.js';
import { summaryMarkdown } from './summary.js';

/** Words of the Markdown report that the table captions do not have. */
const EXTRA = {
  nb: { title: 'Temafrekvenser' },
  en: { title: 'Theme frequencies' },
} as const;

function head(lang: CodeReport['lang']) {
  const t = captions(lang);
  return { ...EXTRA[lang], theme: t.label, segments: t.segments, informants: t.informants, share: t.share, quotes: t.quotes };
}

function cell(s: string): string {
  return inline(s).replace(/\|/g, '\\|');
}

/**
 * Text from a note or a codebook set in Markdown as text: on one line, with HTML tags and links
 * escaped, so that <b>…</b> or [x](y) in a note shows as typed and a label with a line break does
 * not end its heading. [NAVN] (no link) and emphasis (**…**, as the researcher typed it) stay.
 */
export function inline(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/</g, '\\<').replace(/\]\(/g, '\\](');
}

export function frequenciesMarkdown(report: CodeReport): string {
  const h = head(report.lang);
  const lines = [`## ${h.title}`, '', `| ${h.theme} | ${h.segments} | ${h.informants} | ${h.share} |`, '| --- | ---: | ---: | ---: |'];
  for (const r of report.frequencies) {
    const indent = '&nbsp;&nbsp;'.repeat(r.depth);
    const name = r.kind === 'theme' ? `**${cell(report.label(r.id))}**` : cell(report.label(r.id));
    lines.push(`| ${indent}${name} \`${r.id}\` | ${r.segments} | ${r.informants} | ${percent(r.share)} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function quotesMarkdown(report: CodeReport): string {
  const h = head(report.lang);
  const lines = [`## ${h.quotes}`, ''];
  for (const code of report.codebook.codes) {
    const quotes = report.quotes.filter((q) => q.code === code.id);
    if (quotes.length === 0) continue;
    lines.push(`### ${inline(report.label(code.id))} (\`${code.id}\`)`, '');
    for (const q of quotes) lines.push(`> ${inline(excerptText(q, report.lang))} ${inline(attribution(q, report.lang))}  `, `> \`${q.file}:${q.line}\``, '');
  }
  if (lines.length === 2) lines.push(noQuotesLine(report), '');
  return `${lines.join('\n')}`;
}

export function reportMarkdown(report: CodeReport): string {
  return `${frequenciesMarkdown(report)}\n${quotesMarkdown(report)}${report.inductive ? `\n${summaryMarkdown(report.inductive, report.lang, report.human === true)}` : ''}`;
}
