import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tests that write files get a fresh folder under the system's temporary directory. Left alone,
// every run of the suite would add dozens of them to /tmp; so each folder made here is noted,
// and test/helpers/setup.ts removes them all once the test file is done.
const made: string[] = [];

/** A new, empty folder under os.tmpdir(), named prefix + random letters, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Remove every folder tempDir has made so far (and anything written inside them). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
