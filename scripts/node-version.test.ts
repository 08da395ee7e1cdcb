/**
 * pnpm checks every package's `engines` against the Node the project brings, not the one that
 * started pnpm: on Node 20, a fresh clone's first command would otherwise print a warning for each
 * package that needs Node 22 or newer, though every script runs on the bundled Node 24.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('the Node version pnpm checks engines against', () => {
  it('is the bundled Node that every script runs on', () => {
    const lock = read('pnpm-lock.yaml') as {
      importers: { '.': { devDependencies: { node: { version: string } } } };
    };
    const bundled = lock.importers['.'].devDependencies.node.version;
    expect(read('pnpm-workspace.yaml').nodeVersion).toBe(bundled);
    // And it is a version the project itself accepts (`engines` in package.json: Node 24).
    const engines = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }
    ).engines.node;
    expect(engines).toMatch(/^>=24\.\d+ <25$/);
    const [major, minor] = bundled.split('.').map(Number);
    expect(major).toBe(24);
    expect(minor).toBeGreaterThanOrEqual(Number(/^>=24\.(\d+)/.exec(engines)![1]));
  });
});
