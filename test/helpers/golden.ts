import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { normalise, root } from './cli.js';

/**
 * Compare with test/golden/<name> after normalising. UPDATE_GOLDEN=1 rewrites the file; review
 * the diff in git before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(root, 'test', 'golden', name);
  const text = normalise(actual);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file ${name} is missing`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
