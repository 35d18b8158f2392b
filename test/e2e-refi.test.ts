import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { runBin } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

// The real binary (dist/): Word notes go through the converter worker, projects through zip and XML.
describe('Word, agreement and REFI-QDA with the real binary', () => {
  it('codes a Word note, exports it as a project and agrees with itself after import', async () => {
    const dir = tempDir('themes-e2e-refi-');
    const notes = join(dir, 'notes');
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ text: 'Del 2: Hemmere', heading: HeadingLevel.HEADING_1 }),
      new Paragraph('R: Vi har rett og slett ikke tid til å tenke nytt. {#lack-of-time}'),
      new Paragraph('R: Vi har fått en idékasse på pauserommet. {#idea-box}'),
    ] }] });
    mkdirSync(notes);
    writeFileSync(join(notes, 'informant-01.docx'), await Packer.toBuffer(doc));
    const cb = join(process.cwd(), 'test/fixtures/refi/codebook.yaml');

    const code = await runBin(['code', notes, '-c', cb, '--out', join(dir, 'auto')], { cwd: dir });
    expect(code.stderr).toContain('wrote');
    expect(code.code).toBe(0);
    const project = join(dir, 'p.qdpx');
    const exp = await runBin(['export', 'qdpx', notes, '-c', cb, '--coder', 'human', '-o', project], { cwd: dir });
    expect(exp.code).toBe(0);
    const agree = await runBin(['agree', 'auto', 'p.qdpx', '--format', 'json'], { cwd: dir });
    expect(agree.code).toBe(0);
    const json = JSON.parse(agree.stdout) as { units: number; codes: Array<{ code: string; kappa: number | null }>; disagreements: unknown[] };
    expect(json.units).toBe(2);
    expect(json.codes.map((c) => [c.code, c.kappa])).toEqual([['idea-box', 1], ['lack-of-time', 1]]);
    expect(json.disagreements).toEqual([]);
  });
});
