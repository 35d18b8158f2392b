// The real binary gives byte-identical outputs whatever the locale, time zone or file order.
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin, samples } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const codebook = fileURLToPath(new URL('fixtures/trust/codebook.yaml', import.meta.url));
const ENVS: Array<Record<string, string>> = [
  { LANG: 'C', TZ: 'UTC' },
  { LANG: 'nb_NO.UTF-8', LC_ALL: 'nb_NO.UTF-8', TZ: 'Europe/Oslo' },
  { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'Pacific/Kiritimati' },
  { LANG: 'en_US.UTF-8', LC_COLLATE: 'sv_SE.UTF-8', TZ: 'America/St_Johns' },
];

/** Two copies of the samples, written in opposite orders, with informant-10 and -2 mixed in. */
function copies(): string[] {
  const names = readdirSync(samples).sort();
  return [names, [...names].reverse()].map((order) => {
    const base = tempDir('themes-det-');
    mkdirSync(join(base, 'notes'));
    for (const n of order) copyFileSync(join(samples, n), join(base, 'notes', n));
    return base;
  });
}

async function outputs(base: string, env: Record<string, string>, reverseArgs: boolean): Promise<Record<string, string>> {
  const files = readdirSync(join(base, 'notes')).sort().map((n) => `notes/${n}`);
  const args = reverseArgs ? [...files].reverse() : files;
  const all = { ...env, SOURCE_DATE_EPOCH: '1767225600' };
  const out: Record<string, string> = {};
  const json = await runBin(['code', ...args, '-c', codebook, '--format', 'json', '--out', 'out', '--force'], { cwd: base, env: all });
  expect(json.code).toBe(0);
  out.json = json.stdout;
  out.stderr = json.stderr;
  for (const f of readdirSync(join(base, 'out')).sort()) out[f] = readFileSync(join(base, 'out', f), 'utf8');
  for (const format of ['csv', 'md']) out[format] = (await runBin(['code', 'notes', '-c', codebook, '--format', format], { cwd: base, env: all })).stdout;
  out.check = (await runBin(['check', ...args, '--format', 'json'], { cwd: base, env: all })).stdout;
  expect((await runBin(['anonymize', ...args, '--out', 'anon', '--force'], { cwd: base, env: all })).code).toBe(0);
  for (const f of readdirSync(join(base, 'anon')).sort()) out[`anon/${f}`] = readFileSync(join(base, 'anon', f), 'utf8');
  out.key = readFileSync(join(base, 'anon.key.json'), 'utf8');
  // Zips carry file times: a Word appendix once failed west of UTC and differed east of it.
  const docx = await runBin(['table', ...args, '-c', codebook, '--format', 'docx', '--out', 'appendix.docx', '--force'], { cwd: base, env: all });
  expect(docx.stderr).not.toContain('internal error');
  expect(docx.code).toBe(0);
  out.docx = readFileSync(join(base, 'appendix.docx')).toString('base64');
  expect((await runBin(['export', 'qdpx', ...args, '-c', codebook, '--out', 'project.qdpx', '--force'], { cwd: base, env: all })).code).toBe(0);
  out.qdpx = readFileSync(join(base, 'project.qdpx')).toString('base64');
  return out;
}

describe('determinism', () => {
  it('same bytes under every LANG/LC_ALL/TZ and file order', async () => {
    const [a, b] = copies();
    const reference = await outputs(a!, ENVS[0]!, false);
    expect(Object.keys(reference).filter((k) => !k.startsWith('anon/')).sort()).toEqual(['check', 'csv', 'docx', 'frequencies.csv', 'json', 'key', 'matrix.csv', 'md', 'qdpx', 'quotes.md', 'run.json', 'segments.jsonl', 'stderr']);
    expect(Object.keys(reference).filter((k) => k.startsWith('anon/'))).toHaveLength(13);
    expect(reference.key).toContain('Person 1');
    expect(reference['segments.jsonl']!.length).toBeGreaterThan(1000);
    for (const [i, env] of ENVS.entries()) {
      // Each setting once, on alternating copies and argument orders, to spare the CPU.
      const base = i % 2 === 0 ? b! : a!;
      const reverse = i % 2 === 0;
      const got = await outputs(base, env, reverse);
      for (const key of Object.keys(reference)) expect(got[key], `${key} with ${JSON.stringify(env)} reverse=${reverse}`).toBe(reference[key]);
    }
  }, 120000);
});
