/** The unit project's set-up for every test file: its tests reuse databases, closed after it. */
import { afterAll } from 'vitest';
import { closeKeptTestDatabases, reuseTestDatabases } from './testing-reuse.ts';

reuseTestDatabases();
afterAll(closeKeptTestDatabases);
