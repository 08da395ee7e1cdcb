/**
 * The dashboard screen: every figure of `GET /reports/dashboard` in the scope the filters say,
 * each as a chart, the same figures as a table, and a link to its CSV. A partner's figures are
 * always only its own source codes' (the API sees to it; the screen says so).
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../components/line-chart.ts';
import '../../components/share-bars.ts';
import { problemRegion } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import {
  figureCsvUrl,
  loadDashboard,
  nameOfSite,
  type Dashboard,
  type DashboardFilters,
  type Row,
} from '../../data/dashboard.ts';
import type { StaffMe } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';
import { chartOf } from './figures.ts';

const shareColumns = /(_share|share|_rate|^target|share_of_goal)$/;

@customElement('rally-dashboard-panel')
export class RallyDashboardPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** Who is signed in. */
  @property({ attribute: false }) me: StaffMe | undefined;

  @state() private data: Dashboard | undefined;
  @state() private problem = '';
  @state() private filters: DashboardFilters = {};
  private readonly regions = new Set<string>();
  private readonly sectors = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get t() {
    return translations[this.locale];
  }

  private async load(): Promise<void> {
    this.problem = '';
    try {
      this.data = await loadDashboard(this.filters);
      for (const row of this.data.figures.members_by_region ?? [])
        if (typeof row.region === 'string') this.regions.add(row.region);
      for (const row of this.data.figures.members_by_sector ?? [])
        if (typeof row.sector === 'string') this.sectors.add(row.sector);
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => (form.get(name) as string | null) || undefined;
    this.filters = Object.fromEntries(
      Object.entries({
        region: value('region'),
        sector: value('sector'),
        from: value('from'),
        to: value('to'),
      }).filter(([, v]) => v !== undefined),
    );
    void this.load();
  }

  /** A region or sector by the name staff know it by. */
  private readonly siteName = (slug: string) => nameOfSite(this.data, slug, this.locale);

  private format(column: string, value: unknown): string {
    if (value === null || value === undefined) return '—';
    if ((column === 'region' || column === 'sector') && typeof value === 'string')
      return this.siteName(value);
    if (typeof value === 'number') {
      return shareColumns.test(column)
        ? new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 1 }).format(
            value,
          )
        : new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(value);
    }
    if (column === 'start_at' && typeof value === 'string')
      return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(value));
    return String(value);
  }

  private renderTable(name: string, rows: Row[]) {
    const columns = Object.keys(rows[0] ?? {});
    const title = this.t.dashboard.figures[name] ?? name;
    return html`<div
      class="table-wrap"
      tabindex="0"
      role="region"
      aria-label=${this.t.dashboard.table(title)}
    >
      <table>
        <caption>
          ${this.t.dashboard.table(title)}
        </caption>
        <thead>
          <tr>
            ${columns.map(
              (column) =>
                html`<th scope="col" class=${typeof rows[0]?.[column] === 'number' ? 'number' : ''}>
                  ${this.t.dashboard.columns[column] ?? column}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                ${columns.map(
                  (column) =>
                    html`<td class=${typeof row[column] === 'number' ? 'number' : ''}>
                      ${this.format(column, row[column])}
                    </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderFigure(name: string, rows: Row[]) {
    const t = this.t;
    const title = t.dashboard.figures[name] ?? name;
    const chart = chartOf(name, rows, t, this.siteName);
    const id = `figure-${name}`;
    return html`<section aria-labelledby=${id} data-figure=${name}>
      <h2 id=${id}>${title}</h2>
      ${rows.length === 0 ? html`<p>${t.dashboard.empty}</p>` : nothing}
      ${
        chart.kind === 'lines'
          ? html`<rally-line-chart
              .x=${chart.x}
              .series=${chart.series}
              label=${t.dashboard.chart(title)}
            ></rally-line-chart>`
          : chart.kind === 'bars'
            ? html`<rally-share-bars
                .bars=${chart.bars}
                locale=${this.locale}
                lineLabel=${t.dashboard.line}
              ></rally-share-bars>`
            : nothing
      }
      ${rows.length > 0 ? this.renderTable(name, rows) : nothing}
      <p>
        <a href=${figureCsvUrl(name, this.filters)} download>${t.dashboard.download(title)}</a>
      </p>
    </section>`;
  }

  private renderFilters() {
    const t = this.t.dashboard;
    const option = (selected: string | undefined) => (value: string) =>
      html`<option value=${value} ?selected=${selected === value}>${this.siteName(value)}</option>`;
    return html`<form class="card" @submit=${this.onFilter} aria-labelledby="filters">
      <h2 id="filters">${t.filters}</h2>
      <div class="row">
        <label
          >${t.region}
          <select name="region">
            <option value="">${t.any}</option>
            ${[...this.regions].sort().map(option(this.filters.region))}
          </select>
        </label>
        <label
          >${t.sector}
          <select name="sector">
            <option value="">${t.any}</option>
            ${[...this.sectors].sort().map(option(this.filters.sector))}
          </select>
        </label>
        <label>${t.from} <input type="date" name="from" .value=${this.filters.from ?? ''} /></label>
        <label>${t.to} <input type="date" name="to" .value=${this.filters.to ?? ''} /></label>
        <button type="submit">${t.apply}</button>
      </div>
      ${problemRegion(this.problem)}
    </form>`;
  }

  override render() {
    const t = this.t;
    const data = this.data;
    const sources = this.me?.account.role === 'partner' ? this.me.account.sources : undefined;
    return html`${this.renderFilters()}
    ${
      data
        ? html`<p id="scope">
              ${t.dashboard.scope(data.scope.from, data.scope.to)}
              ${sources ? t.dashboard.partnerScope(sources.join(', ')) : nothing}
            </p>
            ${Object.entries(data.figures).map(([name, rows]) => this.renderFigure(name, rows))}`
        : html`<p role="status">${this.problem ? '' : t.app.loading}</p>`
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-dashboard-panel': RallyDashboardPanel;
  }
}
