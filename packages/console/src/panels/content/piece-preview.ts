/**
 * A piece's preview: its pages on the sites it shows on, in each language, built from what is in
 * the form without publishing it. The API builds them (`POST …/previews`) and serves them on its
 * own origin to staff who may publish; this follows the build and then lists the pages, each
 * opening in a tab of its own — the console's policy frames nothing, and a tab shows the page at
 * the width it is read at.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiProblem, problemText } from '../../data/api.ts';
import { notAvailable, type Build, type ContentApi } from '../../data/content.ts';
import type { Translation } from '../../translations/index.ts';

type Texts = Translation['content'];

export const previewStyles = css`
  ul.preview-pages {
    padding-inline-start: 1.25rem;
  }
  /* Apart enough to tap the one meant. */
  ul.preview-pages li + li {
    margin-block-start: 0.5rem;
  }
`;

/** The sites a build makes, by name; every one where it names none. */
export function sitesNamed(build: Build, t: Texts): string {
  return build.sites?.join(', ') ?? t.everySite;
}

export interface PreviewOptions {
  api: () => ContentApi;
  /** How long to wait between two questions about the build, in milliseconds. */
  pollEvery: () => number;
  texts: () => Texts;
  /** What to say when the API cannot be reached. */
  unreachable: () => string;
  /** Says why there is no preview, where the form says what went wrong. */
  fail: (problem: string) => void;
}

export class PiecePreview implements ReactiveController {
  /** The preview's build as last heard of; undefined before one is asked for. */
  build: Build | undefined;
  /** Asked for and not done yet. */
  busy = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: PreviewOptions;
  /** Counts the previews asked for: a newer one (or leaving the screen) ends following the last. */
  #asked = 0;

  constructor(host: ReactiveControllerHost, options: PreviewOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#asked++;
    this.busy = false;
  }

  /** Forgets the last preview and stops following it: publishing, a draft or a restore make it old. */
  forget(): void {
    this.#asked++;
    this.build = undefined;
    this.busy = false;
    this.#host.requestUpdate();
  }

  /**
   * Asks for a preview of what `ask` sends and follows its build until it is done or has failed.
   * A refusal naming fields is thrown, for the form to show under them; any other is said here.
   */
  async start(ask: (api: ContentApi) => Promise<{ preview: Build }>): Promise<void> {
    const run = ++this.#asked;
    const api = this.#options.api();
    this.build = undefined;
    this.busy = true;
    this.#host.requestUpdate();
    try {
      let build = (await ask(api)).preview;
      while (run === this.#asked && (build.status === 'queued' || build.status === 'building')) {
        this.build = build;
        this.#host.requestUpdate();
        await new Promise((resolve) => setTimeout(resolve, this.#options.pollEvery()));
        build = (await api.previewStatus(build.id)).preview;
      }
      if (run !== this.#asked) return;
      this.build = build;
      if (build.status === 'failed')
        this.#options.fail(this.#options.texts().previewFailed(build.id));
    } catch (error) {
      if (run !== this.#asked) return;
      this.build = undefined;
      if (error instanceof ApiProblem && error.errors.length > 0) throw error;
      this.#options.fail(
        notAvailable(error)
          ? this.#options.texts().previewUnavailable
          : problemText(error, this.#options.unreachable()),
      );
    } finally {
      if (run === this.#asked) {
        this.busy = false;
        this.#host.requestUpdate();
      }
    }
  }

  /** The preview's progress, then its pages. */
  render(languageName: (lang: string) => string) {
    const t = this.#options.texts();
    const build = this.build;
    let said: unknown = nothing;
    if (this.busy && !build) said = html`<p>${t.previewAsking}</p>`;
    else if (build && (build.status === 'queued' || build.status === 'building'))
      said = html`<p>
        ${t.previewBuilding(t.buildStatus[build.status] ?? build.status, sitesNamed(build, t))}
      </p>`;
    else if (build?.status === 'done')
      said = html`<p>${t.previewReady}</p>
        <ul class="preview-pages">
          ${build.pages.map(
            (page) =>
              html`<li>
                <a href=${page.url} target="_blank" rel="noopener"
                  >${t.previewPage(page.site, languageName(page.lang))}</a
                >
              </li>`,
          )}
        </ul>`;
    return html`<div role="status" id="preview-status">${said}</div>`;
  }
}
