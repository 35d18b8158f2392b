export function random(seed: number): () => number;
export function generateCorpus(dir: string, words: number, terms: readonly string[], seed?: number): { words: number; forms: number; documents: number };
