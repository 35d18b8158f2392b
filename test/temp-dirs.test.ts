import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './helpers/temp.js';

describe('temporary folders of the tests', () => {
  it('tempDir makes an empty folder that removeTempDirs removes with its contents', () => {
    const dir = tempDir('themes-tempdir-');
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'a.txt'), 'x');
    removeTempDirs();
    expect(existsSync(dir)).toBe(false);
  });

  it('every test makes its folders through tempDir, so none is left behind', () => {
    const here = import.meta.dirname;
    const files = readdirSync(here, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f !== join('helpers', 'temp.ts') && f !== 'temp-dirs.test.ts');
    const raw = files.filter((f) => /\bmkdtemp(Sync)?\(/.test(readFileSync(join(here, f), 'utf8')));
    expect(raw).toEqual([]);
  });
});
