import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subtitlesToText } from '../src/corpus/subtitles.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

/** As Teams writes a meeting transcript: voice tags, a sentence cut over two cues, an entity. */
const TEAMS = [
  'WEBVTT', // 1
  '', // 2
  'NOTE', // 3
  'id: informant-21', // 4
  'role: leder', // 5
  '', // 6
  '3f1c-1', // 7
  '00:00:01.000 --> 00:00:03.500', // 8
  '<v Kari Nordmann>Hva hindrer innovasjon', // 9
  'hos dere?</v>', // 10
  '', // 11
  '3f1c-2', // 12
  '00:00:04.000 --> 00:00:06.000', // 13
  '<v Ola Hansen>Vi har rett og slett ikke</v>', // 14
  '', // 15
  '00:00:06.100 --> 00:00:09.000', // 16
  '<v Ola Hansen>tid til utviklingsarbeid, og det er <i>mangel</i> på penger &amp; folk.</v>', // 17
  '', // 18
  '00:00:14.000 --> 00:00:16.000', // 19
  '<v Ola Hansen>Men vi har øremerkede midler.</v>', // 20
  '',
].join('\n');

/** As Whisper writes SubRip: numbered cues, comma decimals, no voices, CRLF. */
const WHISPER = [
  '1', // 1
  '00:00:00,000 --> 00:00:02,500', // 2
  'Vi har ikke', // 3
  '', // 4
  '2', // 5
  '00:00:02,600 --> 00:00:05,000', // 6
  'tid til utviklingsarbeid.', // 7
  '', // 8
  '3', // 9
  '00:00:09,000 --> 00:00:12,000', // 10
  '<i>Men vi har fått øremerkede midler.</i>', // 11
  '',
].join('\r\n');

/** As Zoom writes WebVTT: the voice typed before a colon in each cue. */
const ZOOM = [
  'WEBVTT', '',
  '1', '00:00:01.000 --> 00:00:02.000', 'Intervjuer: Har dere tid til dette?', '', // 3-5
  '2', '00:00:02.500 --> 00:00:04.000', 'Per Olsen: Nei, det er mangel på tid.', '', // 7-9
  '3', '00:00:04.500 --> 00:00:05.000', 'Intervjuer: Og økonomien?', '', // 11-13
  '4', '00:00:05.500 --> 00:00:07.000', 'Per Olsen: Problemet er: vi har ikke penger.', '', // 15-17
].join('\n');

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('subtitlesToText', () => {
  it('joins the cues of one voice into a paragraph that begins with the voice as its speaker label', () => {
    const { text, voices } = subtitlesToText(TEAMS);
    expect(voices).toEqual(['Kari Nordmann', 'Ola Hansen']);
    expect(text).toContain('Kari Nordmann: Hva hindrer innovasjon hos dere?\n');
    expect(text).toContain('Ola Hansen: Vi har rett og slett ikke tid til utviklingsarbeid, og det er mangel på penger & folk.\n');
    expect(text).not.toMatch(/-->|<\/?[vi]\b|&amp;|3f1c/);
  });

  it('puts each paragraph on the line of the file where its first cue text is', () => {
    const { text } = subtitlesToText(TEAMS);
    expect(lineOf(text, 'Kari Nordmann:')).toBe(9);
    expect(lineOf(text, 'Ola Hansen:')).toBe(14);
    expect(lineOf(text, 'Men vi har')).toBe(20);
  });

  it('reads a NOTE block of key: value lines as front matter', () => {
    expect(subtitlesToText(TEAMS).text.startsWith('---\nid: informant-21\nrole: leder\n---\n')).toBe(true);
  });

  it('starts a new paragraph after a pause of two seconds, without repeating the voice', () => {
    const { text } = subtitlesToText(TEAMS);
    // 00:00:09 to 00:00:14: a pause, so a paragraph of its own, which the segmenter keeps in Ola's turn.
    expect(text).toMatch(/folk\.\n\n+Men vi har øremerkede midler\.\n$/);
    const srt = subtitlesToText(WHISPER).text;
    expect(srt.trim().split(/\n\s*\n+/)).toEqual(['Vi har ikke tid til utviklingsarbeid.', 'Men vi har fått øremerkede midler.']);
    expect(lineOf(srt, 'Vi har')).toBe(3);
    expect(lineOf(srt, 'Men vi')).toBe(11);
  });

  it('takes a name typed before a colon as a voice only when it begins two cues or more', () => {
    const { text, voices } = subtitlesToText(ZOOM);
    expect(voices).toEqual(['Intervjuer', 'Per Olsen']);
    expect(text).toContain('Per Olsen: Problemet er: vi har ikke penger.');
    expect(voices).not.toContain('Problemet er');
  });

  it('reads front matter in --- lines at the top of a SubRip file', () => {
    const { text } = subtitlesToText(`---\nid: informant-30\nsite: Nordvik\n---\n\n${WHISPER}`);
    expect(text.startsWith('---\nid: informant-30\nsite: Nordvik\n---\n')).toBe(true);
    expect(text).toContain('Vi har ikke tid til utviklingsarbeid.');
  });

  it('reads front matter whose closing --- the first cue follows with no blank line, keeping the cue on its line', () => {
    const srt = '---\nid: informant-22\nrole: leder\n---\n1\n00:00:01,000 --> 00:00:03,000\nR: Vi har ikke tid.\n';
    const { text } = subtitlesToText(srt);
    expect(text.startsWith('---\nid: informant-22\nrole: leder\n---\n')).toBe(true);
    // The cue's text is on line 7 of the file, and so in the text read.
    expect(text.split('\n')[6]).toBe('R: Vi har ikke tid.');
    const vtt = subtitlesToText('WEBVTT\n\n---\nid: informant-23\n---\n00:00:01.000 --> 00:00:03.000\nR: Lite penger.\n').text;
    expect(vtt.startsWith('---\nid: informant-23\n---\n')).toBe(true);
    expect(vtt.split('\n')[6]).toBe('R: Lite penger.');
  });
});

describe('subtitlesToText on what other tools write', () => {
  it('says once what YouTube\'s rolling captions repeat from cue to cue', () => {
    const youtube = [
      'WEBVTT', 'Kind: captions', 'Language: no', '',
      '00:00:00.060 --> 00:00:02.330 align:start position:0%', ' ', 'vi<00:00:00.359><c> har</c><00:00:00.719><c> ikke</c><00:00:01.079><c> tid</c>', '',
      '00:00:02.330 --> 00:00:02.340 align:start position:0%', 'vi har ikke tid', ' ', '',
      '00:00:02.340 --> 00:00:04.670 align:start position:0%', 'vi har ikke tid', 'til<00:00:02.639><c> utviklingsarbeid</c>', '',
      '00:00:04.670 --> 00:00:04.680 align:start position:0%', 'til utviklingsarbeid', ' ', '',
    ].join('\n');
    const { text } = subtitlesToText(youtube);
    expect(text.trim()).toBe('vi har ikke tid til utviklingsarbeid');
    expect(lineOf(text, 'vi har')).toBe(7);
  });

  it('reads cues with no blank line between them, leaving their numbers and timings out', () => {
    const { text } = subtitlesToText('1\n00:00:01,000 --> 00:00:03,000\nVi har ikke\n2\n00:00:03,100 --> 00:00:06,000\ntid til utviklingsarbeid.\n');
    expect(text.trim()).toBe('Vi har ikke tid til utviklingsarbeid.');
  });

  it('makes each dash line of a cue (two speakers in one cue) a paragraph of its own, without the dash', () => {
    const { text } = subtitlesToText('1\n00:00:01,000 --> 00:00:03,000\n- Har dere en forslagskasse?\n- Ja, men ingen bruker den.\n');
    expect(text.trim().split(/\n\s*\n+/)).toEqual(['Har dere en forslagskasse?', 'Ja, men ingen bruker den.']);
  });

  it('names a voice as it can be given to --interviewer-labels: Last, First turned round, pronouns and organisation left out', () => {
    const teams = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Nordmann, Kari>Hva hindrer dere?</v>\n\n00:00:02.500 --> 00:00:04.000\n<v Hansen, Ola (Fjellvik kommune)>Vi har ikke tid.</v>\n';
    expect(subtitlesToText(teams).voices).toEqual(['Kari Nordmann', 'Ola Hansen']);
    const cue = (n: number, who: string, said: string) => `${n}\n00:00:0${n}.000 --> 00:00:0${n}.900\n${who}: ${said}\n`;
    const zoom = ['WEBVTT', '', cue(1, 'Kari Nordmann (hun/henne)', 'Hva hindrer dere?'), cue(2, 'Ola Hansen - Fjellvik kommune', 'Vi har ikke tid.'),
      cue(3, 'Kari Nordmann (hun/henne)', 'Og budsjettet?'), cue(4, 'Ola Hansen - Fjellvik kommune', 'Det er for stramt.'), cue(5, 'Lise Berg', 'Vi mangler tid.')].join('\n');
    // Lise Berg speaks once: a voice all the same, once the file has two that recur.
    expect(subtitlesToText(zoom).voices).toEqual(['Kari Nordmann', 'Ola Hansen', 'Lise Berg']);
  });

  it('takes no phrase before a colon for a voice unless it looks like a name', () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,000\nDet er enkelt: vi har ikke tid.\n\n2\n00:00:03,500 --> 00:00:05,000\nDet er enkelt: budsjettet er for stramt.\n';
    const { text, voices } = subtitlesToText(srt);
    expect(voices).toEqual([]);
    expect(text).toContain('Det er enkelt: vi har ikke tid.');
  });
});

describe('subtitle transcripts as notes', () => {
  function folder(): string {
    const dir = tempDir('themes-subtitles-');
    writeFileSync(join(dir, 'teams.vtt'), TEAMS);
    writeFileSync(join(dir, 'whisper.srt'), WHISPER);
    return dir;
  }

  it('codes a sentence cut over two cues, and quotes point at the lines of the subtitle file', async () => {
    const dir = folder();
    const out = join(tempDir('themes-subtitles-out-'), 'bundle');
    const r = await runCli(['code', dir, '--out', out, '--interviewer-labels', 'Kari Nordmann,I', '--allow-identifiers'], { cwd: dir });
    expect(r.stderr).not.toMatch(/SUBTITLES_NO_INTERVIEWER/);
    expect(r.code).toBe(0);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { document: string; file: string; line: number; speaker: string | null; codes: Array<{ code: string }> });
    const ola = segments.find((s) => s.document === 'informant-21' && s.line === 14)!;
    expect(ola.speaker).toBe('Ola Hansen');
    expect(ola.codes.map((c) => c.code)).toEqual(expect.arrayContaining(['lack-of-time', 'lack-of-funding']));
    // The interviewer's question is not coded, and the pause did not end Ola's turn.
    expect(segments.filter((s) => s.document === 'informant-21').map((s) => [s.line, s.speaker])).toEqual([[14, 'Ola Hansen'], [20, 'Ola Hansen']]);
    const whisper = segments.filter((s) => s.document === 'whisper');
    expect(whisper.map((s) => s.line)).toEqual([3, 11]);
    expect(whisper[0]!.codes.map((c) => c.code)).toContain('lack-of-time');
    expect(readFileSync(join(out, 'quotes.md'), 'utf8')).toMatch(/whisper\.srt:3/);
  });

  it('warns when no voice is an interviewer label, since every voice is then coded', async () => {
    const dir = folder();
    const r = await runCli(['code', dir, '-f', 'csv'], { cwd: dir });
    expect(r.stderr).toMatch(/teams\.vtt: warning SUBTITLES_NO_INTERVIEWER names 2 voices \(Kari Nordmann, Ola Hansen\)/);
    expect(r.stderr).toMatch(/--interviewer-labels "Kari Nordmann,I,Intervjuer"/);
  });

  it('masks the voices that name people wherever they stand, and check lists them', async () => {
    const dir = tempDir('themes-subtitles-voices-');
    writeFileSync(join(dir, 'navn.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Intervjuer>Hva hindrer dere?</v>\n\n00:00:02.500 --> 00:00:04.000\n<v ola.hansen>Vi har ikke tid til utviklingsarbeid, som ola.hansen sa.</v>\n');
    const out = join(tempDir('themes-subtitles-voices-out-'), 'b');
    expect((await runCli(['code', dir, '--out', out], { cwd: dir })).code).toBe(0);
    const jsonl = readFileSync(join(out, 'segments.jsonl'), 'utf8');
    expect(jsonl).not.toContain('ola.hansen');
    expect(JSON.parse(jsonl.trim().split('\n')[0]!)).toMatchObject({ speaker: '[NAVN]', text: 'Vi har ikke tid til utviklingsarbeid, som [NAVN] sa.' });
    const check = await runCli(['check', dir], { cwd: dir });
    expect(check.stdout).toContain('navn.vtt:7:1: name ola.hansen');
  });

  it('decodes a SubRip file saved as Windows-1252', async () => {
    const dir = tempDir('themes-subtitles-1252-');
    writeFileSync(join(dir, 'gammel.srt'), Buffer.from('1\r\n00:00:01,000 --> 00:00:03,000\r\nVi mangler økonomi til å prøve nye ting.\r\n', 'latin1'));
    const r = await runCli(['kwic', 'økonomi', '--', dir], { cwd: dir });
    expect(r.stdout).toContain('Vi mangler økonomi til å prøve nye ting.');
    expect(r.stdout).toContain('gammel.srt:3');
  });

  it('counts no voice label as a word said', async () => {
    const dir = folder();
    const r = await runCli(['count', 'hansen', 'tid', '-f', 'csv', '--', dir], { cwd: dir });
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    expect(rows.find((row) => row[0] === 'hansen')!.slice(1, 3)).toEqual(['0', '0']);
    expect(rows.find((row) => row[0] === 'tid')!.slice(1, 3)).toEqual(['1', '1']);
  });

  it('anonymize writes the text of a subtitle file as a .md copy', async () => {
    const dir = folder();
    const out = join(tempDir('themes-subtitles-anon-'), 'copies');
    const r = await runCli(['anonymize', dir, '--out', out, '--key', join(out, '..', 'key.json')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['teams.md', 'whisper.md']);
    expect(readFileSync(join(out, 'whisper.md'), 'utf8')).toContain('Vi har ikke tid til utviklingsarbeid.');
  });
});
