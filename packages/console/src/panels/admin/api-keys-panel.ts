/** API keys (admin): make one for a sync tool (shown once), see each one's last use, revoke. */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion, when } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { ListLoader } from '../../data/list-loader.ts';
import { apiKeys, type ApiKey } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-api-keys-panel')
export class RallyApiKeysPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  private readonly list = new ListLoader(this, {
    load: async () => (await apiKeys.list()).api_keys,
  });
  @state() private created: string | undefined;
  @state() private problem = '';
  /** What the API refused of a revocation, said where the list's own problems are. */
  @state() private revokeProblem = '';
  @state() private done = '';

  private get t() {
    return translations[this.locale];
  }

  private async onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    this.problem = '';
    this.created = undefined;
    try {
      const made = await apiKeys.create(String(form.get('name')), String(form.get('scope')));
      this.created = made.key;
      formElement.reset();
      await this.updateComplete;
      (this.renderRoot.querySelector('#new-key') as HTMLElement | null)?.focus();
      void this.list.reload();
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  private async onRevoke(key: ApiKey): Promise<void> {
    this.revokeProblem = '';
    this.done = '';
    try {
      await apiKeys.revoke(key.id);
      this.done = this.t.admin.revokedDone(key.name);
      await this.list.reload();
    } catch (error) {
      this.revokeProblem = problemText(error, this.t.app.unreachable);
    }
  }

  private scopeName(scope: string): string {
    const a = this.t.admin;
    return scope === 'read'
      ? a.scopeRead
      : scope === 'read-write'
        ? a.scopeReadWrite
        : a.scopeAdmin;
  }

  override render() {
    const a = this.t.admin;
    return html`<form class="card" @submit=${this.onCreate} aria-labelledby="new-key-heading">
        <h2 id="new-key-heading">${a.newKey}</h2>
        <div class="row">
          <label
            >${a.keyName}
            <input
              name="name"
              required
              maxlength="100"
              aria-describedby="key-name-hint"
              autocomplete="off"
            />
          </label>
          <label
            >${a.keyScope}
            <select name="scope">
              <option value="read">${a.scopeRead}</option>
              <option value="read-write">${a.scopeReadWrite}</option>
            </select>
          </label>
        </div>
        <p class="hint" id="key-name-hint">${a.keyNameHint}</p>
        <button type="submit">${a.createKey}</button>
        ${problemRegion(this.problem)}
      </form>
      ${
        this.created
          ? html`<div class="card" role="region" aria-labelledby="new-key-label">
              <h2 id="new-key-label">${a.key}</h2>
              <p>${a.keyOnce}</p>
              <output id="new-key" tabindex="-1" aria-labelledby="new-key-label"
                >${this.created}</output
              >
              <button
                type="button"
                class="secondary"
                @click=${async () => {
                  await navigator.clipboard.writeText(this.created ?? '');
                  this.done = a.keyCopied;
                }}
              >
                ${a.copyKey}
              </button>
            </div>`
          : ''
      }
      <h2>${a.keys}</h2>
      ${problemRegion(this.revokeProblem || this.list.problem(this.t.app.unreachable))}
      ${doneRegion(this.done)}
      <div class="table-wrap" tabindex="0" role="region" aria-label=${a.keys}>
        <table>
          <thead>
            <tr>
              <th scope="col">${a.keyName}</th>
              <th scope="col">${a.keyScope}</th>
              <th scope="col">${a.created}</th>
              <th scope="col">${a.lastUsed}</th>
              <th scope="col">${a.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${(this.list.value ?? []).map(
              (key) =>
                html`<tr>
                  <td>${key.name}</td>
                  <td>${this.scopeName(key.scope)}</td>
                  <td>${when(key.created_at, this.locale)}</td>
                  <td>${key.last_used_at ? when(key.last_used_at, this.locale) : a.never}</td>
                  <td>
                    ${
                      key.revoked_at
                        ? a.revoked
                        : key.scope === 'admin'
                          ? ''
                          : html`<button
                              type="button"
                              class="small secondary"
                              @click=${() => this.onRevoke(key)}
                            >
                              ${a.revoke(key.name)}
                            </button>`
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-api-keys-panel': RallyApiKeysPanel;
  }
}
