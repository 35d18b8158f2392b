#!/usr/bin/env node
// Benchmark of the inductive pass (`themes suggest`) on a synthetic corpus of 1M words.
// Usage: npm run bench:inductive [-- --words N --runs R]. Needs `npm run build` first.
// The corpus is generated deterministically (seeded), written to a temporary folder, and
// `themes suggest --format json` runs on it in a fresh Node process per run, which reports its
// own wall time and peak RSS. Budget (issue 3): under 10 s and under 2 GiB for 1M words.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random as prng } from './corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

if (args[0] === '--child') {
  const { run } = await import(join(root, 'dist/cli/run.js'));
  let bytes = 0;
  const sink = { write: (s) => { bytes += s.length; return true; }, isTTY: false };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await run(['suggest', args[1], '-c', join(root, 'test/fixtures/inductive/codebook.yaml'), '--format', 'json'],
    { stdout: sink, stderr: { write: (s) => process.stderr.write(s), isTTY: false }, env: {}, cwd: root });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({ code, seconds, cpuSeconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, outputBytes: bytes }));
  process.exit(0);
}

const WORDS = Number(arg('--words', 1_000_000));
const RUNS = Number(arg('--runs', 3));


const TOPICS = [
  'tid tida tiden tidspress driften driftsfokus utviklingstid travelt hverdagen vakter turnus skjermet avsatt',
  'budsjett budsjettet penger midler midlene økonomi kommuneøkonomien tilskudd finansiering kroner innsparing kutt',
  'ledelse lederen ledergruppa forankring forankret strategi kommunedirektøren mellomledere støtte tydelig retning',
  'teknologi velferdsteknologi digitale digitalisering sensorer nettbrett systemet journalløsningen appen utstyret',
  'samskaping innbyggerne frivillige frivilligheten brukerne pårørende brukermedvirkning lag foreninger nabolaget',
  'kultur feile feilkultur motstand vaner trygghet eksperimentere våge modig endringer holdninger nysgjerrig',
  'silo siloene tvers samarbeid sektorene etatene avdelingene helhet koordinering tverrfaglige team felles',
  'kompetanse opplæring kurs kunnskap veiledning etterutdanning metodikk tjenestedesign analysekompetanse hospitering',
].map((t) => t.split(' '));
const FUNCTION = 'vi det er og at som har en på i for til ikke med de den av om så men når må kan skal blir var jeg dem'.split(' ');
const SYLLABLES = 'ka ro ne ti la be sta for mel ung dom vik hel sam ar beid til ret ning skap ord pla ne'.split(' ');

function corpus(dir) {
  const random = prng(20261123);
  // A long Zipfian tail of other words, like any real corpus has.
  const filler = Array.from({ length: 20000 }, () => {
    const n = 2 + Math.floor(random() * 3);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  });
  const zipf = () => filler[Math.min(filler.length - 1, Math.floor(Math.exp(random() * Math.log(filler.length))) - 1)];
  const informants = 40;
  const perInformant = Math.ceil(WORDS / informants);
  let total = 0;
  for (let i = 1; i <= informants; i++) {
    const paragraphs = [];
    let words = 0;
    while (words < perInformant) {
      const topic = TOPICS[Math.floor(random() * TOPICS.length)];
      const length = 30 + Math.floor(random() * 60);
      const out = [];
      for (let w = 0; w < length; w++) {
        const r = random();
        out.push(r < 0.5 ? FUNCTION[Math.floor(random() * FUNCTION.length)] : r < 0.75 ? topic[Math.floor(random() * topic.length)] : zipf());
      }
      paragraphs.push(`${out.join(' ')}.`);
      words += length;
    }
    total += words;
    const role = i % 2 ? 'arbeidsgiver' : 'tillitsvalgt';
    writeFileSync(join(dir, `informant-${String(i).padStart(2, '0')}.md`), `---\nid: informant-${i}\nrole: ${role}\nlang: nb\n---\n\n# Notater\n\n${paragraphs.join('\n\n')}\n`);
  }
  return total;
}

if (args[0] === '--generate') {
  // Write the corpus to a folder and stop: for profiling, or for trying `themes suggest` on it.
  mkdirSync(args[1], { recursive: true });
  console.log(`${corpus(args[1])} words in ${args[1]}`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'themes-bench-inductive-'));
try {
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  const words = corpus(notes);
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the machine slows the wall time)`);
  console.log(`themes suggest on ${words.toLocaleString('en')} words (synthetic, seeded), ${RUNS} runs`);
  const results = [];
  for (let r = 0; r < RUNS; r++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', notes], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const result = JSON.parse(child.stdout);
    if (result.code !== 0) {
      console.error(`themes suggest exited with ${result.code}`);
      process.exit(1);
    }
    results.push(result);
    console.log(`  run ${r + 1}: ${result.seconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU, peak RSS ${result.maxRssMiB.toFixed(0)} MiB`);
  }
  const times = results.map((x) => x.seconds).sort((a, b) => a - b);
  const rss = Math.max(...results.map((x) => x.maxRssMiB));
  const median = times[Math.floor(times.length / 2)];
  const ok = median < 10 && rss < 2048;
  console.log(`median ${median.toFixed(2)} s, max peak RSS ${rss.toFixed(0)} MiB: ${ok ? 'within' : 'OVER'} the budget (10 s, 2048 MiB)`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
