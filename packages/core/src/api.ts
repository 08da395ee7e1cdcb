/** Facts about Rally's HTTP API that its clients (widgets, sites, tests) share. */

/** Path prefix of version 1 of the API; every resource lives below it. */
export const apiBasePath = '/api/v1';

/** The OSDI version the API follows (Action Network's API v2 is the reference implementation). */
export const osdiVersion = '1.1';

/** A HAL link, as OSDI documents use them. */
export interface HalLink {
  href: string;
  title?: string;
  templated?: boolean;
}

/** The OSDI entry point (`GET /api/v1`): what the API is and where its resources are. */
export interface ApiEntryPoint {
  motd: string;
  vendor_name: string;
  product_name: string;
  osdi_version: string;
  max_pagesize: number;
  namespace: string;
  _links: Record<string, HalLink | HalLink[]>;
}
