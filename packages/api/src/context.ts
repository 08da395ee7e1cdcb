/** What every request handler can reach through `c.var`. */
import type { RallySettings } from './config.ts';
import type { Database } from './database.ts';
import type { RateLimiter } from './http/rate-limits.ts';
import type { SiteBuilds } from './publishing/site-builds.ts';
import type { Staff } from './staff/roles.ts';
import type { Writer } from './writes.ts';

export interface AppContext {
  Variables: {
    db: Database;
    settings: RallySettings;
    /** Where rate-limit counts are kept. */
    rateLimiter: RateLimiter;
    /** The caller's IP, for rate limits. */
    clientIp: string;
    /**
     * The API's origin as the browser sees it (the scheme from X-Forwarded-Proto behind a trusted
     * proxy): the console's own origin, which its writes and passkeys must come from.
     */
    origin: string;
    /** Who is asking, on a staff route: set by the staff guard (staff/require-staff.ts). */
    staff: Staff;
    /** Secret that signs links sent to people, such as RSVP cancellation. */
    linkSecret: string;
    /** Carries out public writes, several to a commit. */
    write: Writer;
    /** Builds the sites again after a publication, where the API runs beside them. */
    siteBuilds: SiteBuilds | undefined;
  };
}
