// The progress bar: only on a terminal, only after a second, and it clears its line.
import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/cli/progress.js';
import { runCli } from './helpers/cli.js';

function fakeIo(tty: boolean) {
  let err = '';
  return { io: { stdout: { write: () => true }, stderr: { write: (s: string | Uint8Array) => { err += String(s); return true; }, isTTY: tty }, env: {}, cwd: '/' }, err: () => err };
}

describe('progressBar', () => {
  it('draws nothing during the first second, then a bar, then clears the line', () => {
    let now = 0;
    const { io, err } = fakeIo(true);
    const bar = progressBar(io, 'coding', { now: () => now });
    now = 500;
    bar.update(1, 4);
    expect(err()).toBe('');
    now = 1200;
    bar.update(2, 4);
    expect(err()).toContain('coding [############------------]  50 % 2/4');
    now = 1250;
    bar.update(3, 4);
    expect(err()).not.toContain('3/4'); // redrawn at most every 100 ms
    bar.update(4, 4);
    expect(err()).toContain('100 % 4/4'); // the last step is always drawn
    bar.done();
    expect(err().endsWith('\r\u001b[K')).toBe(true);
  });

  it('never writes on a dumb terminal (TERM=dumb), which cannot redraw a line', () => {
    let now = 0;
    const { io, err } = fakeIo(true);
    const bar = progressBar({ ...io, env: { TERM: 'dumb' } }, 'coding', { now: () => now });
    now = 5000;
    bar.update(1, 2);
    bar.done();
    expect(err()).toBe('');
  });

  it('never writes when stderr is not a terminal', () => {
    let now = 0;
    const { io, err } = fakeIo(false);
    const bar = progressBar(io, 'coding', { now: () => now });
    now = 5000;
    bar.update(1, 2);
    bar.done();
    expect(err()).toBe('');
  });

  it('a command run with stderr redirected has no progress output', async () => {
    const r = await runCli(['table', 'samples/notes', '-c', 'test/fixtures/tables/codebook.yaml', '--only', 'frequencies']);
    expect(r.stderr).not.toContain('\r');
  });
});
