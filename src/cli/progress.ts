import type { Io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export interface ProgressOptions {
  /** Show nothing until the run has taken this long (ms). */
  delay?: number;
  now?: () => number;
}

const WIDTH = 24;

/**
 * A progress bar on stderr for runs that take more than a second, and only for a person at a
 * terminal: piped or redirected stderr (CI logs, tests) never sees it. Redrawn at most 10 times a
 * second; `done()` clears the line so what follows starts clean.
 */
export function progressBar(io: Io, label: string, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delay ?? 1000;
  let shown = false;
  let last = -Infinity;
  // A dumb terminal cannot redraw a line: no bar, as on a pipe.
  if (io.stderr.isTTY !== true || io.env.TERM === 'dumb') return { update() {}, done() {} };
  return {
    update(done, total) {
      const t = now();
      if (t - started < delay || (t - last < 100 && done < total)) return;
      last = t;
      shown = true;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const full = Math.round(share * WIDTH);
      io.stderr.write(`\r${label} [${'#'.repeat(full)}${'-'.repeat(WIDTH - full)}] ${String(Math.round(share * 100)).padStart(3)} % ${done}/${total}\u001b[K`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}
