/**
 * Addresses of pages. Every microsite is built to be served at the root of its own domain, so its
 * pages link to `/join/`, not `/louisiana/join/`. While previewing with `pnpm dev` all sites share
 * one server, each under its slug, so links carry that prefix there.
 */
import { defaultLocale, type Locale } from './i18n.ts';
import { hubUrl } from './settings.ts';

/** A page's path on its own site: `/join/`, `/es/join/`. */
export function localPath(lang: Locale, path = ''): string {
  return `${lang === defaultLocale ? '/' : `/${lang}/`}${path}`;
}

/** A link to a page of the same site, as the browser should follow it. */
export function href(site: string | undefined, lang: Locale, path = ''): string {
  const local = localPath(lang, path);
  return site && import.meta.env.DEV ? `/${site}${local}` : local;
}

/** A link from one site to another site's page: absolute once built, a prefixed path in preview. */
export function crossSiteHref(
  site: { slug: string; url: URL } | undefined,
  lang: Locale,
  path = '',
) {
  if (import.meta.env.DEV) return href(site?.slug, lang, path);
  return new URL(localPath(lang, path), site?.url ?? hubUrl).href;
}

/** The `[...lang]` route parameter for a language: nothing for the default one. */
export function langParam(lang: Locale): string | undefined {
  return lang === defaultLocale ? undefined : lang;
}
