import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { casePlaces } from '../src/codebook/places.js';
import { testCodebook } from '../src/codebook/testing.js';
import { runCli } from './helpers/cli.js';

const text = `codebook: t
language: nb
themes:
  - id: inhibitors
    label: Hemmere
    codes:
      - id: lack-of-time
        label: Mangel på tid
        polarity: lack
        examples:
          - «Vi har ikke tid til å tenke nytt.»
          - «Tida går med til drift.»
        counterexamples:
          - «Vi har fått avsatt tid hver fredag.»
          - «Det er ikke penger, men tid har vi.»
          - «Vi har ikke tid.»
        terms: [tid]
      - id: untested
        label: Uten eksempler
        terms: [penger]
  - id: promoters
    label: Fremmere
    codes:
      - id: set-aside-time
        label: Avsatt tid
        polarity: presence
        examples: [«Vi har avsatt tid hver uke.»]
        terms: [avsatt tid, tid]
`;

describe('testCodebook', () => {
  const { codebook } = loadCodebook(text, 'cb.yaml');
  const result = testCodebook(codebook!, casePlaces(text, 'cb.yaml'));

  it('runs every example and counterexample through the matcher', () => {
    expect(result.cases.map((c) => [c.code, c.kind, c.index, c.pass])).toEqual([
      ['lack-of-time', 'example', 0, true],
      ['lack-of-time', 'example', 1, false],
      ['lack-of-time', 'counterexample', 0, true],
      ['lack-of-time', 'counterexample', 1, true],
      ['lack-of-time', 'counterexample', 2, false],
      ['set-aside-time', 'example', 0, true],
    ]);
    expect([result.passed, result.failed]).toEqual([4, 2]);
    expect(result.untested).toEqual(['untested']);
  });

  it('gives the evidence: the polarity rule for a missed example, the term and cue for a wrongly coded counterexample', () => {
    const missed = result.cases[1]!;
    expect(missed.rejected.map((e) => e.text)).toEqual(['Tida']);
    expect(missed.others).toEqual([{ code: 'set-aside-time', terms: ['tid'] }]);
    expect(missed.place).toEqual({ line: 12, column: 13 });
    const wrong = result.cases[4]!;
    expect(wrong.evidence).toEqual([{ term: 'tid', start: 13, end: 16, text: 'tid', cue: { start: 8, end: 12, text: 'ikke' } }]);
    expect(wrong.place).toEqual({ line: 16, column: 13 });
  });
});

describe('themes codebook test', () => {
  const dir = 'test/fixtures/codebook-review';

  it('exits 0 when every case passes', async () => {
    const r = await runCli(['codebook', 'test', `${dir}/v1.yaml`, `${dir}/v2.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${dir}/v1.yaml: all passed, 9 of 9 passed (7 examples, 2 counterexamples)\n${dir}/v2.yaml: all passed, 11 of 11 passed (9 examples, 2 counterexamples)\n`);
  });

  it('lists failures with file:line:column and evidence, and exits 1', async () => {
    const r = await runCli(['codebook', 'test', `${dir}/warnings.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      `${dir}/warnings.yaml:11:27: FAIL counterexample 1 of lack-of-time is coded lack-of-time`,
      '  text: «Vi har ikke tid.»',
      '  matched: term Tid, lack cue "ikke"; term tid, lack cue "ikke"',
      '',
      `${dir}/warnings.yaml: 1 failed, 1 of 2 passed (1 example, 1 counterexample)`,
      '',
    ].join('\n'));
    const j = JSON.parse((await runCli(['codebook', 'test', '--format', 'json', `${dir}/warnings.yaml`])).stdout);
    expect(j.codebooks[0]).toMatchObject({ failed: 1, passed: 1 });
    expect(j.codebooks[0].cases[1]).toMatchObject({ code: 'lack-of-time', kind: 'counterexample', pass: false, place: { line: 11, column: 27 } });
  });

  it('passes on the shipped default codebooks (their examples and counterexamples hold)', async () => {
    const r = await runCli(['codebook', 'test', 'codebooks/innovasjon.yaml', 'codebooks/innovation-en.yaml', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    const failures = j.codebooks.flatMap((c: { cases: Array<{ pass: boolean; code: string; kind: string; text: string }> }) => c.cases.filter((x) => !x.pass).map((x) => `${x.code} ${x.kind}: ${x.text}`));
    expect(failures).toEqual([]);
    expect(r.code).toBe(0);
    expect(j.codebooks.map((c: { passed: number }) => c.passed).every((n: number) => n > 50)).toBe(true);
  });

  it('exits 2 on a codebook with errors', async () => {
    const r = await runCli(['codebook', 'test', `${dir}/broken.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CODEBOOK_INVALID_POLARITY');
  });
});
