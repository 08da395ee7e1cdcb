/** @rally/core: the schemas, types and small helpers that Rally's API, widgets and sites share. */
export * from './api.ts';
export * from './config.ts';
export * from './content.ts';
export * from './dues.ts';
export * from './dues-intervals.ts';
export * from './languages.ts';
export * from './locale.ts';
export * from './people.ts';
export * from './problem.ts';
export * from './resources.ts';
export * from './staff.ts';
export * from './staff-people.ts';
