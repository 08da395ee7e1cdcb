/** The sites' settings refuse an override they cannot use, naming it, instead of a broken build. */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('stories per page', () => {
  it('come from the configuration, or from RALLY_SPOTLIGHTS_PER_PAGE', async () => {
    expect((await import('./lib/settings.ts')).spotlightsPerPage).toBe(24);
    vi.resetModules();
    vi.stubEnv('RALLY_SPOTLIGHTS_PER_PAGE', '2');
    expect((await import('./lib/settings.ts')).spotlightsPerPage).toBe(2);
  });

  it('stop the build with the variable named when it is not a whole number of 1 or more', async () => {
    for (const wrong of ['abc', '0', '2.5']) {
      vi.resetModules();
      vi.stubEnv('RALLY_SPOTLIGHTS_PER_PAGE', wrong);
      await expect(import('./lib/settings.ts')).rejects.toThrow(
        `RALLY_SPOTLIGHTS_PER_PAGE: write a whole number of 1 or more, not "${wrong}".`,
      );
    }
  });
});
