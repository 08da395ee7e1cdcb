/**
 * Advances a carousel on a timer, the way WAI-ARIA asks: never for people who prefer reduced
 * motion, paused while the pointer or focus is inside, and stopped for good by the person.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class AutoplayController implements ReactiveController {
  /** Whether rotation is on (the person can turn it off and on). */
  playing = false;
  private paused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly advance: () => void;
  private readonly interval: () => number;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    advance: () => void,
    interval: () => number,
  ) {
    this.host = host;
    this.advance = advance;
    this.interval = interval;
    host.addController(this);
  }

  /** Starts rotating, unless the person prefers reduced motion. */
  start(): void {
    this.playing = !this.reducedMotion.matches;
    this.host.requestUpdate();
  }

  toggle(): void {
    this.playing = !this.playing;
    this.host.requestUpdate();
  }

  /** Pointer or focus inside: hold still until they leave. */
  pause = (): void => {
    this.paused = true;
  };

  resume = (event?: FocusEvent): void => {
    if (event?.relatedTarget && this.host.contains(event.relatedTarget as Node)) return;
    this.paused = false;
  };

  hostConnected(): void {
    this.host.addEventListener('pointerenter', this.pause);
    this.host.addEventListener('pointerleave', this.resume as () => void);
    this.host.addEventListener('focusin', this.pause);
    this.host.addEventListener('focusout', this.resume as (event: Event) => void);
    this.tick();
  }

  private tick(): void {
    clearTimeout(this.timer); // One timer, however often the host connects.
    this.timer = setTimeout(() => {
      if (this.playing && !this.paused && document.visibilityState === 'visible') this.advance();
      this.tick();
    }, this.interval());
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.host.removeEventListener('pointerenter', this.pause);
    this.host.removeEventListener('pointerleave', this.resume as () => void);
    this.host.removeEventListener('focusin', this.pause);
    this.host.removeEventListener('focusout', this.resume as (event: Event) => void);
  }
}
