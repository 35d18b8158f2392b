import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, runCli } from './helpers/cli.js';
import { fixtures, makeRepo } from './helpers/codebook-repo.js';

// The samples in the README's "themes codebook" section are real outputs; these tests keep them so.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## themes codebook (review codebooks in git)'), readme.indexOf('## Tables, counts'));

/** The lines printed under `$ command` in a sample block, up to the closing fence. */
function sample(command: string): { args: string[]; lines: string[] } {
  const at = section.indexOf(`$ ${command}`);
  expect(at).toBeGreaterThan(-1);
  const block = section.slice(at, section.indexOf('```', at)).split('\n');
  return { args: command.split(' ').slice(2), lines: block.slice(1).filter((l, i, all) => i < all.length - 1 || l !== '') };
}

let repo: string | undefined;
afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('README samples for themes codebook', () => {
  it('lint', async () => {
    const { args, lines } = sample('npx themes codebook lint broken.yaml');
    const r = await runCli(args, { cwd: fixtures });
    expect(lines).toEqual(r.stdout.trimEnd().split('\n'));
  });

  it('test', async () => {
    const { args, lines } = sample('npx themes codebook test warnings.yaml');
    const r = await runCli(args, { cwd: fixtures });
    expect(lines).toEqual(r.stdout.trimEnd().split('\n'));
  });

  it('diff with --impact (lines shown in order; "..." stands for lines left out)', async () => {
    repo = makeRepo();
    const { args, lines } = sample('npx themes codebook diff HEAD~1:codebooks/kommune.yaml codebooks/kommune.yaml --impact notes');
    const out = (await runCli(args, { cwd: repo })).stdout.split('\n');
    let from = 0;
    for (const line of lines.filter((l) => l !== '...')) {
      const found = out.indexOf(line, from);
      expect(found, line).toBeGreaterThanOrEqual(from);
      from = found + 1;
    }
  });

  it('the textconv recipe is the one the tests run', () => {
    expect(section).toContain("echo 'codebooks/*.yaml diff=themes' >> .gitattributes\ngit config diff.themes.textconv \"npx themes codebook show\"");
  });
});
