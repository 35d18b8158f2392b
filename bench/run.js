#!/usr/bin/env node
// `npm run bench`: themes code end to end on synthetic corpora of 1M and 10M words, side by side
// with the Python dictionary coder (NLTK Snowball + scikit-learn), and `themes --help` against a
// bare `node -e 0`. Prints a markdown table on stdout; progress on stderr.
//
//   node bench/run.js [--words 1000000,10000000] [--runs 3] [--help-runs 20] [--no-python] [--fresh]
//
// Corpora are generated once per size into $TMPDIR/themes-bench/ and reused (--fresh remakes them).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { generateCorpus } from './corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'themes.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const sizes = opt('words', '1000000,10000000').split(',').map(Number);
const runs = Number(opt('runs', 3));
const helpRuns = Number(opt('help-runs', 20));
let pythonOk = !args.includes('--no-python');
const log = (s) => process.stderr.write(`${s}\n`);

const defaultCodebook = join(root, 'codebooks', 'innovasjon.yaml');
const codebook = existsSync(defaultCodebook) ? defaultCodebook : join(root, 'bench', 'fixture-codebook.yaml');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  log('building dist/ (npm run build)');
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
}

/** Every term of the codebook by code (regular expressions left out): what gets sprinkled in, and the Python coder's vocabulary. */
function codebookTerms(file) {
  const doc = parse(readFileSync(file, 'utf8'));
  const byCode = {};
  const walk = (theme) => {
    for (const code of theme.codes ?? []) {
      byCode[code.id] = (code.terms ?? []).map((t) => (typeof t === 'string' ? t : t.term ?? t.regex)).filter((t) => t && !t.startsWith('/'));
    }
    for (const sub of theme.themes ?? []) walk(sub);
  };
  for (const t of doc.themes ?? []) walk(t);
  return byCode;
}

/** Run a command under /usr/bin/time -v: wall seconds (our clock), peak RSS in MiB (time's). */
function measure(cmd, argv, env = {}) {
  const full = timeBin ? [timeBin, ['-v', cmd, ...argv]] : [cmd, argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stderr = r.stderr.toString();
  const status = timeBin ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? r.status) : r.status;
  if (status !== 0 && status !== 1) throw new Error(`${cmd} ${argv.join(' ')} failed (${status}):\n${stderr.slice(0, 2000)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const faults = /Minor \(reclaiming a frame\) page faults: (\d+)/.exec(stderr)?.[1];
  return {
    seconds, rssMiB: kb ? Number(kb) / 1024 : NaN, cpu: user && sys ? Number(user) + Number(sys) : NaN,
    sys: sys ? Number(sys) : NaN, faults: faults ? Number(faults) : NaN,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const terms = codebookTerms(codebook);
const allTerms = [...new Set(Object.values(terms).flat())].sort();
const termsFile = join(tmpdir(), `themes-bench-terms-${process.pid}.json`);
writeFileSync(termsFile, JSON.stringify(terms));
const tag = createHash('sha256').update(readFileSync(join(root, 'bench', 'corpus.js'))).update(allTerms.join('\n')).digest('hex').slice(0, 10);

log(`themes bench: ${cpus().length} CPUs, load average ${load()}, codebook ${codebook.slice(root.length)}`);
const rows = [];
for (const words of sizes) {
  const dir = join(tmpdir(), 'themes-bench', `${tag}-${words}`);
  const metaFile = `${dir}.json`;
  if (args.includes('--fresh') || !existsSync(metaFile)) {
    rmSync(dir, { recursive: true, force: true });
    log(`generating ${words} words into ${dir}`);
    writeFileSync(metaFile, JSON.stringify(generateCorpus(dir, words, allTerms)));
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  const themes = [];
  const single = [];
  const py = [];
  const code = ['code', dir, '--codebook', codebook, '--format', 'csv'];
  for (let i = 0; i < runs; i++) {
    themes.push(measure(process.execPath, [bin, ...code]));
    log(`  ${words} words: themes ${themes.at(-1).seconds.toFixed(2)} s (CPU ${themes.at(-1).cpu.toFixed(2)} s, system ${themes.at(-1).sys.toFixed(2)} s, ` +
      `${themes.at(-1).faults} page faults), ${themes.at(-1).rssMiB.toFixed(0)} MiB (load ${load()})`);
    single.push(measure(process.execPath, [bin, ...code], { THEMES_THREADS: '1' }));
    log(`  ${words} words: themes in one thread ${single.at(-1).seconds.toFixed(2)} s (CPU ${single.at(-1).cpu.toFixed(2)} s)`);
    if (pythonOk && (i === 0 || words <= 2_000_000)) {
      try {
        py.push(measure(python, [join(root, 'bench', 'python_coder.py'), dir, termsFile]));
        log(`  ${words} words: python ${py.at(-1).seconds.toFixed(2)} s, ${py.at(-1).rssMiB.toFixed(0)} MiB`);
      } catch (e) {
        pythonOk = false;
        log(`  the Python coder failed; install Debian's python3-nltk and python3-sklearn (apt-get install), or pass --no-python\n${e.message}`);
      }
    }
  }
  const t = median(themes.map((r) => r.seconds));
  const p = py.length ? median(py.map((r) => r.seconds)) : NaN;
  rows.push({
    words: meta.words, forms: meta.forms, documents: meta.documents, t, t1: median(single.map((r) => r.seconds)),
    cpu: median(themes.map((r) => r.cpu)), sys: median(themes.map((r) => r.sys)), faults: median(themes.map((r) => r.faults)),
    rss: Math.max(...themes.map((r) => r.rssMiB)), p, pyRss: py.length ? Math.max(...py.map((r) => r.rssMiB)) : NaN,
  });
}

// --help against bare node, interleaved so both see the same load.
const help = [];
const bare = [];
for (let i = 0; i < helpRuns; i++) {
  bare.push(measure(process.execPath, ['-e', '0']).seconds);
  help.push(measure(process.execPath, [bin, '--help']).seconds);
}
rmSync(termsFile, { force: true });

/**
 * What one page fault costs on this machine: a fresh Node process touches each 4 KiB page of
 * 256 MiB it has just allocated, and nothing else; median of 5. Much of `themes code`'s system
 * time is such faults (the page-faults column), and their price differs a lot between machines.
 */
function pageFaultMicros() {
  const probe = 'const b = Buffer.allocUnsafeSlow(256 << 20); const t = process.hrtime.bigint(); ' +
    'for (let i = 0; i < b.length; i += 4096) b[i] = 1; ' +
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1000 / (b.length / 4096)));';
  const times = [];
  for (let i = 0; i < 5; i++) times.push(Number(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout));
  return median(times);
}
const faultMicros = pageFaultMicros();

const n = (x, d = 0, unit = '') => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) + unit : 'n/a');
const out = [
  `| words | documents | distinct forms | themes code | words/s | CPU | of it system | page faults | one thread | peak RSS | Python coder | Python RSS | speed-up |`,
  `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ...rows.map((r) => `| ${n(r.words)} | ${n(r.documents)} | ${n(r.forms)} | ${n(r.t, 2, ' s')} | ${n(r.words / r.t)} | ${n(r.cpu, 2, ' s')} | ` +
    `${n(r.sys, 2, ' s')} | ${n(r.faults)} | ${n(r.t1, 2, ' s')} | ${n(r.rss, 0, ' MiB')} | ${n(r.p, 2, ' s')} | ${n(r.pyRss, 0, ' MiB')} | ${n(r.p / r.t, 1, '×')} |`),
  '',
  `| command | median of ${helpRuns} |`,
  `| --- | ---: |`,
  `| \`node -e 0\` | ${n(median(bare) * 1000, 0, ' ms')} |`,
  `| \`themes --help\` | ${n(median(help) * 1000, 0, ' ms')} (${n(median(help) / median(bare), 1, '×')} bare Node) |`,
  '',
  `${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}; load average at the end ${load()}; ` +
    `themes: median of ${runs} runs (CPU: user + system, both threads; one thread: THEMES_THREADS=1), peak RSS the largest; ` +
    `codebook ${codebook.slice(root.length)}. A page fault on fresh memory costs ${n(faultMicros, 2, ' µs')} here ` +
    `(a Node process touching 256 MiB it has just allocated, median of 5).`,
];
process.stdout.write(`${out.join('\n')}\n`);
