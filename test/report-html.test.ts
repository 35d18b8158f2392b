// The HTML report in real headless Chromium (Debian's `chromium`, installed by .ci/run).
import { existsSync, mkdirSync, readdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Browser-side code is passed as strings: the test project has no DOM types.
import { runBin, runCli, root } from './helpers/cli.js';
import { colourCount, inkShare } from './helpers/png.js';
import { tempDir } from './helpers/temp.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// Skipped only on a developer machine without Chromium; in CI (.ci/run installs it) a missing browser fails.
const skipBrowser = !CHROMIUM && !process.env.CI;
// Reads printed pages back; skipped like the browser where it is missing, required in CI.
const PDFTOTEXT = ['/usr/bin/pdftotext'].find((p) => existsSync(p));
const codebook = 'test/fixtures/tables/codebook.yaml';

describe('themes report: the file', () => {
  it('is one self-contained page: the chart library inlined, nothing to fetch', async () => {
    const dir = tempDir('themes-report-');
    const out = join(dir, 'report.html');
    const r = await runCli(['report', 'samples/notes', '-c', codebook, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).toContain('Apache ECharts');
    // No reference to anything outside the file.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    // Quotes with attribution and file:line.
    expect(html).toMatch(/\(informant-05, tillitsvalgt\) <code>samples\/notes\/informant-05\.md:\d+<\/code>/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the chart library from the built binary too (end to end)', async () => {
    const r = await runBin(['report', 'samples/notes', '-c', codebook, '--quotes', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toMatch(/Apache ECharts 5\.\d+\.\d+ \(Apache-2\.0\)/);
    expect(r.stdout.length).toBeGreaterThan(1_000_000);
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['report', 'samples/notes', '-c', codebook, '--lang', 'en']);
    expect(r.stdout).toContain('<html lang="en">');
    expect(r.stdout).toContain('<h2 id="themes-h">Theme frequencies</h2>');
    expect(r.stdout).toContain('Inhibitors and promoters by area');
  });

  it('names the coding unit in the page\'s language (a Norwegian page said «Kodeenhet paragraph»)', async () => {
    const nb = await runCli(['report', 'samples/notes', '-c', codebook, '--unit', 'turn']);
    expect(nb.stdout).toContain('<dt>Kodeenhet</dt><dd>replikk</dd>');
    const para = await runCli(['report', 'samples/notes', '-c', codebook]);
    expect(para.stdout).toContain('<dt>Kodeenhet</dt><dd>avsnitt</dd>');
    const en = await runCli(['report', 'samples/notes', '-c', codebook, '--lang', 'en', '--unit', 'sentence']);
    expect(en.stdout).toContain('<dt>Coding unit</dt><dd>sentence</dd>');
  });

  it('is titled with the English codebook\'s title for English notes under the default codebooks', async () => {
    const dir = tempDir('themes-report-en-');
    writeFileSync(join(dir, 'p1.md'), '---\nid: p1\n---\n\nParticipant: We do not have the time to think about new ideas, and the budget was cut again this year.\n');
    const r = await runCli(['report', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<html lang="en">');
    expect(r.stdout).toContain('<title>Thematic analysis: Innovation in municipalities</title>');
    expect(r.stdout).not.toContain('Innovasjon i kommunen');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the same bytes for the same inputs', async () => {
    const a = await runCli(['report', 'samples/notes', '-c', codebook]);
    const b = await runCli(['report', 'samples/notes', '-c', codebook]);
    expect(a.stdout.length).toBeGreaterThan(100_000);
    expect(a.stdout).toBe(b.stdout);
  });

  it('writes nothing when the folder for --out is missing', async () => {
    const dir = tempDir('themes-report-');
    const r = await runCli(['report', 'samples/notes', '-c', codebook, '--out', join(dir, 'missing', 'report.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OUT_NO_PARENT');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a codebook from outside the working folder by its file name, not a path with a home folder in it', async () => {
    const dir = tempDir('themes-report-path-');
    const book = join(tempDir('themes-report-book-'), 'min-kodebok.yaml');
    writeFileSync(book, readFileSync(join(root, codebook)));
    const r = await runCli(['report', join(root, 'samples/notes'), '-c', book, '--out', 'r.html'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('(min-kodebok.yaml, sha256 ');
    expect(html).not.toContain(book);
  });

  it('never writes over a note beside notes given as files, even with --force (report, table md and docx)', async () => {
    const dir = tempDir('themes-report-beside-');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'a.md'), 'R: Vi har ikke tid.\n');
    writeFileSync(join(dir, 'notes', 'b.md'), 'R: Vi mangler penger.\n');
    for (const args of [
      ['report', 'notes/a.md', '--out', 'notes/b.md', '--force'],
      ['table', 'notes/a.md', '--format', 'md', '--out', 'notes/b.md', '--force'],
      ['table', 'notes/a.md', '--format', 'docx', '--out', 'notes/tabeller.docx'],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toMatch(/OUT_INSIDE_NOTES --out notes\/\S+ is beside the note notes\/a\.md/);
    }
    expect(readFileSync(join(dir, 'notes', 'b.md'), 'utf8')).toBe('R: Vi mangler penger.\n');
    expect(existsSync(join(dir, 'notes', 'tabeller.docx'))).toBe(false);
    // Beside the notes with an extension no run reads as a note, the report may go.
    expect((await runCli(['report', 'notes/a.md', '--out', 'notes/rapport.html'], { cwd: dir })).code).toBe(0);
  });

  it('replaces a file that exists only with --force (report and table)', async () => {
    const dir = tempDir('themes-report-exists-');
    writeFileSync(join(dir, 'mine.html'), 'mitt eget\n');
    writeFileSync(join(dir, 'mine.md'), 'mitt eget\n');
    for (const args of [['report', join(root, 'samples/notes'), '--out', 'mine.html'], ['table', join(root, 'samples/notes'), '--out', 'mine.md', '--format', 'md']]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/OUT_EXISTS --out mine\.(html|md) already exists\n  hint: Choose another name, or add --force to replace it\./);
      expect(readFileSync(join(dir, args[3]!), 'utf8')).toBe('mitt eget\n');
      expect((await runCli([...args, '--force'], { cwd: dir })).code).toBe(0);
      expect(readFileSync(join(dir, args[3]!), 'utf8')).not.toBe('mitt eget\n');
    }
  });
});

/** The little of the DOM the page checks below use (the tests are typed for Node, without the DOM library). */
interface Box { left: number; right: number; top: number; bottom: number; width: number; height: number }
interface ElementLike { textContent: string | null; getBoundingClientRect(): Box; getAttribute(name: string): string | null; querySelectorAll(selector: string): Iterable<ElementLike> }
interface BrowserGlobals { document: { querySelector(selector: string): ElementLike | null } }

describe.skipIf(skipBrowser)('themes report in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let file: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    profile = tempDir('themes-chromium-');
    file = join(profile, 'report.html');
    const r = await runCli(['report', 'samples/notes', '-c', codebook, '--out', file], { cwd: root });
    expect(r.code).toBe(0);
    context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
      executablePath: CHROMIUM ?? '/usr/bin/chromium', headless: true, viewport: { width: 1100, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(`file://${file}`);
    await page.waitForLoadState('load');
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps every label inside its chart, with the default codebooks\' long labels', async () => {
    const wide = join(profile, 'default.html');
    expect((await runCli(['report', 'samples/notes', '--out', wide], { cwd: root })).code).toBe(0);
    const other = await context.newPage();
    try {
      await other.goto(`file://${wide}`);
      await other.waitForLoadState('load');
      for (const id of ['themes', 'matrix', 'areas', 'cooccurrence']) {
        const outside = await other.evaluate((chartId) => {
          const svg = (globalThis as unknown as BrowserGlobals).document.querySelector(`#chart-${chartId} svg`)!;
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
            .filter(({ text, r }) => text.trim() !== '' && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1))
            .map(({ text }) => text);
        }, id);
        expect(outside, id).toEqual([]);
      }
    } finally {
      await other.close();
    }
  });

  it('leaves the heat-map rows a readable height under long labels set at 45°, with only two codes', async () => {
    const dir = tempDir('themes-two-codes-');
    writeFileSync(join(dir, 'cb.yaml'), ['codebook: to-koder', 'language: nb', 'themes:', '  - id: hemmere', '    label: Hemmere', '    codes:',
      '      - id: tid', '        label: Mangel på tid til utviklingsarbeid i den daglige driften', '        terms: [tid]',
      '      - id: penger', '        label: Mangel på penger og økonomiske ressurser til nye tiltak', '        terms: [penger, budsjett*]', ''].join('\n'));
    expect((await runCli(['report', 'samples/notes', '-c', join(dir, 'cb.yaml'), '--out', join(dir, 'r.html')], { cwd: root })).code).toBe(0);
    const other = await context.newPage();
    try {
      await other.goto(`file://${join(dir, 'r.html')}`);
      await other.waitForLoadState('load');
      // The two row bands of the map (the full-width shaded areas): 24 px when the labels took
      // the chart's height, at 1100 px wide; now what two rows of the other charts get and more.
      const rows = await other.evaluate(() => {
        const svg = (globalThis as unknown as BrowserGlobals).document.querySelector('#chart-cooccurrence svg')!;
        return [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('fill') ?? 'none') !== 'none')
          .map((p) => p.getBoundingClientRect()).filter((r) => r.width > 500).map((r) => r.height);
      });
      expect(rows.length).toBeGreaterThan(0);
      expect(Math.min(...rows)).toBeGreaterThanOrEqual(40);
    } finally {
      await other.close();
    }
  });

  it('loads with no console errors and no request but the file itself', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
  });

  it('draws all four charts as SVG with marks in them', async () => {
    expect(await page.getAttribute('html', 'data-charts')).toBe('4');
    for (const id of ['themes', 'matrix', 'areas', 'cooccurrence']) {
      const marks = await page.locator(`#chart-${id} svg path, #chart-${id} svg rect`).count();
      expect(marks, id).toBeGreaterThan(10);
    }
    // The theme bar chart names the themes of the codebook.
    expect(await page.locator('#chart-themes svg').textContent()).toContain('Medarbeiderdrevet innovasjon');
  });

  it('is not blank: the charts put ink and colour on the screen', async () => {
    const whole = await page.screenshot({ fullPage: false });
    expect(inkShare(whole)).toBeGreaterThan(0.02);
    for (const id of ['themes', 'matrix']) {
      const shot = await page.locator(`#chart-${id}`).screenshot();
      expect(inkShare(shot), id).toBeGreaterThan(0.05);
      expect(colourCount(shot), id).toBeGreaterThan(20);
    }
  });

  it('gives every chart a text alternative: role=img with a label, a caption and the numbers as a table', async () => {
    for (const id of ['themes', 'matrix', 'areas', 'cooccurrence']) {
      const chart = page.locator(`#chart-${id}`);
      expect(await chart.getAttribute('role')).toBe('img');
      expect((await chart.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(20);
      // One table on screen (a wide one is also there in parts, shown in print only).
      expect(await page.locator(`#${id} details table caption`).count() - await page.locator(`#${id} details .print-only table caption`).count()).toBe(1);
    }
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
  });

  it('can be used from the keyboard: skip link first, then the contents, and the tables open with Enter', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('href')")).toBe('#main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('href')")).toBe('#summary');
    await page.focus('#themes summary');
    await page.keyboard.press('Enter');
    expect(await page.evaluate("document.querySelector('#themes details').open")).toBe(true);
    expect(await page.locator('#themes details table').isVisible()).toBe(true);
  });

  /** A page of the report of `notes` (a folder under `dir`) at `width` px, with `before` run before the page's scripts. */
  async function open(dir: string, width: number, before?: string, book = join(root, codebook)): Promise<Page> {
    expect((await runCli(['report', 'notes', '-c', book, '--out', 'r.html'], { cwd: dir })).code).toBe(0);
    const other = await context.newPage();
    await other.setViewportSize({ width, height: 900 });
    if (before) await other.addInitScript(before);
    const problems: string[] = [];
    other.on('pageerror', (e) => problems.push(String(e)));
    await other.goto(`file://${join(dir, 'r.html')}`);
    await other.waitForLoadState('load');
    expect(problems).toEqual([]);
    return other;
  }

  /** A new folder holding a copy of the sample notes in notes/. */
  function withSamples(prefix: string): string {
    const dir = tempDir(prefix);
    mkdirSync(join(dir, 'notes'));
    for (const f of readdirSync(join(root, 'samples', 'notes'))) writeFileSync(join(dir, 'notes', f), readFileSync(join(root, 'samples', 'notes', f)));
    return dir;
  }

  /** The page printed as Chromium prints it (beforeprint and print media come with it), as text. */
  async function printedText(other: Page, dir: string): Promise<string> {
    writeFileSync(join(dir, 'r.pdf'), await other.pdf({ format: 'A4' }));
    return execFileSync(PDFTOTEXT ?? 'pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  }

  /** The samples six times over, under other ids: 72 informants. */
  function manyInformants(): string {
    const dir = tempDir('themes-many-');
    mkdirSync(join(dir, 'notes'));
    for (let copy = 1; copy <= 6; copy++) {
      for (const f of readdirSync(join(root, 'samples', 'notes'))) {
        const bytes = readFileSync(join(root, 'samples', 'notes', f));
        // Front matter ids get a suffix (Windows-1252 bytes stay as they are: the id line is ASCII).
        const text = Buffer.from(bytes.toString('latin1').replace(/^id: (.*)$/m, `id: $1-${copy}`), 'latin1');
        writeFileSync(join(dir, 'notes', `${copy}-${f}`), text);
      }
    }
    return dir;
  }

  it('draws every cell of a large heat map at once, so that printing cannot catch it half drawn', async () => {
    // With no animation frames (as when the page is printed right away), a map drawn in steps
    // stops after its first step. ECharts draws in steps from 3,000 cells: 72 informants × the
    // default codebook's 50 codes is 3,600.
    const other = await open(manyInformants(), 1100, 'window.requestAnimationFrame = function () { return 0; };', join(root, 'codebooks', 'innovasjon.yaml'));
    try {
      const cells = await other.evaluate(`(() => {
        const data = JSON.parse(document.getElementById('themes-data').textContent);
        const chart = echarts.getInstanceByDom(document.getElementById('chart-matrix'));
        const svg = document.querySelector('#chart-matrix svg');
        return { expected: data.matrix.length, drawn: [...svg.querySelectorAll('path')].filter((p) => /^#|^rgb/.test(p.getAttribute('fill') || '') && p.getBBox().width < 40).length, ok: !!chart };
      })()`) as { expected: number; drawn: number; ok: boolean };
      expect(cells.ok).toBe(true);
      expect(cells.expected).toBeGreaterThan(3000);
      expect(cells.drawn).toBeGreaterThanOrEqual(cells.expected);
    } finally {
      await other.close();
    }
  });

  it('keeps a heat map readable on a phone: its columns keep their width and the chart scrolls', async () => {
    const dir = withSamples('themes-phone-');
    const other = await open(dir, 375);
    try {
      const widths = await other.evaluate(`(() => {
        const wrap = document.querySelector('#matrix .chart-wrap');
        const chart = document.getElementById('chart-matrix');
        return { wrap: wrap.clientWidth, chart: chart.getBoundingClientRect().width, page: document.documentElement.scrollWidth };
      })()`) as { wrap: number; chart: number; page: number };
      // 12 informants at 16 px and the labels: wider than the phone, inside a box that scrolls.
      expect(widths.chart).toBeGreaterThan(12 * 16 + 150);
      expect(widths.wrap).toBeLessThan(widths.chart);
      expect(widths.page).toBeLessThanOrEqual(375);
    } finally {
      await other.close();
    }
  });

  it('cuts a long code label in the charts, so it cannot squeeze a heat map flat', async () => {
    const dir = withSamples('themes-long-label-');
    const long = 'Mangel på tid og kapasitet til utviklingsarbeid ved siden av den daglige driften i tjenestene og i administrasjonen';
    writeFileSync(join(dir, 'cb.yaml'), ['codebook: tre-koder', 'language: nb', 'themes:', '  - id: hemmere', '    label: Hemmere', '    codes:',
      '      - id: tid', `        label: ${long}`, '        terms: [tid]',
      '      - id: penger', '        label: Mangel på penger', '        terms: [penger, budsjett*]',
      '      - id: ledelse', '        label: Ledelse', '        terms: [ledelse*, leder*]', ''].join('\n'));
    expect((await runCli(['report', 'notes', '-c', 'cb.yaml', '--out', 'r.html'], { cwd: dir })).code).toBe(0);
    const other = await context.newPage();
    try {
      await other.goto(`file://${join(dir, 'r.html')}`);
      await other.waitForLoadState('load');
      const chart = await other.evaluate(`(() => {
        const svg = document.querySelector('#chart-cooccurrence svg');
        const rows = [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('fill') || 'none') !== 'none').map((p) => p.getBoundingClientRect()).filter((r) => r.width > 300).map((r) => r.height);
        return { rows, labels: [...svg.querySelectorAll('text')].map((t) => t.textContent) };
      })()`) as { rows: number[]; labels: string[] };
      expect(chart.labels).toContain(`${long.slice(0, 39)}…`);
      expect(Math.min(...chart.rows)).toBeGreaterThanOrEqual(26);
      // The table under the chart has the label whole.
      expect(await other.locator('#cooccurrence details table').textContent()).toContain(long);
    } finally {
      await other.close();
    }
  });

  it('prints a table wider than the page in parts, so no informant\'s column is cut off', async () => {
    if (!PDFTOTEXT && !process.env.CI) return;
    const dir = tempDir('themes-print-wide-');
    mkdirSync(join(dir, 'notes'));
    const ids = Array.from({ length: 40 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
    for (const id of ids) writeFileSync(join(dir, 'notes', `${id}.md`), `---\nid: ${id}\n---\n\nR: Vi har ikke tid til utviklingsarbeid, og budsjettet er for lite.\n`);
    const other = await open(dir, 1100);
    try {
      const text = await printedText(other, dir);
      // 40 informants and the total: 41 columns, in parts of 10 beside the codes.
      expect(text).toContain('Koder per informant (antall segmenter) (del 5 av 5)');
      expect(ids.filter((id) => !text.includes(id))).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('prints a tall heat map on the page of its heading, scaled down whole', async () => {
    if (!PDFTOTEXT && !process.env.CI) return;
    const dir = withSamples('themes-print-tall-');
    // The default codebook's 50 codes: a map about 1,400 px high, taller than a page.
    const other = await open(dir, 1100, undefined, join(root, 'codebooks', 'innovasjon.yaml'));
    try {
      const pages = (await printedText(other, dir)).split('\f');
      const at = pages.findIndex((p) => /^Koder per informant$/m.test(p));
      expect(at).toBeGreaterThanOrEqual(0);
      // The heading's page holds the map's first and last rows, not the heading alone.
      expect(pages[at]).toContain('Mangel på tid');
      expect(pages[at]).toContain('Forskning og akademia');
    } finally {
      await other.close();
    }
  });

  it('names each «show the numbers» button after its chart, for a screen reader', async () => {
    const names = await page.evaluate(`[...document.querySelectorAll('details summary')].map((s) => s.textContent)`) as string[];
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(4);
    expect(names[1]).toBe('Vis tallene som tabell: Koder per informant');
    // On screen the chart's name takes no room (a 1-pixel box, clipped).
    expect(await page.evaluate(`document.querySelector('details summary .visually-hidden').getBoundingClientRect().width`)).toBeLessThanOrEqual(1);
  });

  it('names the code and the informant in a heat-map cell\'s tooltip, as text even when a label holds markup', async () => {
    const dir = tempDir('themes-tooltip-');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'a.md'), '---\nid: kari\n---\n\nR: Vi har ikke tid til utviklingsarbeid.\n');
    writeFileSync(join(dir, 'notes', 'b.md'), '---\nid: ola\n---\n\nR: Budsjettet er for lite.\n');
    writeFileSync(join(dir, 'cb.yaml'), ['codebook: t', 'language: nb', 'themes:', '  - id: h', '    label: Hemmere', '    codes:',
      '      - id: tid', '        label: "Mangel på tid <img src=x onerror=window.hit=1>"', '        terms: [tid]',
      '      - id: penger', '        label: Mangel på penger', '        terms: [budsjett*]', ''].join('\n'));
    expect((await runCli(['report', 'notes', '-c', 'cb.yaml', '--out', 'r.html'], { cwd: dir })).code).toBe(0);
    const other = await context.newPage();
    try {
      await other.goto(`file://${join(dir, 'r.html')}`);
      await other.waitForLoadState('load');
      // The cell of code tid (row 0) and informant kari (column 0), through the chart's own API.
      const at = await other.evaluate(`(() => {
        const chart = echarts.getInstanceByDom(document.getElementById('chart-matrix'));
        const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [0, 0]);
        const box = document.getElementById('chart-matrix').getBoundingClientRect();
        return [box.left + x, box.top + y];
      })()`) as [number, number];
      await other.mouse.move(at[0], at[1]);
      await other.waitForTimeout(300);
      const tip = await other.evaluate(`[...document.querySelectorAll('#chart-matrix div')].map((d) => d.textContent).filter((t) => t && t.includes('kari')).pop()`) as string;
      expect(tip).toContain('Mangel på tid <img src=x onerror=window.hit=1>');
      expect(tip).toContain('kari: 1');
      expect(await other.evaluate('window.hit')).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('marks a quote in another language than the page with its own lang', async () => {
    expect(await page.locator('blockquote[lang="en"]').count()).toBeGreaterThan(0);
    expect(await page.locator('blockquote[lang="nb"]').count()).toBe(0);
  });

  it('prints: navigation hidden, charts kept, tables opened', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.locator('#chart-matrix svg').isVisible()).toBe(true);
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    expect(await page.locator('#matrix details .print-only table').first().isVisible()).toBe(true);
    expect(await page.locator('#matrix details .screen-only').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
