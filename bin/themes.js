#!/usr/bin/env node
import { run } from '../dist/cli/run.js';

// A reader that stops early (`themes code notes/ --format csv | head`) closes the pipe. What it
// did not read is not wanted: the run ends as it would have, without Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
