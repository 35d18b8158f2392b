import type { TableSet } from '../analysis/tables.js';
import { captions } from './captions.js';
import { attribution, excerptText, guillemets } from './format.js';
import { escapeHtml, htmlText, scriptJson } from './html-text.js';
import { formatCell, hasGroups, headerGroups, tablesOf, type FormatOptions, type Table } from './table.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';

/** The charting library inlined into the page; the CLI reads it from node_modules. */
export interface ChartLibrary {
  name: string;
  version: string;
  license: string;
  source: string;
}

export interface HtmlInput {
  set: TableSet;
  tool: { name: string; version: string };
  /** Codebook paths and hashes, input file count: the run, so a reader knows what the page shows. */
  codebooks: Array<{ id: string; path: string; sha256: string }>;
}

/**
 * One self-contained page: styles, data, the chart library and the code that draws the charts
 * are all inside, and a Content-Security-Policy forbids every network request. Each chart has a
 * text alternative (aria-label and the same numbers as a table).
 */
export function reportHtml(input: HtmlInput, chart: ChartLibrary): string {
  const { set } = input;
  const { report } = set;
  const lang = report.lang;
  const h = htmlText(lang);
  const t = captions(lang);
  const label = report.label;
  const tables = new Map(tablesOf(set, { lang, matrix: 'counts' }).map((x) => [x.id, x]));
  const total = report.informants.length;

  const themeRows = report.frequencies.filter((r) => r.kind === 'theme');
  const data = {
    themes: themeRows.map((r) => ({ name: `${'  '.repeat(r.depth)}${label(r.id)}`, informants: r.informants, segments: r.segments, depth: r.depth })),
    informants: report.informants,
    codes: report.matrix.map((r) => label(r.code)),
    matrix: report.matrix.flatMap((r, y) => r.counts.map((n, x) => [x, y, n])),
    areas: set.areas.map((a) => ({
      name: a.inhibitors.theme ? label(a.inhibitors.theme) : a.promoters.theme ? label(a.promoters.theme) : t.other,
      inhibitors: a.inhibitors.informants,
      promoters: a.promoters.informants,
    })),
    coCodes: set.coOccurrence.codes.map(label),
    co: set.coOccurrence.pairs.filter((p) => p.segments > 0).flatMap((p) => {
      const a = set.coOccurrence.codes.indexOf(p.a);
      const b = set.coOccurrence.codes.indexOf(p.b);
      return [[a, b, p.segments], [b, a, p.segments]];
    }),
    text: { informants: h.informants, segments: h.segments, inhibitors: h.inhibitors, promoters: h.promoters },
  };

  const sections: string[] = [];
  const nav: Array<[string, string]> = [['summary', h.summary]];
  sections.push(`<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${h.summary}</h2>
<dl class="summary">
<div><dt>${h.informants}</dt><dd>${total}</dd></div>
<div><dt>${h.documents}</dt><dd>${report.corpus.documents.length}</dd></div>
<div><dt>${h.segments}</dt><dd>${report.corpus.segments.length}</dd></div>
<div><dt>${h.unit}</dt><dd>${escapeHtml(h.units[report.corpus.unit] ?? report.corpus.unit)}</dd></div>
<div><dt>${h.codings}</dt><dd>${report.codings.length}</dd></div>
<div><dt>${h.codebook}</dt><dd>${input.codebooks.map((c) => `${escapeHtml(c.id)} <span class="muted">(${escapeHtml(c.path)}, sha256 ${c.sha256.slice(0, 12)})</span>`).join('<br>')}</dd></div>
<div><dt>${h.tool}</dt><dd>${escapeHtml(input.tool.name)} ${escapeHtml(input.tool.version)}</dd></div>
</dl>
</section>`);

  // A heat map keeps a width its columns can be read at (`minWidth`), in a box that scrolls on a phone.
  const figure = (id: string, title: string, alt: string, height: number, table: Table | undefined, minWidth?: number) => {
    nav.push([id, title]);
    const chart = `<div class="chart" id="chart-${id}" role="img" aria-label="${escapeHtml(alt)}" style="height:${height}px${minWidth ? `;min-width:${minWidth}px` : ''}"></div>`;
    return `<section id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${escapeHtml(title)}</h2>
<figure>
${minWidth ? `<div class="chart-wrap">${chart}</div>` : chart}
<figcaption>${escapeHtml(alt)}</figcaption>
</figure>
${table ? `<details><summary>${h.data}<span class="visually-hidden">: ${escapeHtml(title)}</span></summary>\n${dataTable(table, { lang, comma: lang === 'nb', raw: false }, h.columnsPart)}</details>` : ''}
</section>`;
  };
  sections.push(figure('themes', h.themes, h.themesAlt(total), 60 + 26 * themeRows.length, tables.get('frequencies')));
  sections.push(figure('matrix', h.matrix, h.matrixAlt, 100 + 26 * report.matrix.length + slantedLabelRoom(data.informants), tables.get('matrix'), heatMapWidth(data.codes, data.informants.length)));
  if (set.areas.length > 0) sections.push(figure('areas', h.areas, h.areasAlt, 80 + 48 * set.areas.length, tables.get('inhibitors-promoters')));
  if (set.coOccurrence.codes.length > 1) sections.push(figure('cooccurrence', h.cooccurrence, h.coAlt, 100 + 26 * set.coOccurrence.codes.length + slantedLabelRoom(data.coCodes), tables.get('cooccurrence'), heatMapWidth(data.coCodes, data.coCodes.length)));

  nav.push(['quotes', h.quotes]);
  // A quote in another language than the page's is marked, so a screen reader reads it in its own voice.
  const docLang = new Map(report.corpus.documents.map((d) => [d.id, d.lang]));
  const pageLang = lang === 'nb' ? 'nb' : 'en';
  const quoteLang = (document: string) => {
    const l = docLang.get(document);
    return l === undefined || l === pageLang ? '' : ` lang="${l}"`;
  };
  const quoteBlocks: string[] = [];
  for (const code of report.codebook.codes) {
    const quotes = report.quotes.filter((q) => q.code === code.id);
    if (quotes.length === 0) continue;
    quoteBlocks.push(`<h3 id="q-${escapeHtml(code.id)}">${escapeHtml(label(code.id))} <code>${escapeHtml(code.id)}</code></h3>
${quotes.map((q) => `<figure class="quote"><blockquote${quoteLang(q.document)}>${escapeHtml(excerptText(q, report.lang))}</blockquote><figcaption>${escapeHtml(attribution(q, report.lang))} <code>${escapeHtml(q.file)}:${q.line}</code></figcaption></figure>`).join('\n')}`);
  }
  sections.push(`<section id="quotes" aria-labelledby="quotes-h">
<h2 id="quotes-h">${h.quotes}</h2>
${quoteBlocks.length ? quoteBlocks.join('\n') : `<p>${h.noQuotes}</p>`}
</section>`);

  const title = `${h.title}: ${report.title ?? report.codebook.title ?? report.codebook.id}`;
  return `<!doctype html>
<html lang="${lang === 'nb' ? 'nb' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${escapeHtml(input.tool.name)} ${escapeHtml(input.tool.version)}">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<a class="skip" href="#main">${h.skip}</a>
<header><h1>${escapeHtml(title)}</h1></header>
<nav aria-label="${h.contents}"><ul>${nav.map(([id, text]) => `<li><a href="#${id}">${escapeHtml(text)}</a></li>`).join('')}</ul></nav>
<main id="main" tabindex="-1">
${sections.join('\n')}
</main>
<footer><p>${h.chartBy} ${escapeHtml(chart.name)} ${escapeHtml(chart.version)} (${escapeHtml(chart.license)}).</p></footer>
<script type="application/json" id="themes-data">${scriptJson(data)}</script>
<script>${chart.source.replace(/<\/script/gi, '<\\/script')}</script>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

/** Columns of a table that fit a printed page beside its row headers (11 pt body, 8 pt tables). */
const PRINT_COLUMNS = 10;

/**
 * A chart's data table; one wider than a printed page (a column per informant) also comes cut into
 * parts of PRINT_COLUMNS columns, each with the row headers, shown only in print: the page cut the
 * whole table off after 15 of 60 informants.
 */
function dataTable(table: Table, f: FormatOptions, part: (n: number, of: number) => string): string {
  const whole = htmlTable(table, f);
  const data = table.columns.length - 1;
  if (data <= PRINT_COLUMNS || hasGroups(table)) return whole;
  const parts: string[] = [];
  const count = Math.ceil(data / PRINT_COLUMNS);
  for (let p = 0; p < count; p++) {
    const keep = [0, ...Array.from({ length: Math.min(PRINT_COLUMNS, data - p * PRINT_COLUMNS) }, (_, i) => 1 + p * PRINT_COLUMNS + i)];
    parts.push(htmlTable({
      ...table, caption: `${table.caption} (${part(p + 1, count)})`,
      columns: keep.map((i) => table.columns[i]!), rows: table.rows.map((r) => ({ ...r, cells: keep.map((i) => r.cells[i]!) })),
    }, f));
  }
  return `<div class="screen-only">${whole}</div>\n<div class="print-only">${parts.join('')}</div>`;
}

/** A data table with a caption, grouped headers and row headers; used as the text alternative of a chart. */
export function htmlTable(table: Table, f: FormatOptions): string {
  const head: string[] = [];
  if (hasGroups(table)) {
    head.push(`<tr>${headerGroups(table.columns).map((g) => `<th scope="colgroup"${g.span > 1 ? ` colspan="${g.span}"` : ''}>${escapeHtml(g.label)}</th>`).join('')}</tr>`);
  }
  head.push(`<tr>${table.columns.map((c) => `<th scope="col" class="${c.align}">${escapeHtml(c.header)}</th>`).join('')}</tr>`);
  const body = table.rows.map((row) => `<tr${row.style ? ` class="${row.style}"` : ''}>${row.cells.map((v, i) => {
    const text = escapeHtml(formatCell(v, table.columns[i]!, f));
    if (i === 0) return `<th scope="row" class="left"${row.depth ? ` style="padding-left:${0.4 + row.depth}em"` : ''}>${text}</th>`;
    return `<td class="${table.columns[i]!.align}">${text}</td>`;
  }).join('')}</tr>`);
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(table.caption)}"><table>
<caption>${escapeHtml(table.caption)}</caption>
<thead>${head.join('')}</thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>
`;
}

/**
 * The room (px) a label character is given in the charts' 12 px sans-serif: about 6.5 px of width
 * (DejaVu Sans, Debian's sans-serif, measured in Chromium) and a margin for the slanted text's own
 * height and the font's metrics. At 7, two codes with 40-character labels left the heat map's rows
 * 34 px high under DejaVu Sans, where 40 were meant.
 */
const LABEL_CHAR_PX = 8;

/**
 * The height (px) that x-axis labels set at 45° take under a heat map: the longest label at
 * LABEL_CHAR_PX a character, times sin 45°. Without it the chart keeps its height and the labels
 * squeeze the cells: two codes with long labels left a map a few pixels high.
 */
function slantedLabelRoom(labels: readonly string[]): number {
  return Math.ceil(longestLabel(labels) * LABEL_CHAR_PX * Math.SQRT1_2);
}

/** Chart labels are cut to this many characters (the script's short()). */
const SHORT_LABEL = 40;

/**
 * The width (px) at which a heat map's columns stay readable, about 16 px each, beside its row
 * labels: on a phone the chart scrolls sideways instead of squeezing 12 columns into 4 px each.
 */
function heatMapWidth(rowLabels: readonly string[], columns: number): number {
  return 40 + longestLabel(rowLabels) * LABEL_CHAR_PX + 16 * columns;
}

/** The length of the longest label as a chart draws it (cut at SHORT_LABEL). */
function longestLabel(labels: readonly string[]): number {
  return Math.min(SHORT_LABEL, labels.reduce((m, l) => Math.max(m, l.length), 0));
}
