import type { ChalkInstance } from 'chalk';
import { stringify } from 'csv-stringify/sync';
import type { AgreeReport, Disagreement, Statistics } from '../analysis/agree.js';
import { toolInfo } from '../version.js';
import { fixed, pad, width } from './format.js';
import { plural } from '../util/plural.js';

/** Fixed three decimals, locale-free; a dash where a statistic is undefined. */
export function num(x: number | null): string {
  return x === null ? '–' : fixed(x, 3);
}

function pct(x: number | null): string {
  return x === null ? '–' : `${fixed(x * 100, 1)} %`;
}

function whoCoded(report: AgreeReport, d: Disagreement): string {
  return report.coders.map((c, i) => {
    const codes = d.codes[i];
    return `${c.name}: ${codes === null ? '(not seen)' : codes.length === 0 ? '(none)' : codes.join(', ')}`;
  }).join('; ');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

/** For a person at a terminal: the per-code table, the overall line, the first disagreements, precision/recall. */
export function agreeTerminal(report: AgreeReport, c: ChalkInstance, maxDisagreements: number): string {
  const out: string[] = [];
  const two = report.coders.length === 2;
  out.push(c.dim(`coders: ${report.coders.map((x) => `${x.name} (${x.kind})`).join(', ')}`));
  out.push(c.dim(`units: ${report.units} read by two or more coders${report.dropped ? `, ${plural(report.dropped, 'uncoded unit')} left out` : ''}`));
  const codeWidth = Math.max(width('code'), width('overall (pooled)'), ...report.codes.map((r) => width(r.code)));
  const head = `${pad('code', codeWidth)}  ${pad('agree', 7, true)}${two ? `  ${pad('kappa', 7, true)}` : ''}  ${pad('alpha', 7, true)}  ${report.coders.map((x) => pad(x.name, Math.max(5, width(x.name)), true)).join('  ')}`;
  out.push('', c.bold(head), c.dim('─'.repeat(width(head))));
  const row = (name: string, s: Statistics, counts: string[]) =>
    `${pad(name, codeWidth)}  ${pad(pct(s.percent), 7, true)}${two ? `  ${pad(num(s.kappa), 7, true)}` : ''}  ${pad(num(s.alpha), 7, true)}  ${counts.map((n, i) => pad(n, Math.max(5, width(report.coders[i]!.name)), true)).join('  ')}`;
  for (const r of report.codes) out.push(row(r.code, r, r.counts.map(String)));
  out.push(c.bold(row('overall (pooled)', report.overall, report.coders.map(() => ''))));
  out.push(c.dim(`identical sets of codes: ${pct(report.exact)} of units`));
  if (report.disagreements.length > 0) {
    out.push('', c.bold(`Disagreements (${report.disagreements.length})`));
    for (const d of report.disagreements.slice(0, maxDisagreements)) {
      out.push(`${c.cyan(`${d.unit.file}:${d.unit.line}`)} ${oneLine(d.unit.text, 70)}`);
      out.push(c.dim(`    ${whoCoded(report, d)}`));
    }
    if (report.disagreements.length > maxDisagreements) {
      out.push(c.dim(`… ${report.disagreements.length - maxDisagreements} more (--format md or json lists them all)`));
    }
  }
  for (const t of report.prf) {
    out.push('', c.bold(`${t.coder} against ${t.reference}`));
    const h = `${pad('code', codeWidth)}  ${pad('prec.', 7, true)}  ${pad('recall', 7, true)}  ${pad('F1', 7, true)}  ${pad('TP', 4, true)}  ${pad('FP', 4, true)}  ${pad('FN', 4, true)}`;
    out.push(c.bold(h), c.dim('─'.repeat(width(h))));
    for (const r of [...t.rows, { code: 'overall (micro)', ...t.overall }]) {
      out.push(`${pad(r.code, codeWidth)}  ${pad(num(r.precision), 7, true)}  ${pad(num(r.recall), 7, true)}  ${pad(num(r.f1), 7, true)}  ${pad(String(r.tp), 4, true)}  ${pad(String(r.fp), 4, true)}  ${pad(String(r.fn), 4, true)}`);
    }
  }
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}

/** One row per code (and a last `*overall*` row): the table a thesis appendix needs. */
export function agreeCsv(report: AgreeReport): string {
  const rows: Array<Array<string | number>> = [['code', 'units', 'percent', 'kappa', 'alpha', ...report.coders.map((x) => `n_${x.name}`)]];
  // An undefined statistic is an empty field, which R, pandas and Excel read as missing; a dash would make the column text.
  const cell = (x: number | null) => (x === null ? '' : fixed(x, 3));
  for (const r of report.codes) rows.push([r.code, r.units, cell(r.percent), cell(r.kappa), cell(r.alpha), ...r.counts]);
  rows.push(['*overall*', report.overall.units, cell(report.overall.percent), cell(report.overall.kappa), cell(report.overall.alpha), ...report.coders.map(() => '')]);
  return stringify(rows, { record_delimiter: '\n' });
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

export function agreeJson(report: AgreeReport): string {
  const tool = toolInfo();
  const stats = (s: Statistics) => ({ units: s.units, percent: round(s.percent), kappa: round(s.kappa), alpha: round(s.alpha) });
  return `${JSON.stringify({
    version: 1,
    tool: { name: tool.name, version: tool.version },
    coders: report.coders,
    units: report.units,
    dropped: report.dropped,
    codes: report.codes.map((r) => ({ code: r.code, ...stats(r), counts: r.counts })),
    overall: { ...stats(report.overall), exact: round(report.exact) },
    disagreements: report.disagreements.map((d) => ({
      id: d.unit.id, file: d.unit.file, line: d.unit.line, text: d.unit.text,
      codes: Object.fromEntries(report.coders.map((x, i) => [x.name, d.codes[i] ?? null])),
    })),
    prf: report.prf.map((t) => ({
      reference: t.reference, coder: t.coder,
      codes: t.rows.map((r) => ({ code: r.code, tp: r.tp, fp: r.fp, fn: r.fn, precision: round(r.precision), recall: round(r.recall), f1: round(r.f1) })),
      overall: { ...t.overall, precision: round(t.overall.precision), recall: round(t.overall.recall), f1: round(t.overall.f1) },
    })),
  }, null, 2)}\n`;
}

/** A Markdown report with every disagreement, for a supervisor or an appendix. */
export function agreeMarkdown(report: AgreeReport): string {
  const two = report.coders.length === 2;
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const out: string[] = ['# Intercoder agreement', ''];
  out.push(`Coders: ${report.coders.map((x) => `${x.name} (${x.kind})`).join(', ')}. Units read by two or more coders (coded or not): ${report.units}${report.dropped ? ` (${plural(report.dropped, 'uncoded unit')} left out)` : ''}.`, '');
  out.push(`| code | agreement |${two ? ' kappa |' : ''} alpha | ${report.coders.map((x) => cell(x.name)).join(' | ')} |`);
  out.push(`| --- | ---: |${two ? ' ---: |' : ''} ---: | ${report.coders.map(() => '---:').join(' | ')} |`);
  for (const r of report.codes) out.push(`| ${r.code} | ${pct(r.percent)} |${two ? ` ${num(r.kappa)} |` : ''} ${num(r.alpha)} | ${r.counts.join(' | ')} |`);
  out.push(`| **overall (pooled)** | ${pct(report.overall.percent)} |${two ? ` ${num(report.overall.kappa)} |` : ''} ${num(report.overall.alpha)} | ${report.coders.map(() => '').join(' | ')} |`);
  out.push('', `Identical sets of codes: ${pct(report.exact)} of units.`);
  if (report.disagreements.length) {
    out.push('', `## Disagreements (${report.disagreements.length})`, '');
    for (const d of report.disagreements) out.push(`- \`${d.unit.file}:${d.unit.line}\` ${cell(oneLine(d.unit.text, 200))}  \n  ${cell(whoCoded(report, d))}`);
  }
  for (const t of report.prf) {
    out.push('', `## ${t.coder} against ${t.reference}`, '', '| code | precision | recall | F1 | TP | FP | FN |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of [...t.rows, { code: '**overall (micro)**', ...t.overall }]) {
      out.push(`| ${r.code} | ${num(r.precision)} | ${num(r.recall)} | ${num(r.f1)} | ${r.tp} | ${r.fp} | ${r.fn} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
