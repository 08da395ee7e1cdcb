import type { SpotlightResource } from '@rally/core/resources';
import { TaskStatus } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { apiUrl } from '../api/client.ts';
import { loadFailed, resourceTask } from '../internal/resource-task.ts';
import { localeOf, translate } from '../translations/index.ts';
import { AutoplayController } from './autoplay-controller.ts';
import { spotlightCarouselStyles } from './spotlight-carousel.styles.ts';
import { carouselStrings } from './spotlight-carousel.strings.ts';

/** A spotlight feed: the API's, or a microsite's `spotlights.json`. */
interface SpotlightFeed {
  _embedded: { 'rally:spotlights': SpotlightResource[] };
}

/**
 * Member spotlights from the organization's feed, one at a time, following the WAI-ARIA carousel
 * pattern: previous and next buttons, a pause button first in reading order, no automatic rotation
 * for people who prefer reduced motion, and each slide announced as "2 of 5".
 *
 * @summary Carousel of member spotlights.
 *
 * @csspart slide - The current spotlight.
 * @csspart photo - Its photo.
 * @csspart quote - Its pull quote.
 * @csspart controls - The previous, pause and next buttons.
 *
 * @cssproperty --rally-text - Text colour; inherited from the page by default.
 * @cssproperty --rally-surface - Background of the buttons.
 * @cssproperty --rally-border - Border colour of the buttons.
 * @cssproperty --rally-focus - Colour of the focus ring.
 * @cssproperty --rally-radius - Corner radius of photos and buttons.
 * @cssproperty --rally-placeholder - Colour of a photo's box while it loads.
 *
 * @fires rally-error - The spotlights could not load (`reason: 'unreachable'`, or `refused` with the `status` the feed answered).
 */
@customElement('rally-spotlight-carousel')
export class RallySpotlightCarousel extends LitElement {
  static override styles = spotlightCarouselStyles;

  /** Base URL of the Rally API, such as `https://api.example.org`. */
  @property() api = '';

  /**
   * Address of a microsite's spotlight feed (`https://louisiana.example.org/spotlights.json`), read
   * instead of the API: its photos come resized, from the microsite.
   */
  @property() feed = '';

  /** Only spotlights from this region (a slug). */
  @property() region = '';

  /** Only spotlights from this sector (a slug). */
  @property() sector = '';

  /** Where photo paths are relative to: the microsite's origin. Defaults to this page. */
  @property({ attribute: 'images-base' }) imagesBase = '';

  /** Rotate automatically (never under prefers-reduced-motion). */
  @property({ type: Boolean }) autoplay = false;

  /** Milliseconds each spotlight shows while rotating. */
  @property({ type: Number }) interval = 7000;

  /** Language of the controls and of the spotlights shown; defaults to the page's. */
  @property({ reflect: true }) override lang!: string;

  @state() private current = 0;

  private readonly rotation = new AutoplayController(
    this,
    () => this.show(this.current + 1),
    () => this.interval,
  );
  /** The feed, read again whenever its address changes (`feed`, `api`, `region`, `sector`, `lang`). */
  private readonly feedReader = resourceTask<SpotlightFeed>(
    this,
    () => this.feedUrl,
    ({ _embedded: { 'rally:spotlights': spotlights } }) => {
      this.current = 0;
      if (this.autoplay && spotlights.length > 1) this.rotation.start();
    },
  );

  /** This widget's own strings, in its language. */
  private get strings() {
    return carouselStrings[localeOf(this)];
  }

  /** The feed to read: the one given, or the API's filtered by this element's attributes. */
  private get feedUrl(): string | undefined {
    if (this.feed) return new URL(this.feed, document.baseURI).href;
    if (!this.api) return undefined;
    const query = new URLSearchParams({ lang: localeOf(this), per_page: '20' });
    if (this.region) query.set('region', this.region);
    if (this.sector) query.set('sector', this.sector);
    return apiUrl(this.api, `spotlights?${query}`);
  }

  private get spotlights(): SpotlightResource[] {
    return this.feedReader.value?._embedded['rally:spotlights'] ?? [];
  }

  private show(index: number) {
    const count = this.spotlights.length;
    this.current = ((index % count) + count) % count;
  }

  override render() {
    const t = this.strings;
    if (this.spotlights.length === 0) {
      // The section keeps its space while loading, so the page does not shift when it fills.
      return html`<section class="waiting" aria-label=${t.label}>
        ${
          loadFailed(this.feedReader)
            ? html`<p role="alert">${translate(this).status.unreachable}</p>`
            : this.feedReader.status === TaskStatus.COMPLETE
              ? html`<p>${t.empty}</p>`
              : nothing
        }
      </section>`;
    }
    const count = this.spotlights.length;
    return html`
      <section aria-roledescription="carousel" aria-label=${t.label}>
        <div class="controls" part="controls" ?hidden=${count < 2}>
          ${
            this.autoplay
              ? html`<button type="button" @click=${() => this.rotation.toggle()}>
                  ${this.rotation.playing ? t.pause : t.play}
                </button>`
              : nothing
          }
          <button type="button" aria-controls="slides" @click=${() => this.show(this.current - 1)}>
            ${t.previous}
          </button>
          <button type="button" aria-controls="slides" @click=${() => this.show(this.current + 1)}>
            ${t.next}
          </button>
        </div>
        <div id="slides" aria-live=${this.rotation.playing ? 'off' : 'polite'}>
          ${this.spotlights.map((spotlight, index) => this.renderSlide(spotlight, index, count))}
        </div>
      </section>
    `;
  }

  private renderSlide(spotlight: SpotlightResource, index: number, count: number) {
    const photo = new URL(spotlight.photo.src, this.imagesBase || document.baseURI).href;
    return html`<div
      part="slide"
      role="group"
      aria-roledescription="slide"
      aria-label=${this.strings.slide(index + 1, count)}
      ?hidden=${index !== this.current}
    >
      <figure>
        <img
          part="photo"
          src=${photo}
          alt=${spotlight.photo.alt}
          loading="lazy"
          decoding="async"
          width="800"
          height="600"
        />
        <blockquote part="quote" lang=${spotlight.lang}>${spotlight.quote}</blockquote>
        <figcaption>${spotlight.name}</figcaption>
      </figure>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-spotlight-carousel': RallySpotlightCarousel;
  }
}
