/** The audit log (admin): newest first, a page at a time, with filters and a CSV of what they pick. */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion, when } from '../../components/templates.ts';
import { apiUrl, problemText } from '../../data/api.ts';
import { audit, type AuditEntry, type AuditFilters } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-audit-panel')
export class RallyAuditPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  @state() private entries: AuditEntry[] = [];
  @state() private next: string | null = null;
  @state() private filters: AuditFilters = {};
  @state() private problem = '';

  private get t() {
    return translations[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(before?: string): Promise<void> {
    this.problem = '';
    try {
      const page = await audit.page(this.filters, before);
      this.entries = before ? [...this.entries, ...page.entries] : page.entries;
      this.next = page.next;
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
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
    void this.load();
  }

  private onOlder(): void {
    const before = this.next ? new URL(this.next, location.href).searchParams.get('before') : null;
    if (before) void this.load(before);
  }

  override render() {
    const a = this.t.admin;
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
        ${problemRegion(this.problem)}
      </form>
      <p>
        <a href=${apiUrl('/staff/audit', { ...this.filters, format: 'csv' })} download
          >${a.downloadAudit}</a
        >
      </p>
      ${
        this.entries.length === 0
          ? html`<p>${a.nothing}</p>`
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
                  ${this.entries.map(
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
        this.next
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
