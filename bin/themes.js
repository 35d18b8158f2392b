#!/usr/bin/env node
import '../dist/cli/engine.js';
import { fstatSync, writeSync } from 'node:fs';
import { run } from '../dist/cli/run.js';
import { userError } from '../dist/cli/errors.js';
import { deliverHeldSignals } from '../dist/util/write.js';

const REASONS = { ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up', EIO: 'an input/output error', EROFS: 'the disk is read-only' };
const HINT = 'Free some space or write elsewhere, and run it again: what was written is incomplete.';

/** Why standard output failed, in words. */
const reason = (e) => `${REASONS[e.code] ?? e.message}${e.code ? ` (${e.code})` : ''}`;

// A reader that stops early (`themes code notes/ --format csv | head`) closes the pipe. What it
// did not read is not wanted: the run ends as it would have, without Node's EPIPE stack trace.
// Any other failure of the terminal or a pipe ends the run with a clear error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') return;
    if (stream === process.stdout) process.stderr.write(`error OUTPUT_WRITE_FAILED cannot write to standard output: ${reason(e)}\n  hint: ${HINT}\n`);
    process.exit(2);
  });
}

/**
 * Standard output redirected to a file or a device (`> tables.csv`, `> /dev/full`) is written
 * here, every byte: Node's own stream ignores a short write, so a disk that fills up would
 * leave half a file and exit 0. A failed write stops the run with OUTPUT_WRITE_FAILED (exit 2).
 */
function fileStdout() {
  return {
    isTTY: false,
    write(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      try {
        for (let done = 0; done < bytes.length;) done += writeSync(1, bytes, done);
      } catch (e) {
        if (e.code === 'EPIPE') return true;
        throw userError('OUTPUT_WRITE_FAILED', `cannot write to standard output: ${reason(e)}`, HINT);
      }
      return true;
    },
  };
}

let stdout = process.stdout;
try {
  const st = fstatSync(1);
  if (st.isFile() || st.isCharacterDevice()) stdout = process.stdout.isTTY ? process.stdout : fileStdout();
} catch {
  // No standard output to look at: Node's stream decides.
}

const code = await run(process.argv.slice(2), {
  stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
await deliverHeldSignals();
process.exitCode = code;
