/** HAL answers: the curies that let a HAL client expand `osdi:` and `rally:` relation names. */
import type { Context } from 'hono';
import { osdiRelationDocs, rallyRelationDocsPath, type HalCuries } from '@rally/core';

/** OSDI's curie, and Rally's, explained in the OpenAPI document of the API that answers. */
export function curiesFor(requestUrl: string): HalCuries {
  return [
    { name: 'osdi', href: osdiRelationDocs, templated: true },
    { name: 'rally', href: new URL(rallyRelationDocsPath, requestUrl).toString(), templated: true },
  ];
}

/**
 * A HAL document with its curies first in `_links`. Curies hold for a whole answer, so they go on
 * the outermost resource only, not on each one embedded in it.
 */
export function withCuries<Body extends { _links?: object }>(requestUrl: string, body: Body): Body {
  return { ...body, _links: { curies: curiesFor(requestUrl), ...body._links } };
}

/** Answers a HAL document, with its curies. */
export function halAnswer(
  c: Context,
  body: { _links?: object },
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
): Response {
  return c.json(withCuries(c.req.url, body), status, {
    ...headers,
    'Content-Type': 'application/hal+json',
  });
}
