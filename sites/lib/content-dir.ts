/**
 * The folder of staff-written MDX the sites are built from: `content/`, or `RALLY_CONTENT_DIR`
 * (relative to the project), as the API reads it. Pointing both at another copy builds the same
 * sites from other content, which is how the end-to-end tests keep the demo's dates ahead of them.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('../../', import.meta.url));

/** The content folder, as an absolute path. */
export const contentDir = resolve(project, process.env.RALLY_CONTENT_DIR?.trim() || 'content');

/** The import prefix under which Vite finds the content folder (the photos are imported by it). */
export const contentAlias = '@rally-content';

/**
 * Astro's cache for a build from this folder (`RALLY_CONTENT_CACHE_DIR` names one: a preview's,
 * which goes with it). Astro's store remembers each entry's file and keeps
 * an entry whose text has not changed, so a build from another folder has a cache of its own:
 * sharing one, a later build would still render from the other folder's files, or fail once they
 * are gone.
 */
export const contentCacheDir = process.env.RALLY_CONTENT_CACHE_DIR?.trim()
  ? resolve(project, process.env.RALLY_CONTENT_CACHE_DIR.trim())
  : contentDir === resolve(project, 'content')
    ? undefined
    : resolve(
        project,
        'node_modules/.astro/content',
        createHash('sha256').update(contentDir).digest('hex').slice(0, 12),
      );
