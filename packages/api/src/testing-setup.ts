/** The unit tests' global set-up: one migrated embedded database for every test file to copy. */
import { makeMigratedPGliteFile } from './testing.ts';

export default async function setup(): Promise<() => void> {
  return makeMigratedPGliteFile();
}
