/**
 * Where the sites and the API are published, from rally.config.json. The environment can point a
 * build elsewhere — `RALLY_HUB_URL`, `RALLY_MICROSITE_URL` (with `{site}`) and `RALLY_API_URL` —
 * which is how the main job builds the sites for this computer instead of their real domains.
 */
import { micrositeAddress, rallyConfig } from '@rally/core';
import configFile from '../../rally.config.json';

const parsed = rallyConfig.safeParse(configFile);
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  throw new Error(`rally.config.json: ${issue.path.join('.')}: ${issue.message}`);
}
const config = parsed.data;

/** The organization's name, as shown on every page. */
export const organizationName = config.organization.name;

/** The hub site's address. */
export const hubUrl = new URL(process.env.RALLY_HUB_URL ?? config.sites.hub_url);

/** The address of the API every widget posts to, without a trailing slash. */
export const apiUrl = (process.env.RALLY_API_URL ?? config.sites.api_url).replace(/\/$/, '');

/**
 * Whether members can pay dues online, as far as a static build can tell: the build's environment
 * has Stripe's publishable key (`STRIPE_PUBLISHABLE_KEY`, the one the API hands to the checkout,
 * so whoever deploys sets it for both) and rally.config.json offers dues (tiers or a floor). Until
 * then no menu or sitemap leads to the dues page, which says dues are not set up and is not indexed.
 */
export const duesOffered =
  Boolean(process.env.STRIPE_PUBLISHABLE_KEY?.trim()) &&
  (config.dues.tiers.length > 0 || config.dues.minimum_monthly_amount !== undefined);

/** Member stories on each page of a story index (`RALLY_SPOTLIGHTS_PER_PAGE` overrides). */
export const spotlightsPerPage = perPage(process.env.RALLY_SPOTLIGHTS_PER_PAGE);

function perPage(override: string | undefined): number {
  if (override === undefined) return config.sites.spotlights_per_page;
  const count = Number(override);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(
      `RALLY_SPOTLIGHTS_PER_PAGE: write a whole number of 1 or more, not "${override}".`,
    );
  }
  return count;
}

const micrositeTemplate = process.env.RALLY_MICROSITE_URL ?? config.sites.microsite_url;

/**
 * A microsite's address: its own `url`, else the configured pattern with its slug. A build for
 * this machine (`RALLY_MICROSITE_URL` set) puts every microsite on the pattern, own domain or not.
 */
export function micrositeUrl(slug: string, own?: string): URL {
  return micrositeAddress(
    micrositeTemplate,
    slug,
    process.env.RALLY_MICROSITE_URL ? undefined : own,
  );
}
