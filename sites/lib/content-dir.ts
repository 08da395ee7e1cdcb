/**
 * The folder of staff-written MDX the sites are built from: `content/`, or `RALLY_CONTENT_DIR`
 * (relative to the project), as the API reads it. Pointing both at another copy builds the same
 * sites from other content, which is how the end-to-end tests keep the demo's dates ahead of them.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('../../', import.meta.url));

/** The content folder, as an absolute path. */
export const contentDir = resolve(project, process.env.RALLY_CONTENT_DIR?.trim() || 'content');

/** The import prefix under which Vite finds the content folder (the photos are imported by it). */
export const contentAlias = '@rally-content';
