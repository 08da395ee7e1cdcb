/** Test support for the sites: a copy of the project that a test may change and build on its own. */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project the tests run in. */
export const project = resolve('.');

/**
 * Copies what a build of the sites reads (docs/ too: the hub publishes the embedding guide from
 * it) into a new folder, sharing the project's node_modules; returns the folder.
 */
export function copyProject(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['sites', 'content', 'public', 'packages', 'docs', 'astro.config.mjs'])
    cpSync(join(project, entry), join(root, entry), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
  for (const entry of ['package.json', 'rally.config.json', 'tsconfig.json'])
    cpSync(join(project, entry), join(root, entry));
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'));
  // Each site gets a copy of the widget bundle, built on its own; any file will do here, so a
  // build stops only for what a test changed.
  mkdirSync(join(root, 'dist/widgets'), { recursive: true });
  writeFileSync(join(root, 'dist/widgets/rally.js'), '');
  return root;
}
