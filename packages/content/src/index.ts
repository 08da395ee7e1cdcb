/**
 * @rally/content: the MDX content staff write in content/, read one way for everyone who reads it —
 * the API at start-up, the sites' build and the scripts — so they agree on which pieces there are
 * and on what each says. Node only: it reads files.
 */
export * from './files.ts';
export * from './read.ts';
export * from './write.ts';
export * from './sites-touched.ts';
