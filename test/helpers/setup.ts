import { afterAll, afterEach } from 'vitest';
import { removeTempDirs } from './temp.js';

// Run before every test file (vitest.config.ts, setupFiles): whatever temporary folders the
// file's tests made with tempDir() are removed when its last test has finished.
afterAll(removeTempDirs);

// A turn of the event loop after every test. Tests that compute for a long time without awaiting
// (the matcher equivalence tests) otherwise run back to back on microtasks alone, and the answer
// to vitest's own call to its main process (onTaskUpdate) waits behind them: past 60 s its timer
// fires first and the run fails with "Timeout calling onTaskUpdate", every test passed.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
