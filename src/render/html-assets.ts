// The report page's style sheet and the small script that draws its charts with the inlined
// library. Kept as plain strings: the page must not load anything, so nothing is bundled.

export const HTML_STYLE = `
:root { --fg: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --accent: #1f5f99; --bg: #fff; --soft: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 0 1.25rem 3rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.8rem; margin: 1.5rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0 0 1rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .5rem 1.5rem; margin: 0; }
.summary div { background: var(--soft); padding: .5rem .75rem; border-radius: 4px; }
.summary dt { font-size: .85rem; color: var(--muted); }
.summary dd { margin: 0; font-size: 1.15rem; font-weight: 600; overflow-wrap: anywhere; }
.muted { color: var(--muted); font-weight: 400; font-size: .85rem; }
figure { margin: 0; }
.chart { width: 100%; min-height: 120px; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .25rem; }
details { margin-top: .75rem; }
summary { cursor: pointer; color: var(--accent); }
.table-wrap, .chart-wrap { overflow-x: auto; }
.print-only { display: none; }
/* Read by a screen reader, not shown: the four «show the numbers» buttons each say which chart. */
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { padding: .2rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid var(--fg); }
th.left, td.left { text-align: left; } .right { text-align: right; } .center { text-align: center; }
tbody th { font-weight: 400; } tr.theme th, tr.section th, tr.total th { font-weight: 700; }
.quote blockquote { margin: .5rem 0 0; padding: .25rem 0 .25rem 1rem; border-left: 4px solid var(--accent); font-style: italic; }
.quote figcaption { margin: .15rem 0 .75rem 1.25rem; }
code { font-size: .85em; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, .skip, summary, .screen-only { display: none; }
  .print-only { display: block; }
  a { color: inherit; text-decoration: none; }
  section, figure, table, .quote { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  .chart { height: auto !important; min-width: 0 !important; }
  .chart-wrap { overflow: visible; }
  .chart > div { width: 100% !important; height: auto !important; }
  /* A chart at most 20 cm high, scaled down whole (its viewBox keeps the proportions), so that
     it fits one page with its heading: a tall heat map left its heading alone on a page. */
  .chart svg { position: static !important; width: 100% !important; height: auto !important; max-height: 20cm; }
  table { font-size: 8pt; }
  th, td { padding: .1rem .25rem; }
}
`;

export const HTML_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('themes-data').textContent);
  var charts = [];
  // The charts measure their labels in this font to leave room for them: a generic family
  // (system-ui resolved to a wider face when drawn than when measured, and cut labels off).
  var font = { fontFamily: 'sans-serif', fontSize: 12, color: '#1b1b1b' };
  // A viewBox lets the drawn SVG shrink to the printed page width instead of being cut off.
  function fit(chart, el) {
    var svg = el.querySelector('svg');
    if (!svg) return;
    svg.setAttribute('viewBox', '0 0 ' + chart.getWidth() + ' ' + chart.getHeight());
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  }
  function make(id, option) {
    var el = document.getElementById('chart-' + id);
    if (!el || typeof echarts === 'undefined') return;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    option.textStyle = font;
    chart.setOption(option);
    fit(chart, el);
    chart.on('finished', function () { fit(chart, el); });
    charts.push(chart);
  }
  // A long label gets its first 40 characters and …: at full length one label squeezed a heat
  // map to a strip. The table under each chart has the labels whole.
  function short(s) { return s.length > 40 ? s.slice(0, 39) + '\u2026' : s; }
  // A loop, not Math.max.apply: a map of 50 codes by 2,500 informants passes more arguments than the stack holds.
  // A tooltip is HTML: every name in it is escaped (a label or an id may hold < or &).
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function maxOf(cells) { var m = 1; for (var i = 0; i < cells.length; i++) if (cells[i][2] > m) m = cells[i][2]; return m; }
  var themes = data.themes.slice().reverse();
  make('themes', {
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, name: data.text.informants, nameLocation: 'middle', nameGap: 22 },
    yAxis: { type: 'category', data: themes.map(function (t) { return t.name; }),
      axisLabel: { fontWeight: 'normal', formatter: function (v) { return v.replace(/^ +/, function (s) { return '\\u2003'.repeat(s.length / 2); }); } } },
    series: [{ type: 'bar', name: data.text.informants, data: themes.map(function (t) {
      return { value: t.informants, itemStyle: { color: t.depth === 0 ? '#1f5f99' : '#7aa6d1' } };
    }), label: { show: true, position: 'right' } }]
  });
  var maxMatrix = maxOf(data.matrix);
  make('matrix', {
    grid: { left: 8, right: 16, top: 8, bottom: 70, containLabel: true },
    // The cell's code and informant both: the axis shows the code only at the row's far end.
    tooltip: { position: 'top', formatter: function (p) { return esc(data.codes[p.value[1]]) + '<br>' + esc(data.informants[p.value[0]]) + ': ' + p.value[2]; } },
    xAxis: { type: 'category', data: data.informants, axisLabel: { rotate: 45, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: data.codes.slice(), inverse: true, axisLabel: { interval: 0, formatter: short }, splitArea: { show: true } },
    visualMap: { min: 0, max: maxMatrix, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] }, text: [String(maxMatrix), '0'] },
    // Drawn at once (progressive: 0): in steps, a large map printed with cells not yet drawn.
    // Above 20,000 cells (hundreds of informants) in steps all the same, or the page would hang.
    series: [{ type: 'heatmap', name: data.text.segments, data: data.matrix, progressive: data.matrix.length > 20000 ? 5000 : 0,
      label: { show: true, formatter: function (p) { return p.value[2] ? String(p.value[2]) : ''; } } }]
  });
  if (data.areas.length) {
    // Okabe-Ito orange and blue: told apart with every common colour-vision deficiency; the bars carry their numbers too.
    make('areas', {
      grid: { left: 8, right: 40, top: 32, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, name: data.text.informants, nameLocation: 'middle', nameGap: 22 },
      yAxis: { type: 'category', inverse: true, data: data.areas.map(function (a) { return a.name; }) },
      series: [
        { type: 'bar', name: data.text.inhibitors, data: data.areas.map(function (a) { return a.inhibitors; }), itemStyle: { color: '#d55e00' }, label: { show: true, position: 'right' } },
        { type: 'bar', name: data.text.promoters, data: data.areas.map(function (a) { return a.promoters; }), itemStyle: { color: '#0072b2' }, label: { show: true, position: 'right' } }
      ]
    });
  }
  if (data.coCodes.length > 1) {
    var maxCo = maxOf(data.co);
    make('cooccurrence', {
      grid: { left: 8, right: 16, top: 8, bottom: 70, containLabel: true },
      tooltip: { position: 'top', formatter: function (p) { return esc(data.coCodes[p.value[1]]) + ' × ' + esc(data.coCodes[p.value[0]]) + ': ' + p.value[2]; } },
      xAxis: { type: 'category', data: data.coCodes, axisLabel: { rotate: 45, interval: 0, formatter: short }, splitArea: { show: true } },
      yAxis: { type: 'category', data: data.coCodes, inverse: true, axisLabel: { interval: 0, formatter: short }, splitArea: { show: true } },
      visualMap: { min: 0, max: maxCo, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: ['#fff7ec', '#fc8d59', '#7f0000'] }, text: [String(maxCo), '0'] },
      series: [{ type: 'heatmap', name: data.text.segments, data: data.co, progressive: 0, label: { show: true } }]
    });
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  // Closed <details> do not print: open the data tables for paper, close them again after.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
    charts.forEach(function (c) { c.resize(); });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.open = false; }); opened = []; });
  document.documentElement.setAttribute('data-charts', String(charts.length));
})();
`;
