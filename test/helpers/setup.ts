import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

// Run before every test file (vitest.config.ts, setupFiles): whatever temporary folders the
// file's tests made with tempDir() are removed when its last test has finished.
afterAll(removeTempDirs);
