/**
 * Which sites a build makes: every one, or — for a rebuild after staff publish a change — only those
 * `RALLY_BUILD_SITES` lists (`louisiana,domestic-work,hub`), which the build then swaps in for the
 * ones already built, leaving every other site's folder as it was.
 */
const listed = process.env.RALLY_BUILD_SITES?.split(',')
  .map((slug) => slug.trim())
  .filter(Boolean);

/** The sites this build makes; undefined: every one. */
export const sitesBuilt: readonly string[] | undefined = listed?.length ? listed : undefined;

/** Whether this build makes the site `slug` (`hub` for the hub). */
export function builds(slug: string): boolean {
  return sitesBuilt === undefined || sitesBuilt.includes(slug);
}
