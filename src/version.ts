import { readFileSync } from 'node:fs';

/** The tool's name and version, from package.json (read once, at first use). */
let cached: { name: string; version: string } | undefined;
export function toolInfo(): { name: string; version: string } {
  cached ??= (() => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version };
  })();
  return cached;
}

/** Where the package is installed: codebooks/ and samples/ are found from here. */
export const packageRoot = new URL('..', import.meta.url);
