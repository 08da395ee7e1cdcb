/**
 * The staff endpoints, under `/api/v1/staff`: signing in and out, sessions, the account signed in
 * (sign-in-routes.ts), its owner's name and passkeys (account-routes.ts), and what admins manage
 * (admin-routes.ts). No write here is taken from a page of another site, with the session cookie
 * or without.
 */
import { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { accountRoutes } from './account-routes.ts';
import { adminRoutes } from './admin-routes.ts';
import { sameSiteWrites } from './require-staff.ts';
import { signInRoutes } from './sign-in-routes.ts';

export const staffRoutes = new Hono<AppContext>();
staffRoutes.use(sameSiteWrites);
staffRoutes.route('/', signInRoutes);
staffRoutes.route('/', accountRoutes);
staffRoutes.route('/', adminRoutes);
