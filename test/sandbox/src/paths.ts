import { join } from 'node:path';

/** `test/sandbox/` — the same from `src/` (tests, via swc) and from `dist/` (built). */
export const packageDir = join(__dirname, '..');
export const specsDir = join(packageDir, 'specs');
export const seedDir = join(packageDir, 'seed');
