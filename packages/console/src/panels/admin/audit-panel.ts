/** The audit log (admin): newest first, a page at a time, with filters and a CSV of what they pick. */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion, when } from '../../components/templates.ts';
import { apiUrl } from '../../data/api.ts';
import { ListLoader } from '../../data/list-loader.ts';
import { audit, type AuditEntry, type AuditFilters } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/** What the log shown depends on: its filters, and where the last page asked for begins. */
type Args = readonly [AuditFilters, string | undefined];

@customElement('rally-audit-panel')
export class RallyAuditPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  @state() private filters: AuditFilters = {};
  /** Where the page asked for begins: none for the newest, an entry's `before` for older ones. */
  @state() private olderThan: string | undefined;
  /** The entries shown, newest first: each older page is added below the ones before. */
  private readonly log = new ListLoader<{ entries: AuditEntry[]; next: string | null }, Args>(
    this,
    {
      load: async ([filters, before], shown) => {
        const page = await audit.page(filters, before);
        return before ? { ...page, entries: [...(shown?.entries ?? []), ...page.entries] } : page;
      },
      args: () => [this.filters, this.olderThan],
    },
  );

  private get t() {
    return translations[this.locale];
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    this.filters = Object.fromEntries(
      Object.entries({
        action: value('action'),
        actor: value('actor'),
        from: value('from'),
        to: value('to'),
      }).filter(([, v]) => v !== undefined),
    );
    this.olderThan = undefined;
  }

  private onOlder(): void {
    const next = this.log.value?.next;
    const before = next ? new URL(next, location.href).searchParams.get('before') : null;
    if (before) this.olderThan = before;
  }

  override render() {
    const a = this.t.admin;
    const entries = this.log.value?.entries;
    const empty = !entries ? this.t.app.loading : entries.length === 0 ? a.nothing : '';
    return html`<form class="card" @submit=${this.onFilter} aria-labelledby="audit-filters">
        <h2 id="audit-filters">${a.filter}</h2>
        <div class="row">
          <label>${a.action} <input name="action" autocomplete="off" /></label>
          <label
            >${a.actor} <input name="actor" autocomplete="off" aria-describedby="actor-hint"
          /></label>
          <label>${a.from} <input type="date" name="from" /></label>
          <label>${a.to} <input type="date" name="to" /></label>
          <button type="submit">${a.filter}</button>
        </div>
        <p class="hint" id="actor-hint">${a.actorHint}</p>
        ${problemRegion(this.log.problem(this.t.app.unreachable))}
      </form>
      <p>
        <a href=${apiUrl('/staff/audit', { ...this.filters, format: 'csv' })} download
          >${a.downloadAudit}</a
        >
      </p>
      ${
        empty
          ? html`<p>${empty}</p>`
          : html`<div
              class="table-wrap"
              tabindex="0"
              role="region"
              aria-label=${this.t.screens.audit}
            >
              <table>
                <thead>
                  <tr>
                    <th scope="col">${a.at}</th>
                    <th scope="col">${a.actor}</th>
                    <th scope="col">${a.action}</th>
                    <th scope="col">${a.subject}</th>
                    <th scope="col">${a.detail}</th>
                  </tr>
                </thead>
                <tbody>
                  ${(entries ?? []).map(
                    (entry) =>
                      html`<tr>
                        <td>${when(entry.at, this.locale)}</td>
                        <td>${entry.actor_label ?? entry.actor_kind}</td>
                        <td>${entry.action}</td>
                        <td>${entry.subject_kind ?? ''} ${entry.subject_id ?? ''}</td>
                        <td><code>${JSON.stringify(entry.detail)}</code></td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      ${
        this.log.value?.next
          ? html`<button type="button" class="secondary" @click=${this.onOlder}>${a.older}</button>`
          : ''
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-audit-panel': RallyAuditPanel;
  }
}
