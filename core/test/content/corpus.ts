import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The golden corpus (core/test/fixtures/content). */
export const corpusDir = join(__dirname, '..', 'fixtures', 'content');

/** Names (without extension) of the corpus files of one kind. */
export function corpusNames(kind: 'adf' | 'storage' | 'markdown', ext: string): string[] {
  return readdirSync(join(corpusDir, kind))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

/** Reads a corpus file. */
export function readCorpus(kind: string, file: string): string {
  return readFileSync(join(corpusDir, kind, file), 'utf8');
}

/**
 * The golden file's content; `UPDATE_GOLDEN=1` rewrites it from `actual` (review the diff!).
 * A missing golden file is a failure, never silently created.
 */
export function golden(kind: string, file: string, actual: string): string {
  const path = join(corpusDir, kind, file);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`Missing golden file ${path}; run with UPDATE_GOLDEN=1 and review it.`);
  return readFileSync(path, 'utf8');
}
