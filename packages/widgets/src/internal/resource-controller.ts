/**
 * Loads one API resource for an element (a petition, an event) when it connects, and again on
 * request; keeps what it loaded when a later load fails, and says it failed only when there is
 * nothing to show.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getJson } from '../api/client.ts';

export class ResourceController<Resource> implements ReactiveController {
  /** The resource, once loaded. */
  value: Resource | undefined;
  /** True when loading failed and nothing was loaded before. */
  failed = false;

  private readonly host: ReactiveControllerHost;
  private readonly url: () => string | undefined;

  /** `url` gives the resource's address, or nothing while the element lacks its attributes. */
  constructor(host: ReactiveControllerHost, url: () => string | undefined) {
    this.host = host;
    this.url = url;
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const url = this.url();
    if (!url) return;
    try {
      this.value = await getJson<Resource>(url);
      this.failed = false;
    } catch {
      this.failed = !this.value;
    }
    this.host.requestUpdate();
  }
}
