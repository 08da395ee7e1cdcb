/**
 * The console's calls to the API say which language its person reads it in, so that what the API
 * refuses (a piece's problems under its fields) comes back in that language.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { request } from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.lang = 'en';
});

it('asks for answers in the console’s language', async () => {
  const asked: (string | null)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      asked.push(new Headers(init.headers).get('Accept-Language'));
      return Promise.resolve(new Response('{}', { status: 200 }));
    }),
  );
  document.documentElement.lang = 'es';
  await request('/staff/content/spotlights');
  document.documentElement.lang = 'en';
  await request('/staff/content/spotlights', { method: 'PUT', body: {} });
  expect(asked).toEqual(['es', 'en']);
});
