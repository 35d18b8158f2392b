// Counts in messages and report lines take their noun in the right number.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plural } from '../src/util/plural.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

describe('plural', () => {
  it('gives one noun for one and the plural for others, given or with an s', () => {
    expect([plural(1, 'source'), plural(0, 'source'), plural(2, 'source')]).toEqual(['1 source', '0 sources', '2 sources']);
    expect([plural(1, 'informant', 'informanter'), plural(3, 'informant', 'informanter')]).toEqual(['1 informant', '3 informanter']);
  });

  it('says «1 informant, 1 segment» under the terminal table of one short note (it said «1 informanter, 1 segmenter»)', async () => {
    const dir = tempDir('themes-plural-');
    writeFileSync(join(dir, 'a.md'), '---\nid: a\n---\n\nR: Det er ikke tid til utviklingsarbeid her.\n');
    const nb = await runCli(['code', dir]);
    expect(nb.stdout).toContain('1 informant, 1 segment (avsnitt)');
    writeFileSync(join(dir, 'a.md'), '---\nid: a\nlang: en\n---\n\nR: We have no time for development work here.\n');
    const en = await runCli(['code', dir]);
    expect(en.stdout).toContain('1 informant, 1 segment (paragraph)');
  });
});
