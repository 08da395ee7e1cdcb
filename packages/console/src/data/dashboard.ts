/** The dashboard's figures (GET /reports/dashboard) and the address of each as CSV. */
import { apiUrl, request } from './api.ts';

export type Row = Record<string, unknown>;

export interface DashboardFilters {
  region?: string;
  sector?: string;
  from?: string;
  to?: string;
}

export interface Dashboard {
  generated_at: string;
  scope: {
    region: string | null;
    sector: string | null;
    from: string;
    to: string;
    sources: string[] | null;
  };
  figures: Record<string, Row[]>;
  /** What each region and sector is called, by slug and language; the figures name them by slug. */
  names?: Record<string, Record<string, string>>;
}

/**
 * A region's or sector's name in `locale`, else in the first language it is written in, else its
 * slug (a region the API has no name for, or an API from before names).
 */
export function nameOfSite(dashboard: Dashboard | undefined, slug: string, locale: string): string {
  const names = dashboard?.names?.[slug];
  return names?.[locale] ?? Object.values(names ?? {})[0] ?? slug;
}

export function loadDashboard(filters: DashboardFilters): Promise<Dashboard> {
  return request<Dashboard>('/reports/dashboard', { query: { ...filters } });
}

/** The CSV download of one figure, in the same scope. */
export function figureCsvUrl(name: string, filters: DashboardFilters): string {
  return apiUrl(`/reports/dashboard/${name}.csv`, { ...filters });
}
