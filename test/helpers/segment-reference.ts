// Segmentation as first written, a regular expression per line: the specification
// src/corpus/segment.ts must meet exactly (it tests characters first and runs the patterns
// only on lines that can match them). The speaker pattern is segment.ts's own: what is tested
// here is when it runs, not what it says (test/segment.test.ts has its own cases for that).
import type { Segment, SpeakerRole } from '../../src/model.js';
import { compileDashSpeakerPattern, compileSpeakerPattern, type NoteLayout, type SegmentOptions, type SpeakerLabels } from '../../src/corpus/segment.js';
import { sentenceRanges } from '../../src/corpus/sentences.js';
import { lineIndex } from '../../src/text/lines.js';

/** A paragraph or list item, before it is cut into the chosen unit. */
interface Block {
  line: number;
  start: number;
  end: number;
  speaker?: string;
  role: SpeakerRole;
  headings: string[];
  /** Blocks of one speaker turn share a turn number; blocks outside labelled turns get their own. */
  turn: number;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+/;

/** Cut a note's body into blocks: paragraphs, list items and speaker turns, under their headings. */
interface Dash { use: boolean; interviewer: number; informant: number; side?: SpeakerRole; changes: number }

function blocks(text: string, bodyStart: number, speakers: SpeakerLabels, layout: NoteLayout, dash: Dash = { use: false, interviewer: 0, informant: 0, changes: 0 }): Block[] {
  const speakerLine = compileSpeakerPattern(speakers);
  const dashLine = compileDashSpeakerPattern(speakers);
  const interviewer = new Set(speakers.interviewer.map((l) => l.toLowerCase()));
  const out: Block[] = [];
  const headings: string[] = [];
  const headingLevels: number[] = [];
  let current: Block | undefined;
  let turn = 0;
  let inTurn: { speaker: string; role: SpeakerRole } | undefined;
  let line = text.slice(0, bodyStart).split('\n').length;
  let offset = bodyStart;
  const close = () => {
    if (current && current.end > current.start) out.push(current);
    current = undefined;
  };
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl === -1 ? text.length : nl;
    const content = text.slice(offset, lineEnd);
    // A one-line paragraph all in bold is a heading one level below ######.
    const nextLine = nl === -1 ? '' : text.slice(nl + 1).split('\n')[0]!;
    const bold = !current && !speakerLine.test(content) && nextLine.trim() === '' ? /^\s*(\*\*|__)(\S(?:(?!\1).)*?\S|\S)\1\s*$/.exec(content) : null;
    const heading = HEADING.exec(content) ?? (bold && bold[2]!.length <= 120 ? ['', '#######', bold[2]!] : null);
    let speaker = speakerLine.exec(content);
    const bullet = BULLET.exec(content);
    let listed = bullet ? speakerLine.exec(content.slice(bullet[0].length)) : null;
    if (heading) {
      close();
      inTurn = undefined;
      const level = heading[1]!.length;
      while (headingLevels.length && headingLevels[headingLevels.length - 1]! >= level) {
        headingLevels.pop();
        headings.pop();
      }
      headingLevels.push(level);
      headings.push(heading[2]!.trim());
    } else if (content.trim() === '') {
      close();
    } else {
      let start = offset;
      // A dash for the colon («I – Hva?»), the dash among the line's first 40 characters: counted
      // in every note, a speaker line only in a note with two or more for each side.
      const dashed = !speaker && (/[-–—]/.exec(content)?.index ?? 40) < 40 ? dashLine.exec(content) : null;
      if (dashed) {
        const side = interviewer.has(dashed[2]!.toLowerCase()) ? 'interviewer' : 'informant';
        dash[side]++;
        if (dash.side !== undefined && dash.side !== side) dash.changes++;
        dash.side = side;
      }
      if (dashed && dash.use) speaker = dashed;
      // The same after a list bullet: «- I – Hva?».
      const afterBullet = !speaker && bullet && !listed ? content.slice(bullet[0].length) : undefined;
      let dashedItem = afterBullet !== undefined && (/[-–—]/.exec(afterBullet)?.index ?? 40) < 40 ? dashLine.exec(afterBullet) : null;
      // An interviewer's line after a bullet must ask.
      if (dashedItem && interviewer.has(dashedItem[2]!.toLowerCase()) && !content.trimEnd().endsWith('?')) dashedItem = null;
      if (dashedItem) {
        const side = interviewer.has(dashedItem[2]!.toLowerCase()) ? 'interviewer' : 'informant';
        dash[side]++;
        if (dash.side !== undefined && dash.side !== side) dash.changes++;
        dash.side = side;
        if (dash.use) listed = dashedItem;
      }
      if (speaker) {
        close();
        inTurn = { speaker: speaker[1]!.replace(/\s+/g, ' '), role: interviewer.has(speaker[2]!.toLowerCase()) ? 'interviewer' : 'informant' };
        turn++;
        start = offset + speaker[0].length;
      } else if (bullet && listed) {
        close();
        inTurn = { speaker: listed[1]!.replace(/\s+/g, ' '), role: interviewer.has(listed[2]!.toLowerCase()) ? 'interviewer' : 'informant' };
        turn++;
        start = offset + bullet[0].length + listed[0].length;
      } else if (bullet) {
        close();
        start = offset + bullet[0].length;
      } else if (layout === 'lines') {
        close();
      }
      // A label alone on its line: the turn's words begin on the next line.
      if ((speaker || (bullet && listed)) && text.slice(start, lineEnd).trim() === '') {
        if (nl === -1) break;
        offset = nl + 1;
        line++;
        continue;
      }
      if (!current) {
        if (!inTurn) turn++;
        while (start < lineEnd && /\s/.test(text[start]!)) start++;
        current = {
          line, start, end: start, headings: [...headings], turn,
          role: inTurn?.role ?? 'informant', ...(inTurn ? { speaker: inTurn.speaker } : {}),
        };
      }
      current.end = offset + content.trimEnd().length;
    }
    if (nl === -1) break;
    offset = nl + 1;
    line++;
  }
  close();
  return out;
}

/** Segments of one document in the chosen coding unit. Pure: text in, segments out. */
export function referenceSegmentDocument(
  documentId: string, text: string, bodyStart: number, options: SegmentOptions, layout: NoteLayout = 'markdown',
): Omit<Segment, 'index'>[] {
  const dash: Dash = { use: false, interviewer: 0, informant: 0, changes: 0 };
  const read = blocks(text, bodyStart, options.speakers, layout, dash);
  // A transcript: two dash lines or more for each side, changing side three times or more.
  const all = dash.interviewer >= 2 && dash.informant >= 2 && dash.changes >= 3 ? blocks(text, bodyStart, options.speakers, layout, { ...dash, use: true }) : read;
  const kept = all.filter((b) => options.includeInterviewer || b.role !== 'interviewer');
  // A labelled informant turn right after an interviewer's block that ends in «?»: the question's last sentence.
  const questions = new Map<number, { start: number; end: number }>();
  all.forEach((b, i) => {
    const q = all[i - 1];
    if (!q || b.role !== 'informant' || b.speaker === undefined || q.role !== 'interviewer' || q.turn === b.turn || text[q.end - 1] !== '?') return;
    const sentences = sentenceRanges(text.slice(q.start, q.end));
    const last = sentences.at(-1);
    if (!last) return;
    // Short questions going on from the one before («Og penger? Og kurs?») take it along.
    const followUp = (i: number) => {
      const words = text.slice(q.start + sentences[i]![0], q.start + sentences[i]![1]).replace(/\?$/, '').trim().split(/\s+/);
      return text.slice(q.start + sentences[i]![0], q.start + sentences[i]![1]).trim().endsWith('?') && words.length <= 3 && ['og', 'eller', 'samt', 'and', 'or'].includes(words[0]!.toLowerCase());
    };
    let from = sentences.length - 1;
    while (from > 0 && followUp(from)) from--;
    questions.set(b.start, { start: q.start + sentences[from]![0], end: q.start + last[1] });
  });
  const units = options.unit === 'turn' ? mergeTurns(kept) : kept;
  const segments: Omit<Segment, 'index'>[] = [];
  const seen = new Map<number, number>();
  const lineAt = lineIndex(text);
  for (const b of units) {
    const ranges: Array<[number, number]> = options.unit === 'sentence'
      ? sentenceRanges(text.slice(b.start, b.end)).map(([s, e]) => [b.start + s, b.start + e])
      : [[b.start, b.end]];
    for (const [k, [start, end]] of ranges.entries()) {
      const line = lineAt(start);
      const n = (seen.get(line) ?? 0) + 1;
      seen.set(line, n);
      segments.push({
        id: n === 1 ? `${documentId}:${line}` : `${documentId}:${line}#${n}`,
        document: documentId, line, start, end,
        ...(b.speaker !== undefined ? { speaker: b.speaker } : {}),
        role: b.role, headings: b.headings, text: text.slice(start, end),
      });
      // The question goes with the answer's first segment when it has at most 12 words, or its
      // first sentence (up to the first . ! ? or …) at most 6.
      const question = questions.get(b.start);
      const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
      const own = text.slice(start, end);
      const stop = own.search(/[.!?…]/u);
      if (k === 0 && question && (words(own) <= 12 || words(stop < 0 ? own : own.slice(0, stop + 1)) <= 6)) segments.at(-1)!.asked = question;
    }
  }
  return segments;
}

function mergeTurns(list: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of list) {
    const last = out[out.length - 1];
    if (last && last.turn === b.turn && b.speaker !== undefined) last.end = b.end;
    else out.push({ ...b });
  }
  return out;
}
