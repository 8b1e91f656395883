/** Finds `shared/` (registry records) by walking up from this file (../shared beside the checkout). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSharedDir } from '../registry/fixtures';

/**
 * The shared folder (`../shared` beside the checkout, or TRIAL_SHARED_DIR). Missing, it throws: a
 * test that needs the real records fails rather than skipping itself (a skip in CI is a test that never runs).
 */
export function findShared(): string {
  return findSharedDir(__dirname);
}

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const readExample = (name: string): string => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');
