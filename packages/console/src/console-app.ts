/**
 * `<rally-console>`: the staff console's shell. It asks the API who is signed in, shows the
 * screens their role may use (one route table), keeps the chosen language, and on every change of
 * screen sets the title and moves focus to the new heading, as a page load would.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { StaffRole } from '@rally/core';
import { doneRegion, problemRegion } from './components/templates.ts';
import './components/update-notice.ts';
import { ApiProblem, problemText } from './data/api.ts';
import { forgetLists } from './data/check-in.ts';
import { forgetMe, rememberedMe, signOut, whoAmI, type StaffMe } from './data/staff.ts';
import type { NavigateEvent } from './events/navigate-event.ts';
import './panels/account/account-panel.ts';
import './panels/admin/accounts-panel.ts';
import './panels/admin/api-keys-panel.ts';
import './panels/admin/audit-panel.ts';
import './panels/admin/invitations-panel.ts';
import './panels/admin/sessions-panel.ts';
import './panels/dashboard/dashboard-panel.ts';
import './panels/enroll/enroll-panel.ts';
import './panels/events/check-in-panel.ts';
import './panels/events/events-panel.ts';
import './panels/people/people-panel.ts';
import './panels/people/person-panel.ts';
import './panels/sign-in/sign-in-panel.ts';
import { consoleStyles } from './styles/console.styles.ts';
import {
  applyLocale,
  initialLocale,
  translations,
  type ConsoleLocale,
  type Translation,
} from './translations/index.ts';

const base = '/console/';
const everyone: readonly StaffRole[] = ['admin', 'organizer', 'communications', 'partner'];
const peopleRoles: readonly StaffRole[] = ['admin', 'organizer'];
const admins: readonly StaffRole[] = ['admin'];
const publishers: readonly StaffRole[] = ['admin', 'communications'];

/** The content screens and their editor, fetched when first opened: most staff never open them. */
const contentScreens = () => void import('./panels/content/content-screens.ts');

interface Route {
  /** The path under /console/, `:id` for a part that varies. */
  path: string;
  title: (t: Translation) => string;
  /** Who may open it; none: anyone, signed in or not. */
  roles?: readonly StaffRole[];
  /** Listed in the navigation, for these roles. */
  nav?: readonly StaffRole[];
  render: (app: RallyConsole, params: Record<string, string>) => TemplateResult;
}

const routes: Route[] = [
  {
    path: 'dashboard',
    title: (t) => t.screens.dashboard,
    roles: everyone,
    nav: everyone,
    render: (app) =>
      html`<rally-dashboard-panel locale=${app.locale} .me=${app.me}></rally-dashboard-panel>`,
  },
  {
    path: 'people',
    title: (t) => t.screens.people,
    roles: peopleRoles,
    nav: peopleRoles,
    render: (app) => html`<rally-people-panel locale=${app.locale}></rally-people-panel>`,
  },
  {
    path: 'people/:id',
    title: (t) => t.screens.person,
    roles: peopleRoles,
    render: (app, { id }) =>
      html`<rally-person-panel
        locale=${app.locale}
        personId=${id ?? ''}
        .me=${app.me}
      ></rally-person-panel>`,
  },
  {
    path: 'events',
    title: (t) => t.screens.events,
    roles: peopleRoles,
    nav: peopleRoles,
    render: (app) => html`<rally-events-panel locale=${app.locale}></rally-events-panel>`,
  },
  {
    path: 'events/:id',
    title: (t) => t.events.checkIn,
    roles: peopleRoles,
    render: (app, { id }) =>
      html`<rally-check-in-panel
        locale=${app.locale}
        eventId=${decodeURIComponent(id ?? '')}
      ></rally-check-in-panel>`,
  },
  {
    path: 'content',
    title: (t) => t.screens.content,
    roles: publishers,
    nav: publishers,
    render: (app) => (
      contentScreens(),
      html`<rally-content-panel locale=${app.locale}></rally-content-panel>`
    ),
  },
  {
    path: 'content/new/:collection',
    title: (t) => t.screens.contentPiece,
    roles: publishers,
    render: (app, { collection }) => (
      contentScreens(),
      html`<rally-piece-editor
        locale=${app.locale}
        collection=${collection ?? ''}
      ></rally-piece-editor>`
    ),
  },
  {
    path: 'content/:collection/:id',
    title: (t) => t.screens.contentPiece,
    roles: publishers,
    render: (app, { collection, id }) => (
      contentScreens(),
      html`<rally-piece-editor
        locale=${app.locale}
        collection=${collection ?? ''}
        pieceId=${decodeURIComponent(id ?? '')}
      ></rally-piece-editor>`
    ),
  },
  {
    path: 'admin/invitations',
    title: (t) => t.screens.invitations,
    roles: admins,
    nav: admins,
    render: (app) => html`<rally-invitations-panel locale=${app.locale}></rally-invitations-panel>`,
  },
  {
    path: 'admin/accounts',
    title: (t) => t.screens.accounts,
    roles: admins,
    nav: admins,
    render: (app) => html`<rally-accounts-panel locale=${app.locale}></rally-accounts-panel>`,
  },
  {
    path: 'admin/api-keys',
    title: (t) => t.screens.apiKeys,
    roles: admins,
    nav: admins,
    render: (app) => html`<rally-api-keys-panel locale=${app.locale}></rally-api-keys-panel>`,
  },
  {
    // Anyone's own sessions are on Your account too; only admins have it in the navigation.
    path: 'sessions',
    title: (t) => t.screens.sessions,
    roles: everyone,
    nav: admins,
    render: (app) =>
      html`<rally-sessions-panel locale=${app.locale} .me=${app.me}></rally-sessions-panel>`,
  },
  {
    path: 'admin/audit',
    title: (t) => t.screens.audit,
    roles: admins,
    nav: admins,
    render: (app) => html`<rally-audit-panel locale=${app.locale}></rally-audit-panel>`,
  },
  {
    path: 'account',
    title: (t) => t.screens.account,
    roles: everyone,
    nav: everyone,
    render: (app) =>
      html`<rally-account-panel locale=${app.locale} .me=${app.me}></rally-account-panel>`,
  },
  {
    path: 'sign-in',
    title: (t) => t.screens.signIn,
    render: (app) => html`<rally-sign-in-panel locale=${app.locale}></rally-sign-in-panel>`,
  },
  {
    path: 'enroll',
    title: (t) => t.screens.enroll,
    render: (app) =>
      html`<rally-enroll-panel
        locale=${app.locale}
        token=${decodeURIComponent(location.hash.slice(1))}
      ></rally-enroll-panel>`,
  },
];

/** The route for a path under /console/, and the values of its `:params`. */
export function matchRoute(
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (
      pattern.every((part, index) => {
        if (part.startsWith(':')) return ((params[part.slice(1)] = parts[index]!), true);
        return part === parts[index];
      })
    )
      return { route, params };
  }
  return undefined;
}

@customElement('rally-console')
export class RallyConsole extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      :host {
        display: block;
        min-block-size: 100vh;
      }
      .skip {
        position: absolute;
        inset-inline-start: -100vw;
      }
      .skip:focus {
        inset-inline-start: 0.5rem;
        inset-block-start: 0.5rem;
        background: #fff;
        padding: 0.5rem;
        z-index: 1;
      }
      header {
        background: #101828;
        color: #fff;
        padding: 0.5rem 1rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      header a,
      header button.link {
        color: #fff;
      }
      .brand {
        font-weight: 700;
        margin-inline-end: auto;
      }
      .who {
        margin: 0;
      }
      header button {
        min-block-size: 2rem;
        padding-inline: 0.75rem;
      }
      header button.secondary {
        background: #101828;
        color: #fff;
        border-color: #fff;
      }
      nav {
        background: #fff;
        border-block-end: 1px solid #d0d5dd;
        padding-inline: 1rem;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-block-size: 2.75rem;
        color: var(--rally-text, #1f2937);
        text-decoration: none;
        border-block-end: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        border-block-end-color: var(--rally-accent, #0b5fff);
        font-weight: 700;
      }
      nav a:hover {
        text-decoration: underline;
      }
      main {
        max-inline-size: 72rem;
        margin-inline: auto;
        padding: 1rem;
      }
      main:focus {
        outline: none;
      }
      @media (max-width: 600px) {
        nav ul {
          display: grid;
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  /** The language the console speaks. */
  @state() locale: ConsoleLocale = initialLocale();
  /** Who is signed in, once asked; null when nobody is. */
  @state() me: StaffMe | null | undefined;
  @state() private path = '';
  @state() private problem = '';
  /** What a screen said on sending the console here (a person erased), until the next screen. */
  @state() private notice = '';
  /** Whether the next render follows a change of screen, so focus moves to its heading. */
  private moved = false;

  get t(): Translation {
    return translations[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    applyLocale(this.locale);
    this.path = this.pathOf(location.pathname);
    window.addEventListener('popstate', this.onPopState);
    this.addEventListener('click', this.onClick);
    this.addEventListener('signed-in', this.onWhoChanged);
    this.addEventListener('account-changed', this.onWhoChanged);
    this.addEventListener('navigate', this.onNavigate);
    void this.identify();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  private pathOf(pathname: string): string {
    return pathname.startsWith(base) ? pathname.slice(base.length).replace(/\/$/, '') : '';
  }

  private async identify(): Promise<void> {
    try {
      this.me = await whoAmI();
      this.problem = '';
    } catch (error) {
      // No signal (the door of a hall): who was signed in on this device, so the screens kept by
      // the service worker open; the API still asks for the cookie when the signal returns.
      this.me = error instanceof ApiProblem && error.status === 0 ? rememberedMe() : null;
      if (!this.me) this.problem = problemText(error, this.t.app.unreachable);
    }
    this.settle();
  }

  /** Sends who is not signed in to sign in, and who is to the dashboard from the signing-in screens. */
  private settle(): void {
    const matched = matchRoute(this.path);
    if (!this.me && (this.path === '' || matched?.route.roles)) this.go('sign-in', true);
    else if (this.me && (this.path === '' || this.path === 'sign-in' || this.path === 'enroll'))
      this.go('dashboard', true);
  }

  /** Opens a screen of the console. */
  go(path: string, replace = false): void {
    const url = `${base}${path}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.path = path;
    this.moved = true;
    this.notice = '';
  }

  private readonly onPopState = () => {
    this.path = this.pathOf(location.pathname);
    this.moved = true;
    this.notice = '';
    this.settle();
  };

  private readonly onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || anchor.hasAttribute('download') || anchor.target) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(base)) return;
    event.preventDefault();
    this.go(this.pathOf(url.pathname));
  };

  private readonly onNavigate = (event: NavigateEvent) => {
    this.go(event.path);
    this.notice = event.notice;
  };

  /** Signed in, signed in again, or renamed: who is signed in is read again. */
  private readonly onWhoChanged = () => {
    void this.identify();
  };

  private async onSignOut(): Promise<void> {
    try {
      await signOut();
      forgetMe();
      await forgetLists();
      this.me = null;
      this.go('sign-in');
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  private switchLanguage(): void {
    this.locale = this.locale === 'en' ? 'es' : 'en';
    applyLocale(this.locale);
  }

  protected override updated(): void {
    document.title = `${this.screenTitle()} · ${this.t.app.title}`;
    if (this.moved && this.me !== undefined) {
      this.moved = false;
      (this.renderRoot.querySelector('h1') as HTMLElement | null)?.focus();
    }
  }

  private renderHeader() {
    const t = this.t;
    const me = this.me;
    const other: ConsoleLocale = this.locale === 'en' ? 'es' : 'en';
    return html`<header>
      <span class="brand">${t.app.title}</span>
      ${
        me
          ? html`<p class="who">
              ${t.app.signedInAs(me.account.name || me.account.email, t.roles[me.account.role] ?? '')}
            </p>`
          : nothing
      }
      <button type="button" class="secondary" lang=${other} @click=${this.switchLanguage}>
        ${t.app.switchLanguage}
      </button>
      ${
        me
          ? html`<button type="button" class="secondary" @click=${this.onSignOut}>
              ${t.app.signOut}
            </button>`
          : nothing
      }
    </header>`;
  }

  private renderNav() {
    const me = this.me;
    if (!me) return nothing;
    const current = matchRoute(this.path)?.route;
    return html`<nav aria-label=${this.t.app.nav}>
      <ul>
        ${routes
          .filter((route) => route.nav?.includes(me.account.role))
          .map(
            (route) =>
              html`<li>
                <a
                  href=${`${base}${route.path}`}
                  aria-current=${current === route || (current?.path.startsWith(`${route.path}/`) ?? false) ? 'page' : nothing}
                  >${route.title(this.t)}</a
                >
              </li>`,
          )}
      </ul>
    </nav>`;
  }

  override render() {
    const t = this.t;
    if (this.me === undefined) {
      return html`<main>
        <rally-update-notice locale=${this.locale}></rally-update-notice>
        <p role="status">${t.app.loading}</p>
      </main>`;
    }
    const matched = matchRoute(this.path);
    const allowed = matched && this.mayOpen(matched.route);
    const role = this.me?.account.role ?? '';
    const refusal = matched ? t.app.notAllowedText(t.roles[role] ?? role) : t.app.notFoundText;
    return html`<a class="skip" href="#main" @click=${this.skip}>${t.app.skip}</a>
      ${this.renderHeader()} ${this.renderNav()}
      <main id="main" tabindex="-1">
        <rally-update-notice locale=${this.locale}></rally-update-notice>
        <h1 tabindex="-1">${this.screenTitle()}</h1>
        ${problemRegion(this.problem)} ${doneRegion(this.notice)}
        ${allowed ? matched.route.render(this, matched.params) : html`<p>${refusal}</p>`}
      </main>`;
  }

  /** Whether the person signed in may open a screen: a screen for some roles says so otherwise. */
  private mayOpen(route: Route): boolean {
    return !route.roles || Boolean(this.me && route.roles.includes(this.me.account.role));
  }

  /** The screen's title; or that there is no such screen, or that it is not for their role. */
  private screenTitle(): string {
    const matched = matchRoute(this.path);
    if (!matched) return this.t.app.notFound;
    return this.mayOpen(matched.route) ? matched.route.title(this.t) : this.t.app.notAllowed;
  }

  private skip(event: Event): void {
    event.preventDefault();
    (this.renderRoot.querySelector('h1') as HTMLElement | null)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-console': RallyConsole;
  }
}
