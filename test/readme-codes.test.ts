import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers/cli.js';

// Every diagnostic code is stable and documented: a user who sees one can look it up.

/** Codes of the yaml package that src compares against, not codes themes gives. */
const NOT_OURS = new Set(['TAB_AS_INDENT', 'DUPLICATE_KEY', 'MULTIPLE_DOCS', 'MISSING_CHAR', 'BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'QUOTE_DOUBLE', 'QUOTE_SINGLE']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('diagnostic codes', () => {
  it('names every code that src can give somewhere in the README', () => {
    const codes = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) if (!NOT_OURS.has(m[1]!)) codes.add(m[1]!);
      // parseYaml reports a repeated key as its code + _DUPLICATE_KEY.
      for (const m of text.matchAll(/parseYaml\([^)]*'([A-Z_]+)'/g)) codes.add(`${m[1]}_DUPLICATE_KEY`);
    }
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map((m) => m[1]!));
    expect(codes.size).toBeGreaterThan(100);
    expect([...codes].filter((c) => !documented.has(c)).sort()).toEqual([]);
  });
});
