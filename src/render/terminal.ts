import type { ChalkInstance } from 'chalk';
import type { CodeReport } from '../analysis/report.js';
import { captions, noQuotesLine } from './captions.js';
import { attribution, excerptText, guillemets, pad, percent, width } from './format.js';
import { summaryLines } from './summary.js';

/** The report for a person at a terminal: the frequency table, then quotes per code. */
export function reportTerminal(report: CodeReport, c: ChalkInstance, columns = 100): string {
  const t = captions(report.lang);
  const h = { theme: t.label, segments: t.segm, informants: t.inf, share: t.share, quotes: t.quotes };
  const names = report.frequencies.map((r) => `${'  '.repeat(r.depth)}${report.label(r.id)}`);
  const nameWidth = Math.min(Math.max(width(h.theme), ...names.map(width)), Math.max(30, columns - 30));
  const out: string[] = [];
  const cut = (s: string) => (width(s) > nameWidth ? `${[...s].slice(0, nameWidth - 1).join('')}…` : s);
  out.push(c.bold(`${pad(h.theme, nameWidth)}  ${pad(h.segments, 6, true)}  ${pad(h.informants, 5, true)}  ${pad(h.share, 6, true)}`));
  out.push(c.dim('─'.repeat(nameWidth + 25)));
  report.frequencies.forEach((r, i) => {
    const line = `${pad(cut(names[i]!), nameWidth)}  ${pad(String(r.segments), 6, true)}  ${pad(String(r.informants), 5, true)}  ${pad(percent(r.share), 6, true)}`;
    out.push(r.kind === 'theme' ? c.bold(line) : r.segments === 0 ? c.dim(line) : line);
  });
  out.push(c.dim(t.corpusLine(report.informants.length, report.corpus.segments.length, report.corpus.unit)));
  out.push('', c.bold(h.quotes));
  // A heading with nothing under it read as if something had failed to print.
  if (report.quotes.length === 0) out.push(noQuotesLine(report));
  for (const code of report.codebook.codes) {
    const quotes = report.quotes.filter((q) => q.code === code.id);
    if (quotes.length === 0) continue;
    out.push('', c.bold.cyan(`${report.label(code.id)} [${code.id}]`));
    for (const q of quotes) {
      out.push(`  ${excerptText(q, report.lang)}`);
      out.push(c.dim(`    ${attribution(q, report.lang)} ${q.file}:${q.line}`));
    }
  }
  if (report.inductive) out.push('', ...summaryLines(report.inductive, report.lang, report.human === true).map((l, i) => (i === 0 ? c.bold(l) : l)));
  return `${out.join('\n')}\n`;
}
