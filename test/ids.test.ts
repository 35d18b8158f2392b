import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/corpus/document.js';
import { compareIds, DEFAULT_SPEAKERS, sortByIds } from '../src/corpus/index.js';

describe('document order', () => {
  const ids = ['informant-10', 'informant-2', 'informant-02', 'Informant-1', 'a', 'a1', 'a01b', 'a1b', 'ø-3', 'ø-20', '', '7', '10', 'x:2', 'x:10#2'];

  it('puts numbers in numeric order, whatever the locale', () => {
    expect([...ids].sort(compareIds)).toEqual([
      '', '7', '10', 'a', 'a01b', 'a1', 'a1b', 'Informant-1', 'informant-02', 'informant-2', 'informant-10', 'x:2', 'x:10#2', 'ø-3', 'ø-20',
    ]);
  });

  it('gives a note named in decomposed letters (as macOS writes file names) its composed id', () => {
    const nfd = 'Åsa-intervju'.normalize('NFD');
    const note = parseNote(`notes/${nfd}.md`, new TextEncoder().encode('R: Vi har ikke tid.\n'), { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
    expect(note.document!.id).toBe('Åsa-intervju'.normalize('NFC'));
    expect(['aust', note.document!.id, 'bydel'].sort(compareIds)).toEqual(['aust', 'bydel', 'Åsa-intervju']);
  });

  it('sorts letters as a Norwegian reader does: case aside, æ ø å after z', () => {
    expect(['Ålesund', 'Østre', 'Bergen', 'Zulu', 'aarhus', 'Ærø', 'vest', 'Vest', 'Évje', 'Fana', 'München', 'Øya'].sort(compareIds)).toEqual([
      'aarhus', 'Bergen', 'Évje', 'Fana', 'München', 'Vest', 'vest', 'Zulu', 'Ærø', 'Østre', 'Øya', 'Ålesund',
    ]);
  });

  it('sortByIds gives the order of compareIds, cutting each id once', () => {
    const items = ids.map((id, n) => ({ id, n }));
    expect(sortByIds(items, (x) => x.id).map((x) => x.id)).toEqual([...ids].sort(compareIds));
  });
});
