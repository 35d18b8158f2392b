// Subtitle transcripts: WebVTT (.vtt, what Teams and Zoom write) and SubRip (.srt, what Whisper
// and most transcription tools write) in, note text out. Pure: decoded text in, text out.
//
// A cue is a few seconds of speech, often half a sentence: as paragraphs they would cut «ikke» from
// «tid». So cues are joined into paragraphs, a new one where the voice changes or the speaker
// pauses, and each paragraph of a new voice begins with its speaker line («Ola Hansen: …»), which
// the ordinary segmenter reads as a turn.

export interface SubtitleText {
  /** The note text: front matter (if the file has some), then one paragraph per line, blank lines between. */
  text: string;
  /** The voices, as written, in order of first appearance: they are speaker labels in this note. */
  voices: string[];
}

/** A pause this long (seconds) between two cues starts a new paragraph. */
export const PARAGRAPH_PAUSE = 2;

interface Cue {
  /** The 1-based line of the file where the cue's text begins. */
  line: number;
  start: number;
  end: number;
  /** Pieces of text by voice: a WebVTT cue may hold <v A>…</v><v B>… */
  pieces: Array<{ voice?: string; text: string; dash?: boolean }>;
}

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}`);
/** A cue id on the line before a timing: a number (SubRip), or one word with no spaces (WebVTT). */
const CUE_ID = /^(?:\d+|[\w-]*\d[\w-]*)$/;
const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;
const TAG = /<\/?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };
/** «Ola Hansen: …», «[SPEAKER_00]: …»: a name of up to four words before a colon, as Zoom and WhisperX write voices. */
const NAMED = /^(?:\[([\p{L}\p{N}_ .-]{1,40})\]|(\p{L}[\p{L}\p{N}\p{M}_.'’-]*(?: \p{L}[\p{L}\p{N}\p{M}_.'’-]*){0,3})(?:[ \t]*\([^)\n]{1,30}\))?(?:[ \t]+[-–][ \t]+[^:\n]{1,40})?)[ \t]*:[ \t]+(?=\S)/u;

/** Whether a note file is a subtitle file (decoded, then converted). */
export function isSubtitles(file: string): boolean {
  return /\.(?:vtt|srt)$/i.test(file);
}

export function subtitlesToText(source: string): SubtitleText {
  const blocks = textBlocks(source.replace(/\r\n?/g, '\n'));
  let first = 0;
  let front = '';
  // The WEBVTT line and its header lines (Kind:, Language:) are no speech.
  if (/^\uFEFF?WEBVTT(?:[ \t]|$)/.test(blocks[0]?.lines[0] ?? '')) first = 1;
  // Front matter as in a note («---» lines), or as a NOTE block of key: value lines (valid WebVTT).
  const top = blocks[first]?.lines ?? [];
  const close = /^---[ \t]*$/.test(top[0] ?? '') ? top.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l)) : -1;
  if (close === top.length - 1) {
    front = `${top.join('\n')}\n\n`;
    first++;
  } else if (close > 0) {
    // The first cue right under the closing ---, with no blank line: the front matter still ends
    // there (its id and role were dropped with the lines before the first timing), and the rest
    // of the block is the cue, on its own lines.
    front = `${top.slice(0, close + 1).join('\n')}\n`;
    blocks[first] = { line: blocks[first]!.line + close + 1, lines: top.slice(close + 1) };
  } else if (top.length >= 2 && /^NOTE[ \t]*$/.test(top[0]!) && top.slice(1).every((l) => /^[\p{L}_][\p{L}\p{N}_ -]*:/u.test(l))) {
    front = `---\n${top.slice(1).join('\n')}\n---\n\n`;
    first++;
  }
  const cues: Cue[] = [];
  /** The words of the cue before the one being read, and of that one so far, line by line. */
  let earlier: string[] = [];
  let previous: string[] = [];
  // Lines a cue repeats from the cue before it are said once: YouTube's captions roll, each cue
  // showing the line before above its new words, with 10 ms cues of the lines alone between
  // («vi har ikke tid» three times over). `at` is where the first new words stand, or -1.
  const news = (ls: readonly string[]) => {
    const said = ls.map(plain);
    const keep = said.map((t) => t === '' || !earlier.includes(t));
    previous.push(...said.filter((t) => t !== ''));
    return { fresh: ls.filter((_, i) => keep[i]), at: said.findIndex((t, i) => t !== '' && keep[i]) };
  };
  for (const { line, lines } of blocks.slice(first)) {
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0]!)) continue;
    // Cues with no blank line between them (hand-edited files): each timing line begins a cue,
    // and the id right before it (a number, or one word such as Teams' 3f1c…-0) is no text.
    const timings = lines.flatMap((l, i) => (l.includes('-->') ? [i] : []));
    if (timings.length === 0) {
      // A blank line inside a cue's text (a line of one space, as YouTube writes): the words still belong to that cue.
      const cue = cues[cues.length - 1];
      if (!cue || /^\d+$/.test(lines.join(' ').trim())) continue;
      const { fresh, at } = news(lines);
      if (cue.pieces.length === 0 && at >= 0) cue.line = line + at;
      cue.pieces.push(...pieces(fresh));
      continue;
    }
    timings.forEach((at, k) => {
      const next = timings[k + 1] ?? lines.length;
      const end = next < lines.length && next - 1 > at && CUE_ID.test(lines[next - 1]!.trim()) ? next - 1 : next;
      const timing = TIMING.exec(lines[at]!);
      // A line with --> that is no timing (foo --> bar) is neither speech nor a cue.
      if (!timing) return;
      earlier = previous;
      previous = [];
      const said = news(lines.slice(at + 1, end));
      cues.push({ line: line + at + 1 + Math.max(0, said.at), start: seconds(timing, 1), end: seconds(timing, 5), pieces: pieces(said.fresh) });
    });
  }
  namedVoices(cues);
  const paragraphs: Array<{ line: number; words: string[] }> = [];
  const voices: string[] = [];
  let voice: string | undefined;
  let open: { line: number; words: string[] } | undefined;
  let lastEnd = -Infinity;
  for (const cue of cues) {
    if (cue.start - lastEnd >= PARAGRAPH_PAUSE) open = undefined;
    lastEnd = Math.max(lastEnd, cue.end);
    for (const piece of cue.pieces) {
      // A new voice begins a turn with its label; after a pause, the same voice's turn goes on.
      const turn = piece.voice !== undefined && piece.voice !== voice;
      if (turn) {
        voice = piece.voice;
        if (!voices.includes(voice!)) voices.push(voice!);
      }
      if (!open || turn || piece.dash) paragraphs.push(open = { line: cue.line, words: turn ? [`${voice}:`] : [] });
      open.words.push(piece.text);
    }
  }
  // Each paragraph on the line of the file where its first cue's text is, so that file:line in
  // quotes and tables points into the subtitle file.
  let text = front;
  let at = 1 + (front.match(/\n/g)?.length ?? 0);
  for (const p of paragraphs) {
    const gap = Math.max(at === 1 ? 0 : 1, p.line - at);
    text += '\n'.repeat(gap) + p.words.join(' ') + '\n';
    at += gap + 1;
  }
  return { text, voices };
}

/** Runs of non-blank lines, each with the 1-based line it starts on. */
function textBlocks(text: string): Array<{ line: number; lines: string[] }> {
  const out: Array<{ line: number; lines: string[] }> = [];
  let current: { line: number; lines: string[] } | undefined;
  text.split('\n').forEach((l, i) => {
    if (/^[ \t]*$/.test(l)) current = undefined;
    else if (current) current.lines.push(l);
    else out.push(current = { line: i + 1, lines: [l] });
  });
  return out;
}

function seconds(m: RegExpExecArray, from: number): number {
  const [h, min, s, frac] = [m[from], m[from + 1], m[from + 2], m[from + 3]];
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s) + (frac ? Number(frac) / 10 ** frac.length : 0);
}

/**
 * A cue's text by voice, tags and entities gone, its lines one line (a cue's line break is
 * layout); a line that begins with a dash («- Har dere tid?», two speakers in one cue) is a piece
 * of its own, which begins a paragraph.
 */
function pieces(lines: readonly string[]): Cue['pieces'] {
  const out: Cue['pieces'] = [];
  let voice: string | undefined;
  let turn = false;
  const push = (raw: string) => {
    const clean = plain(raw);
    if (clean === '') return;
    const piece: Cue['pieces'][number] = voice !== undefined ? { voice, text: clean } : { text: clean };
    if (turn) piece.dash = true;
    turn = false;
    out.push(piece);
  };
  for (const line of lines) {
    const dash = /^[ \t]*[-–][ \t]+(?=\S)/.exec(line.replace(TAG, ''));
    const text = dash ? line.replace(/^([ \t]*(?:<[^>]*>)*)[ \t]*[-–][ \t]+/, '$1') : line;
    if (dash) turn = true;
    let from = 0;
    for (const m of text.matchAll(VOICE)) {
      push(text.slice(from, m.index));
      voice = voiceName(m[1] ?? '');
      from = m.index + m[0].length;
    }
    push(text.slice(from));
  }
  // Lines without a dash in one cue are one piece per voice: joined, as one cue says one thing.
  const joined: Cue['pieces'] = [];
  for (const p of out) {
    const last = joined[joined.length - 1];
    if (last && !p.dash && last.voice === p.voice) last.text += ` ${p.text}`;
    else joined.push({ ...p });
  }
  return joined;
}

/** A line's words alone: no tags, entities as characters, blanks as single spaces. */
function plain(line: string): string {
  return line.replace(TAG, '').replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, entity).replace(/\s+/g, ' ').trim();
}

/**
 * A voice as a label can be matched: Teams' «Nordmann, Kari» is «Kari Nordmann» (a comma would
 * split the option that names it), and what follows a name in brackets or after a dash (pronouns,
 * «(Fjellvik kommune)», « - Fjellvik kommune») is no part of the name.
 */
function voiceName(raw: string): string | undefined {
  let name = raw.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+[-–]\s+.*$/, '').replace(/[:\s]+/g, ' ').trim();
  const lastFirst = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (lastFirst) name = `${lastFirst[2]!.trim()} ${lastFirst[1]!.trim()}`;
  return name === '' ? undefined : name;
}

function entity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

/**
 * Voices typed before a colon (Zoom: «Ola Hansen: Vi har ikke tid»; WhisperX: «[SPEAKER_00]: …»)
 * where no <v> tag names them. A voice looks like a name: every word capitalised (pronouns in
 * brackets or an organisation after a dash may follow), or a bracketed label. It counts when it
 * begins two cues or more; once the file has two such voices, also when it begins one («Lise
 * Berg: Jeg vil bare legge til …»). «Det er enkelt: …» is speech, however often it is said.
 */
function namedVoices(cues: Cue[]): void {
  const seen = new Map<string, number>();
  const firstPiece = (c: Cue) => (c.pieces[0]?.voice === undefined ? c.pieces[0] : undefined);
  const named = (c: Cue) => {
    const piece = firstPiece(c);
    const m = piece && NAMED.exec(piece.text);
    return m && (m[1] !== undefined || m[2]!.split(' ').every((w) => /^\p{Lu}/u.test(w))) ? { m, piece: piece! } : undefined;
  };
  for (const c of cues) {
    const n = named(c);
    if (n) seen.set(n.m[0], (seen.get(n.m[0]) ?? 0) + 1);
  }
  const recurring = [...seen.values()].filter((count) => count >= 2).length;
  for (const c of cues) {
    const n = named(c);
    if (!n || (seen.get(n.m[0])! < 2 && recurring < 2)) continue;
    const voice = voiceName(n.m[1] ?? n.m[2]!);
    if (voice !== undefined) c.pieces[0] = { voice, text: n.piece.text.slice(n.m[0].length) };
  }
}
