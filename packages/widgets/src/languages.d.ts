/**
 * The languages Rally is built in, the default first: `languages` in rally.config.json, written
 * into the widgets' code by each build that compiles them (`languagesDefine` in
 * @rally/core/languages, given to Vite's `define`), so a partner's page needs no configuration.
 */
import type { Locale } from '@rally/core/locale';

declare global {
  const __RALLY_LANGUAGES__: readonly Locale[];
}
