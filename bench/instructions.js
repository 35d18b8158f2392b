#!/usr/bin/env node
// Instructions, not seconds: reads, parses, masks and codes the first notes of a notes folder in
// one thread under valgrind's callgrind, and prints the count. Wall times on a shared virtual
// machine swing by 10 to 30 % between runs; this count repeats to about 0.1 %, so it shows a change
// of a few per cent that `npm run bench` cannot. Needs valgrind (Debian package `valgrind`) and a
// built dist/ (npm run build); a folder made by `npm run bench` will do:
//
//   node bench/instructions.js $TMPDIR/themes-bench/<tag>-10000000 [--notes 300] [--codebook FILE]
//
// Compare two versions by running it on each, on the same folder.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const WITH_VALUE = new Set(['--notes', '--codebook']);
const folder = args.find((a, i) => !a.startsWith('--') && !WITH_VALUE.has(args[i - 1] ?? ''));
const notes = Number(opt('notes', 300));
const codebook = resolve(opt('codebook', `${root}/codebooks/innovasjon.yaml`));

if (args.includes('--inner')) {
  // The work itself, in the process valgrind watches, with the engine set up as bin/themes.js sets it.
  await import('../dist/cli/engine.js');
  const { readCodebooks, segmentOptions } = await import('../dist/cli/load.js');
  const { workFiles } = await import('../dist/cli/parallel/notes.js');
  const { findNoteFiles } = await import('../dist/corpus/files.js');
  const books = readCodebooks([codebook], root);
  const files = findNoteFiles([folder], root).files.slice(0, notes);
  workFiles(files, root, { options: segmentOptions({ unit: 'paragraph', includeInterviewer: false }), codebooks: books.codebooks, mask: true });
} else {
  if (!folder || !existsSync(folder)) {
    process.stderr.write('usage: node bench/instructions.js NOTES_FOLDER [--notes 300] [--codebook FILE]\n');
    process.exit(2);
  }
  if (!existsSync(`${root}/dist/cli/parallel/notes.js`)) {
    process.stderr.write('dist/ is missing: run npm run build first\n');
    process.exit(2);
  }
  // --single-threaded: no background compilation or garbage collection threads, whose share of
  // the work would vary from run to run.
  const run = spawnSync('valgrind', [
    '--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null',
    process.execPath, '--single-threaded', fileURLToPath(import.meta.url), '--inner', resolve(folder),
    '--notes', String(notes), '--codebook', codebook,
  ], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (run.error) {
    process.stderr.write(`cannot run valgrind (${run.error.message}): install it, e.g. apt-get install valgrind\n`);
    process.exit(2);
  }
  const collected = /Collected : (\d+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !collected) {
    process.stderr.write(run.stderr ?? '');
    process.exit(1);
  }
  process.stdout.write(`${notes} notes of ${folder}: ${Number(collected[1]).toLocaleString('en')} instructions\n`);
}
