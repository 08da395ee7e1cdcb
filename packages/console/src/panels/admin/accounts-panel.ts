/** Accounts (admin): each account's role, scope, password fallback and whether it is disabled. */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { ListLoader } from '../../data/list-loader.ts';
import { accounts, listOf, type StaffAccount } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';
import { roles } from './invitations-panel.ts';

@customElement('rally-accounts-panel')
export class RallyAccountsPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  private readonly list = new ListLoader(this, {
    load: async () => (await accounts.list()).accounts,
  });
  /** What the API refused of each account's form, by the account's id. */
  @state() private problems: Record<string, string> = {};
  @state() private saved = '';

  private get t() {
    return translations[this.locale];
  }

  private async onSave(account: StaffAccount, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    this.problems = { ...this.problems, [account.id]: '' };
    this.saved = '';
    try {
      const changed = await accounts.change(account.id, {
        role: text('role') as StaffAccount['role'],
        regions: listOf(text('regions')),
        sectors: listOf(text('sectors')),
        sources: listOf(text('sources')),
        password_allowed: form.get('password_allowed') === 'on',
        disabled: form.get('disabled') === 'on',
      });
      this.saved = this.t.admin.saved(changed.email);
      await this.list.reload();
    } catch (error) {
      this.problems = {
        ...this.problems,
        [account.id]: problemText(error, this.t.app.unreachable),
      };
    }
  }

  override render() {
    const a = this.t.admin;
    return html`${problemRegion(this.list.problem(this.t.app.unreachable))}
    ${doneRegion(this.saved)}
    ${(this.list.value ?? []).map(
      (account) =>
        html`<form
          class="card"
          @submit=${(event: SubmitEvent) => this.onSave(account, event)}
          aria-labelledby=${`account-${account.id}`}
        >
          <h2 id=${`account-${account.id}`}>${account.name || account.email}</h2>
          <p class="hint">${account.email}</p>
          <div class="row">
            <label
              >${a.role}
              <select name="role">
                ${roles.map(
                  (role) =>
                    html`<option value=${role} ?selected=${account.role === role}>
                      ${this.t.roles[role]}
                    </option>`,
                )}
              </select>
            </label>
            <label
              >${a.regions} <input name="regions" .value=${account.regions.join(', ')}
            /></label>
            <label
              >${a.sectors} <input name="sectors" .value=${account.sectors.join(', ')}
            /></label>
            <label
              >${a.sources} <input name="sources" .value=${account.sources.join(', ')}
            /></label>
          </div>
          <label class="check"
            ><input type="checkbox" name="password_allowed" ?checked=${account.password_allowed} />
            ${a.passwordAllowed}</label
          >
          <label class="check"
            ><input type="checkbox" name="disabled" ?checked=${account.disabled_at !== null} />
            ${a.disabled}</label
          >
          <button type="submit">${a.save}</button>
          ${problemRegion(this.problems[account.id])}
        </form>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-accounts-panel': RallyAccountsPanel;
  }
}
