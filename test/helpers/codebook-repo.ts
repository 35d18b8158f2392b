import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './cli.js';
import { tempDir } from './temp.js';

export const fixtures = join(root, 'test/fixtures/codebook-review');

/** git in a test repository, with no global or system configuration leaking in. */
export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo, encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: repo, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(repo, '.gitconfig-test') },
  });
}

/**
 * A real git repository in a temporary folder: codebooks/kommune.yaml committed as v1, then as v2,
 * and the review notes under notes/. HEAD~1 is v1, HEAD is v2.
 */
export function makeRepo(): string {
  const repo = tempDir('themes-codebook-');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Test Reviewer');
  git(repo, 'config', 'user.email', 'reviewer@example.org');
  git(repo, 'config', 'commit.gpgsign', 'false');
  mkdirSync(join(repo, 'codebooks'));
  cpSync(join(fixtures, 'notes'), join(repo, 'notes'), { recursive: true });
  cpSync(join(fixtures, 'v1.yaml'), join(repo, 'codebooks/kommune.yaml'));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'codebook v1');
  cpSync(join(fixtures, 'v2.yaml'), join(repo, 'codebooks/kommune.yaml'));
  git(repo, 'commit', '-q', '-a', '-m', 'codebook v2');
  return repo;
}
