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
  pieces: Array<{ voice?: string; text: string }>;
}

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}`);
const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;
const TAG = /<\/?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };
/** «Ola Hansen: …», «[SPEAKER_00]: …»: a name of up to four words before a colon, as Zoom and WhisperX write voices. */
const NAMED = /^\[?(\p{L}[\p{L}\p{N}\p{M}_.'’-]*(?: \p{L}[\p{L}\p{N}\p{M}_.'’-]*){0,3})\]?[ \t]*:[ \t]+(?=\S)/u;

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
  if (top.length >= 2 && /^---[ \t]*$/.test(top[0]!) && /^---[ \t]*$/.test(top[top.length - 1]!)) {
    front = `${top.join('\n')}\n\n`;
    first++;
  } else if (top.length >= 2 && /^NOTE[ \t]*$/.test(top[0]!) && top.slice(1).every((l) => /^[\p{L}_][\p{L}\p{N}_ -]*:/u.test(l))) {
    front = `---\n${top.slice(1).join('\n')}\n---\n\n`;
    first++;
  }
  const cues: Cue[] = [];
  for (const { line, lines } of blocks.slice(first)) {
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0]!)) continue;
    const at = lines.findIndex((l) => l.includes('-->'));
    const timing = at === -1 ? null : TIMING.exec(lines[at]!);
    const text = (timing ? lines.slice(at + 1) : lines).join('\n');
    if (timing) cues.push({ line: line + at + 1, start: seconds(timing, 1), end: seconds(timing, 5), pieces: pieces(text) });
    // A blank line inside a cue's text (a hand-edited file): the words still belong to that cue.
    else if (cues.length > 0 && !/^\d+$/.test(text.trim())) cues[cues.length - 1]!.pieces.push(...pieces(text));
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
      if (!open || turn) paragraphs.push(open = { line: cue.line, words: turn ? [`${voice}:`] : [] });
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

/** A cue's text by voice, tags and entities gone, its lines one line (a cue's line break is layout). */
function pieces(text: string): Cue['pieces'] {
  const out: Cue['pieces'] = [];
  let voice: string | undefined;
  let from = 0;
  const push = (raw: string) => {
    const clean = raw.replace(TAG, '').replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, entity).replace(/\s+/g, ' ').trim();
    if (clean !== '' || voice !== undefined) out.push(voice !== undefined ? { voice, text: clean } : { text: clean });
  };
  for (const m of text.matchAll(VOICE)) {
    push(text.slice(from, m.index));
    const name = (m[1] ?? '').replace(/[:\s]+/g, ' ').trim();
    voice = name === '' ? undefined : name;
    from = m.index + m[0].length;
  }
  push(text.slice(from));
  return out.filter((p) => p.text !== '');
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
 * where no <v> tag names them. A name counts when it begins two cues or more: «Problemet er: …»
 * once is speech, not a speaker.
 */
function namedVoices(cues: Cue[]): void {
  const seen = new Map<string, number>();
  const firstPiece = (c: Cue) => (c.pieces[0]?.voice === undefined ? c.pieces[0] : undefined);
  for (const c of cues) {
    const m = firstPiece(c) && NAMED.exec(firstPiece(c)!.text);
    if (m) seen.set(m[1]!, (seen.get(m[1]!) ?? 0) + 1);
  }
  for (const c of cues) {
    const piece = firstPiece(c);
    const m = piece && NAMED.exec(piece.text);
    if (m && seen.get(m[1]!)! >= 2) c.pieces[0] = { voice: m[1]!, text: piece.text.slice(m[0].length) };
  }
}
