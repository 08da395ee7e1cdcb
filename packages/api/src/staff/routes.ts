/**
 * The staff endpoints, under `/api/v1/staff`: signing in and out, sessions, the account signed in
 * (sign-in-routes.ts), and what admins manage (admin-routes.ts). No write here is taken from a
 * page of another site, with the session cookie or without.
 */
import { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { adminRoutes } from './admin-routes.ts';
import { sameSiteWrites } from './require-staff.ts';
import { signInRoutes } from './sign-in-routes.ts';

export const staffRoutes = new Hono<AppContext>();
staffRoutes.use(sameSiteWrites);
staffRoutes.route('/', signInRoutes);
staffRoutes.route('/', adminRoutes);
