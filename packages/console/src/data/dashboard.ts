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
}

export function loadDashboard(filters: DashboardFilters): Promise<Dashboard> {
  return request<Dashboard>('/reports/dashboard', { query: { ...filters } });
}

/** The CSV download of one figure, in the same scope. */
export function figureCsvUrl(name: string, filters: DashboardFilters): string {
  return apiUrl(`/reports/dashboard/${name}.csv`, { ...filters });
}
