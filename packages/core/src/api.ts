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
  /** A curie's prefix (`osdi`): HAL clients expand `osdi:people` only through a named curie. */
  name?: string;
}

/** A HAL curie: the prefix of a relation name, and where each relation with it is explained. */
export interface HalCurie {
  name: string;
  href: string;
  templated: true;
}

/** Where OSDI explains its relations: `osdi:people` at `…/osdi-docs/people`. */
export const osdiRelationDocs = 'https://opensupporter.github.io/osdi-docs/{rel}';

/**
 * Where Rally explains its own relations (`rally:spotlights`), below the API's address: a part of
 * its OpenAPI document, so the explanation ships with the API that answers.
 */
export const rallyRelationDocsPath = `${apiBasePath}/openapi.json#/x-rally-relations/{rel}`;

/**
 * Every id Rally gives is written `rally:<id>` in `identifiers`, as OSDI asks each system to
 * prefix its own; the part after the prefix is the id in the resource's address.
 */
export const identifierPrefix = 'rally';

/** The OSDI entry point (`GET /api/v1`): what the API is and where its resources are. */
export interface ApiEntryPoint {
  motd: string;
  vendor_name: string;
  product_name: string;
  osdi_version: string;
  max_pagesize: number;
  namespace: typeof identifierPrefix;
  _links: { curies: HalCurie[] } & Record<string, HalLink | HalLink[]>;
}
