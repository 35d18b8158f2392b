import type { Node } from 'yaml';
import { isMap, isScalar, isSeq, parseYaml } from '../util/yaml.js';
import type { CasePlaces } from './testing.js';

/**
 * Line and column of every example and counterexample, by code id, so test failures and lint
 * warnings point at the text itself. Reads the YAML again; the loader keeps only code positions.
 */
export function casePlaces(text: string, file: string): CasePlaces {
  const { doc, place } = parseYaml(text.replace(/^\uFEFF/, ''), file, 'CODEBOOK_YAML_SYNTAX');
  const out: CasePlaces = new Map();
  const get = (map: Node, key: string): Node | undefined => {
    if (!isMap(map)) return undefined;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return (pair?.value ?? undefined) as Node | undefined;
  };
  const items = (node: Node | undefined): Node[] => (isSeq(node) ? (node.items as Node[]) : []);
  const walkTheme = (theme: Node): void => {
    for (const code of items(get(theme, 'codes'))) {
      const id = get(code, 'id');
      if (!isScalar(id)) continue;
      out.set(String(id.value), {
        examples: items(get(code, 'examples')).map(place),
        counterexamples: items(get(code, 'counterexamples')).map(place),
      });
    }
    items(get(theme, 'themes')).forEach(walkTheme);
  };
  if (doc.contents) items(get(doc.contents as Node, 'themes')).forEach(walkTheme);
  return out;
}

/**
 * A file that does not even try to be a codebook (a note, a package.json, a binary file): no
 * top-level `codebook:` or `themes:` key (quoted or not; JSON too). Such a file is a wrong argument, not a codebook with errors.
 */
export function looksLikeCodebook(text: string): boolean {
  if (text.includes('\u0000')) return false;
  // Quoted as some YAML writers quote every key, or as JSON (which is YAML too).
  const plain = text.replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(plain)) return /"(?:codebook|themes)"\s*:/.test(plain);
  return /^["']?(?:codebook|themes)["']?[ \t]*:/m.test(plain);
}
