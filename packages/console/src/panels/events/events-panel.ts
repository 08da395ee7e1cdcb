/**
 * Events (organizers and admins): each event of the last year and those to come, with its RSVPs,
 * waitlist and who came (the dashboard's `events` figure, in the account's scope), each opening
 * its check-in screen. The list is kept on the device, so with no signal it still opens.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion, when } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { loadEvents, type EventFigures } from '../../data/check-in.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-events-panel')
export class RallyEventsPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  @state() private events: EventFigures[] | undefined;
  @state() private offline = false;
  @state() private problem = '';

  private get t() {
    return translations[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const { events, offline } = await loadEvents();
      // Those to come first, soonest first; then those over, the latest first.
      const now = Date.now();
      const time = (event: EventFigures) => Date.parse(event.start_at);
      this.events = [
        ...events.filter((e) => time(e) >= now).sort((a, b) => time(a) - time(b)),
        ...events.filter((e) => time(e) < now).sort((a, b) => time(b) - time(a)),
      ];
      this.offline = offline;
      this.problem = '';
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  override render() {
    const e = this.t.events;
    return html`<p>${e.intro} ${e.openHint}</p>
      ${problemRegion(this.problem)}
      <p role="status">${this.offline ? e.offlineList : ''}</p>
      ${
        this.events === undefined
          ? ''
          : this.events.length === 0
            ? html`<p>${e.none}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${e.table}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${e.title}</th>
                      <th scope="col">${e.date}</th>
                      <th scope="col" class="number">${e.rsvps}</th>
                      <th scope="col" class="number">${e.waitlisted}</th>
                      <th scope="col" class="number">${e.attended}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.events.map(
                      (event) =>
                        html`<tr data-event=${event.event}>
                          <th scope="row">
                            <a href=${`/console/events/${encodeURIComponent(event.event)}`}
                              >${event.title}</a
                            >
                          </th>
                          <td>${when(event.start_at, this.locale)}</td>
                          <td class="number">
                            ${event.rsvps}${event.capacity === null ? '' : ` / ${event.capacity}`}
                          </td>
                          <td class="number">${event.waitlisted}</td>
                          <td class="number">${event.attended}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
      }
      <p><a href="/console/dashboard#figure-events">${e.toDashboard}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-events-panel': RallyEventsPanel;
  }
}
