// A short answer to a question that asks what hinders names obstacles: «Hva hemmer innovasjon hos
// dere? – Tid. Og penger.» is lack of time and of money, though «Tid.» alone says nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

interface Seg { line: number; text: string; codes: Array<{ code: string; evidence: Array<{ text: string; cue?: { text: string; asked?: boolean } }> }> }

async function coded(note: string, lang = 'nb'): Promise<Map<number, Seg>> {
  const dir = tempDir('themes-obstacle-q-');
  const out = join(tempDir('themes-obstacle-q-out-'), 'out');
  writeFileSync(join(dir, 'a.md'), `---\nid: a\nlang: ${lang}\n---\n\n${note}`);
  const r = await runCli(['code', dir, '--out', out]);
  expect(r.code).toBe(0);
  const segs = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Seg);
  return new Map(segs.map((s) => [s.line, s]));
}
const codes = (s: Seg | undefined) => s?.codes.map((c) => c.code).sort() ?? [];

describe('answers to a question about what hinders', () => {
  it('read a term that says nothing on its own as a lack, with the question\'s word as its cue', async () => {
    const s = await coded([
      'I: Hva hemmer innovasjon hos dere?', '', 'R: Tid. Og penger.', '',
      'I: Hva er de største utfordringene?', '', 'R: Det e nok bemanninga.', '',
      'I: Hva tenker du hemmer nyskaping mest?', '', 'R: Tida. Vi har så mye drift at det ikke blir noe igjen til utvikling, og folk er slitne etter vaktene.', '',
    ].join('\n'));
    expect(codes(s.get(8))).toEqual(['lack-of-funding', 'lack-of-time']);
    expect(s.get(8)!.codes[0]!.evidence[0]!.cue).toMatchObject({ text: 'hemmer', asked: true });
    expect(codes(s.get(12))).toEqual(['understaffing']);
    expect(codes(s.get(16))).toContain('lack-of-time');
  });

  it('leave alone an answer that says what it has, denies, or answers a question about what helps', async () => {
    const s = await coded([
      'I: Hva hemmer dere?', '', 'R: Kurs har vi nok av, det er ikke problemet.', '',
      'I: Hva hjelper mot hindringene?', '', 'R: Tid.', '',
      'I: Hva hemmer innovasjon?', '', 'R: Egentlig ingenting. Vi har god tid.', '',
      'I: Hvordan er tida hos dere?', '', 'R: Tid har vi.', '',
    ].join('\n'));
    expect(codes(s.get(8))).toEqual(['competence-building']);
    for (const line of [12, 16, 20]) expect([line, codes(s.get(line))]).toEqual([line, []]);
  });

  it('works in English too', async () => {
    const s = await coded('Q: What are the main barriers to innovation here?\n\nA: Time, mostly. And money.\n\nQ: What helps you overcome the barriers?\n\nA: Time.\n', 'en');
    expect(codes(s.get(8))).toEqual(['lack-of-funding', 'lack-of-time']);
    expect(codes(s.get(12))).toEqual([]);
  });

  it('reads phrases of hindrance as its words: "holds you back", "in the way", «held dykk att», «står i vegen»', async () => {
    const en = await coded('Q: What holds you back most?\n\nA: Caseloads. And the system.\n\nQ: What gets in the way?\n\nA: Funding, mostly.\n\nQ: What holds the team together?\n\nA: Trust, mostly.\n', 'en');
    expect(codes(en.get(8))).toEqual(['lack-of-time']);
    expect(en.get(8)!.codes[0]!.evidence[0]!.cue).toMatchObject({ text: 'holds', asked: true });
    expect(codes(en.get(12))).toEqual(['lack-of-funding']);
    expect(codes(en.get(16))).toEqual(['trust']);
    const nb = await coded('I: Kva held dykk att?\n\nR: Tid. Og pengar.\n\nI: Kva står i vegen for nye idear?\n\nR: Byråkrati og tid.\n', 'nn');
    expect(codes(nb.get(8))).toEqual(['lack-of-funding', 'lack-of-time']);
    expect(codes(nb.get(12))).toEqual(['lack-of-time', 'rigid-regulation']);
  });
});
