import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runBin, runCli } from './helpers/cli.js';
import { fixtures, git, makeRepo } from './helpers/codebook-repo.js';
import { expectGolden } from './helpers/golden.js';
import { tempDir } from './helpers/temp.js';

// Every test here runs against a real git repository made in a temporary folder.
let repo: string;
beforeAll(() => {
  repo = makeRepo();
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

const OLD = 'HEAD~1:codebooks/kommune.yaml';
const NEW = 'codebooks/kommune.yaml';

describe('themes codebook diff, options of --impact without it', () => {
  it('stops with CODEBOOK_DIFF_WITHOUT_IMPACT, naming them (they were ignored without a word)', async () => {
    const r = await runCli(['codebook', 'diff', 'codebooks/innovasjon.yaml', 'codebooks/innovasjon.yaml', '--examples', '5', '--unit', 'sentence'], { cwd: root });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('error CODEBOOK_DIFF_WITHOUT_IMPACT --unit, --examples only work with --impact, which was not given');
    const plain = await runCli(['codebook', 'diff', 'codebooks/innovasjon.yaml', 'codebooks/innovasjon.yaml'], { cwd: root });
    expect([plain.code, plain.stderr]).toEqual([0, '']);
  });
});

describe('themes codebook diff, sides read from git', () => {
  it('never passes a side that begins with a dash to git, which would read it as an option', async () => {
    const target = join(tempDir('themes-git-option-'), 'written');
    const r = await runCli(['codebook', 'diff', '--', `--output=${target}:${NEW}`, NEW], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error CODEBOOK_NOT_FOUND cannot be read');
    expect(existsSync(target)).toBe(false);
  });

  it('says «1 document» of an impact on one note, not «1 documents»', async () => {
    const one = readdirSync(join(repo, 'notes')).filter((f) => f.endsWith('.md')).sort()[0]!;
    const r = await runCli(['codebook', 'diff', OLD, NEW, '--impact', join('notes', one)], { cwd: repo });
    expect(r.stdout).toMatch(/^1 document, \d+ segments?; segments with any code/m);
  });

  it('terminal output (no colour off a TTY) with --impact; exit 1 when the versions differ', async () => {
    const r = await runCli(['codebook', 'diff', OLD, NEW, '--impact', 'notes'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expectGolden('codebook/diff-impact.txt', r.stdout);
  });

  it('warns, as themes code does, that --impact codes English notes with a Norwegian codebook', async () => {
    const dir = tempDir('themes-impact-en-');
    writeFileSync(join(dir, 'en.md'), '---\nid: en-1\n---\nR: We simply do not have the time to try new things, and the budget is cut every year.\n');
    writeFileSync(join(dir, 'nb.md'), '---\nid: nb-1\n---\nR: Vi har ikke tid til å prøve nye ting, og budsjettet kuttes hvert år.\n');
    const r = await runCli(['codebook', 'diff', OLD, NEW, '--impact', dir], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('warning NOTES_LANGUAGE_WITHOUT_CODEBOOK 1 note(s) in English (en-1), and no codebook in English: coded with kommune-lite (nb)');
    expect(r.stderr).toMatch(/hint: .*--impact/);
  });

  it('Markdown for a pull request', async () => {
    const r = await runCli(['codebook', 'diff', OLD, NEW, '--impact', 'notes', '--format', 'md'], { cwd: repo });
    expect(r.code).toBe(1);
    expectGolden('codebook/diff-impact.md', r.stdout);
  });

  it('JSON with a version field', async () => {
    const r = await runCli(['codebook', 'diff', OLD, NEW, '--impact', 'notes', '--format', 'json', '--examples', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.version).toBe(1);
    expect(j.old).toMatchObject({ id: 'kommune-lite', language: 'nb', source: OLD });
    expect(j.impact.codes.every((c: { gainedExamples: unknown[]; lostExamples: unknown[] }) => c.gainedExamples.length <= 1 && c.lostExamples.length <= 1)).toBe(true);
    expectGolden('codebook/diff-impact.json', r.stdout);
  });

  it('colours the terminal output on a TTY only', async () => {
    expect((await runCli(['codebook', 'diff', OLD, NEW], { cwd: repo, tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['codebook', 'diff', OLD, NEW], { cwd: repo, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 0 when the two versions mean the same, even if the YAML is styled differently', async () => {
    const same = await runCli(['codebook', 'diff', 'HEAD:codebooks/kommune.yaml', NEW], { cwd: repo });
    expect([same.code, same.stdout.split('\n')[1]]).toEqual([0, 'no changes']);
    const restyled = join(repo, 'restyled.yaml');
    writeFileSync(restyled, `${git(repo, 'show', OLD)}\n# a comment changes nothing\n`.replace('title: Innovasjon i kommunen (testutgave)', "title: 'Innovasjon i kommunen (testutgave)'"));
    const r = await runCli(['codebook', 'diff', OLD, 'restyled.yaml', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).equal).toBe(true);
  });

  it('reads the staged version with :path', async () => {
    const r = await runCli(['codebook', 'show', ':codebooks/kommune.yaml'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  version: 2\n');
  });

  it('shows a codebook from an old revision', async () => {
    const r = await runCli(['codebook', 'show', OLD], { cwd: repo });
    expect(r.code).toBe(0);
    expectGolden('codebook/show-v1.txt', r.stdout);
  });
});

describe('the default codebook', () => {
  it('a term removed from lack-of-time shows as a changed code and as segments lost in samples/notes', async () => {
    const copy = join(repo, 'innovasjon.yaml');
    const text = readFileSync(join(root, 'codebooks/innovasjon.yaml'), 'utf8');
    const lines = text.split('\n');
    const start = lines.findIndex((l) => /- id: lack-of-time\b/.test(l));
    const tid = lines.findIndex((l, i) => i > start && /^\s+- (tid|\{ term: tid, .*\})\s*(#.*)?$/.test(l));
    expect(tid).toBeGreaterThan(start);
    lines.splice(tid, 1);
    writeFileSync(copy, lines.join('\n'));
    const r = await runCli(['codebook', 'diff', join(root, 'codebooks/innovasjon.yaml'), copy, '--impact', join(root, 'samples/notes'), '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.codes).toEqual([expect.objectContaining({ kind: 'changed', from: ['lack-of-time'], to: ['lack-of-time'] })]);
    expect(j.codes[0].changes.terms.removed).toEqual([expect.stringMatching(/^tid\b/)]);
    const impact = j.impact.codes.find((c: { code: string }) => c.code === 'lack-of-time');
    expect(impact.lost).toBeGreaterThan(0);
    expect(impact.gained).toBe(0);
    expect(impact.lostExamples[0].file).toMatch(/samples\/notes\/informant-\d+\.md$/);
  });
});

describe('bad input: a clear message and exit 2', () => {
  const bad = async (args: string[], code: string, cwd = repo) => {
    const r = await runCli(['codebook', ...args], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error ${code} `);
    expect(r.stderr).toContain('hint: ');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    return r.stderr;
  };

  it('a revision that does not exist', async () => {
    expect(await bad(['diff', 'no-such-branch:codebooks/kommune.yaml', NEW], 'GIT_BAD_REVISION')).toContain('no-such-branch');
  });

  it('a path that does not exist in the revision, or on disk', async () => {
    expect(await bad(['diff', 'HEAD~1:codebooks/missing.yaml', NEW], 'GIT_PATH_NOT_IN_REVISION')).toContain('codebooks/missing.yaml');
    await bad(['diff', OLD, 'codebooks/missing.yaml'], 'CODEBOOK_NOT_FOUND');
  });

  it('a path given from a subfolder (git: «exists, but not»), in a revision and in the index: the path git means in the hint', async () => {
    const sub = join(repo, 'codebooks');
    const said = await bad(['diff', 'HEAD~1:kommune.yaml', 'kommune.yaml'], 'GIT_PATH_NOT_IN_REVISION', sub);
    expect(said).toContain('there is no kommune.yaml in HEAD~1');
    expect(said).toMatch(/hint: .*relative to the repository root.*HEAD~1:codebooks\/kommune\.yaml.*HEAD~1:\.\/kommune\.yaml/);
    expect(await bad(['show', ':kommune.yaml'], 'GIT_PATH_NOT_IN_REVISION', sub)).toContain('there is no kommune.yaml in the index');
  });

  it('a revision outside a git repository', async () => {
    const outside = tempDir('themes-nogit-');
    try {
      await bad(['diff', OLD, join(repo, NEW)], 'GIT_NOT_A_REPOSITORY', outside);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file that is not a codebook', async () => {
    await bad(['diff', 'HEAD:notes/informant-a.md', NEW], 'CODEBOOK_NOT_A_CODEBOOK');
  });

  it('a codebook with errors', async () => {
    cpSync(join(fixtures, 'broken.yaml'), join(repo, 'broken.yaml'));
    expect(await bad(['diff', OLD, 'broken.yaml'], 'CODEBOOK_INVALID_POLARITY')).toContain('broken.yaml:10:19:');
  });

  it('two codebooks in different languages', async () => {
    writeFileSync(join(repo, 'english.yaml'), 'codebook: kommune-lite\nlanguage: en\nthemes:\n  - id: inhibitors\n    label: Inhibitors\n    codes:\n      - id: lack-of-time\n        label: Lack of time\n        terms: [time]\n');
    expect(await bad(['diff', OLD, 'english.yaml'], 'CODEBOOK_LANGUAGE_MISMATCH')).toMatch(/language nb .* in en/);
  });

  it('notes for --impact that do not exist', async () => {
    await bad(['diff', OLD, NEW, '--impact', 'no-such-notes'], 'INPUT_NOT_FOUND');
  });

  it('a missing argument', async () => {
    const r = await runCli(['codebook', 'diff', OLD], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'new'");
  });
});

describe('git diff with themes codebook show as textconv', () => {
  const textconv = (command: string) => {
    writeFileSync(join(repo, '.gitattributes'), 'codebooks/*.yaml diff=themes\n');
    git(repo, 'config', 'diff.themes.textconv', command);
  };

  it('shows codebook changes as canonical text, with the code named in each hunk header (real binary)', () => {
    textconv(`"${process.execPath}" "${join(root, 'bin/themes.js')}" codebook show`);
    const out = git(repo, 'diff', 'HEAD~1', 'HEAD', '--', 'codebooks/kommune.yaml');
    expect(out).toContain('-  label.nb: Mangel på tid\n+  label.nb: Tidsmangel\n');
    // git's default hunk header is the nearest unindented line above: a code or theme header.
    const headers = out.match(/^@@ [^@]+ @@ .*$/gm) ?? [];
    expect(headers.length).toBeGreaterThan(1);
    for (const h of headers) expect(h).toMatch(/@@ (codebook|theme|code) [a-z0-9-]/);
    expect(headers.some((h) => / @@ code [a-z-]+ \(/.test(h))).toBe(true);
    expect(out).toContain('+  term: tidsklemme [polarity any]\n');
    // Styling-only lines of the YAML (comments, quotes) never reach the diff.
    expect(out).not.toContain('# Version 2');
    const log = git(repo, 'log', '-p', '--format=commit %s', '--', 'codebooks/kommune.yaml');
    expect(log).toContain('commit codebook v2');
    expect(log).toContain('+code culture-barriers (inhibitors)');
  });

  it('works with the exact README recipe: npx themes codebook show, themes installed in the project', () => {
    // What `npm install themes` leaves in a research project, without the network.
    mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
    symlinkSync(root, join(repo, 'node_modules/themes'));
    symlinkSync('../themes/bin/themes.js', join(repo, 'node_modules/.bin/themes'));
    textconv('npx themes codebook show');
    const out = execFileSync('git', ['diff', 'HEAD~1', 'HEAD', '--', 'codebooks/kommune.yaml'], {
      cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
      env: { PATH: process.env.PATH ?? '', HOME: repo, GIT_CONFIG_NOSYSTEM: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false' },
    });
    expect(out).toContain('-  label.nb: Mangel på tid\n+  label.nb: Tidsmangel\n');
  });
});

describe('the real binary', () => {
  it('diffs two revisions and exits 1', async () => {
    const r = await runBin(['codebook', 'diff', OLD, 'HEAD:codebooks/kommune.yaml', '--format', 'md'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- **renamed** `lack-of-money` → `lack-of-resources`');
  });
});
