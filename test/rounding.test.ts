import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, percent } from '../src/render/format.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

// Figures go into theses, and a reviewer who rounds the exact fraction by hand must get the same
// last digit: an exact half rounds away from zero, whatever the binary value of the float is.

/** a/b rounded half up to `digits` decimals, in exact integer arithmetic. */
function exact(a: number, b: number, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const q = (2n * BigInt(a) * scale + BigInt(b)) / (2n * BigInt(b));
  const s = q.toString().padStart(digits + 1, '0');
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

describe('rounding of printed figures', () => {
  it('rounds an exact half up, where toFixed and Math.round see the float below it', () => {
    expect([(23 / 80).toFixed(3), fixed(23 / 80, 3)]).toEqual(['0.287', '0.288']);
    expect([Math.round(0.575 * 100), percent(23 / 40)]).toEqual([57, '58 %']);
    expect(fixed((102 / 160) * 100, 1)).toBe('63.8');
    expect([(0.31249999999999994).toFixed(3), fixed(0.31249999999999994, 3)]).toEqual(['0.312', '0.313']);
    expect([fixed(-0.0625, 3), fixed(-0.0001, 3), fixed(1, 3), fixed(0.1234, 3)]).toEqual(['-0.063', '0.000', '1.000', '0.123']);
  });

  it('agrees with exact arithmetic for every fraction a/b with b up to 400', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), fc.constantFrom(0, 1, 2, 3), (b, n, digits) => {
      const a = n % (b + 1);
      expect(fixed(a / b, digits)).toBe(exact(a, b, digits));
      expect(percent(a / b)).toBe(`${exact(100 * a, b, 0)} %`);
    }), { numRuns: 3000 });
  });

  it('prints kappa 0.3125 as 0.313 and 63.75 % as 63.8 % in themes agree', async () => {
    const dir = tempDir('themes-rounding-');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 't.md'), `# Test\n\n${Array.from({ length: 11 }, (_, i) => `R: Avsnitt nummer ${i + 1}.`).join('\n\n')}\n`);
    // 11 paragraphs on lines 3, 5, … 23: a codes 2, b the same 2 and 4 more; 7 of 11 agree.
    const rows = (lines: number[]) => `document,line,code\n${lines.map((l) => `t,${l},trust`).join('\n')}\n`;
    writeFileSync(join(dir, 'a.csv'), rows([3, 5]));
    writeFileSync(join(dir, 'b.csv'), rows([3, 5, 7, 9, 11, 13]));
    const r = await runCli(['agree', `a=${join(dir, 'a.csv')}`, `b=${join(dir, 'b.csv')}`, '--notes', join(dir, 'notes'), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^trust,11,0\.636,0\.313,/m);
  });

  it('prints 23 of 40 informants as 58 % in themes code', async () => {
    const dir = tempDir('themes-rounding-');
    for (let i = 1; i <= 40; i++) {
      writeFileSync(join(dir, `n${String(i).padStart(2, '0')}.md`), i <= 23 ? 'Vi har ikke tid til utviklingsarbeid.\n' : 'Vi snakket om været.\n');
    }
    const r = await runCli(['code', dir, '--format', 'md']);
    expect(r.stdout).toMatch(/Mangel på tid `lack-of-time` \| 23 \| 23 \| 58 % \|/);
  });
});
