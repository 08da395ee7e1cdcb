/** What every request handler can reach through `c.var`. */
import type { RallySettings } from './config.ts';
import type { Database } from './database.ts';

export interface AppContext {
  Variables: {
    db: Database;
    settings: RallySettings;
    /** The caller's IP, for rate limits. */
    clientIp: string;
    /** Secret that signs links sent to people, such as RSVP cancellation. */
    linkSecret: string;
  };
}
