import { cpSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runBin } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

// Every command of the README's quick tour runs, in order, in a copy of the project's samples and
// codebooks inside a fresh git repository (so HEAD~1:path works), as a reader would type it.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const tour = /## Quick tour\n\n```sh\n([\s\S]*?)```/.exec(readme)![1]!;
const commands = tour.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l.startsWith('npx themes '));

/** Exit codes that mean "worked" for a command: check exits 1 when it finds identifiers. */
const expected = (cmd: string) => (cmd.startsWith('npx themes check') ? 1 : 0);

describe('README quick tour', () => {
  const dir = tempDir('themes-tour-');
  cpSync(join(root, 'samples'), join(dir, 'samples'), { recursive: true });
  cpSync(join(root, 'codebooks'), join(dir, 'codebooks'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'first');
  git('commit', '-q', '--allow-empty', '-m', 'second');

  it('has the commands', () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
  });

  it.each(commands)('%s', async (cmd) => {
    const argv = cmd.replace(/^npx themes /, '').replace(/\s*>\s*\S+$/, '').split(/\s+/);
    const r = await runBin(argv, { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.code, r.stderr).toBe(expected(cmd));
  });
});
