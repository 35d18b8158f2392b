import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { normalise, root } from './cli.js';

/**
 * Compare user-facing output with a golden file under test/golden/. Run with UPDATE_GOLDEN=1 to
 * write the files, then read the diff in git before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(root, 'test', 'golden', name);
  const text = normalise(actual);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file ${name} is missing`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(text).toBe(normalise(readFileSync(file, 'utf8')));
}
