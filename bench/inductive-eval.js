#!/usr/bin/env node
// Quality of the inductive pass: adjusted Rand index (ARI) of `themes suggest`'s candidate
// assignment against hand-written topic labels, beside a plain TF-IDF + k-means baseline, in
// the same run. Usage: npm run eval:inductive [-- --seeds N]. Needs `npm run build` first.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { evaluate, labelledCorpus } = await import(`${root}dist/coding/inductive/evaluate.js`);
const args = process.argv.slice(2);
const seeds = Number(args[args.indexOf('--seeds') + 1] || 5) || 5;

const set = 'test/fixtures/inductive-eval/segments.tsv';
const result = evaluate(labelledCorpus(readFileSync(`${root}${set}`, 'utf8')), seeds);
const row = (name, ari) => `| ${name} | ${ari.toFixed(3)} |`;
console.log(`Evaluation set ${set}: ${result.segments} segments, ${result.topics} topics; ARI, mean over seeds 1..${result.seeds}`);
console.log('');
console.log('| method | ARI |');
console.log('| --- | ---: |');
console.log(row(`themes suggest --k ${result.topics}`, result.suggestAri));
console.log(row(`themes suggest (k chosen: ${result.autoK.join(', ')})`, result.autoAri));
console.log(row(`baseline: TF-IDF + k-means, k = ${result.topics}`, result.baselineAri));
console.log('');
const ratio = result.baselineAri > 0 ? `${(result.suggestAri / result.baselineAri).toFixed(1)} times` : 'above';
console.log(`themes suggest --k ${result.topics} is ${ratio} the baseline (+${(result.suggestAri - result.baselineAri).toFixed(3)} ARI).`);
