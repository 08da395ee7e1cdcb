/** Test support for the widgets' browser tests: mounting, the real API, and clean state. */
import { inject } from 'vitest';
import { clearOutbox } from '../offline/outbox.ts';
import { forgetPerson } from '../state/person.ts';

export const apiUrl = inject('apiUrl');

export async function mount<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Record<string, string> = {},
): Promise<HTMLElementTagNameMap[Tag]> {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries({ api: apiUrl, ...attributes })) {
    element.setAttribute(name, value);
  }
  document.body.append(element);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

/** Reads a staff endpoint of the test API, to check what was really recorded. */
export async function staff<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl}/api/v1/${path}`, {
    headers: { 'OSDI-API-Token': inject('staffToken') },
  });
  return (await response.json()) as T;
}

/** People the API holds with this email: 0 or 1, never more. */
export async function peopleWithEmail(email: string): Promise<number> {
  const csv = await fetch(`${apiUrl}/api/v1/reports/people.csv`, {
    headers: { 'OSDI-API-Token': inject('staffToken') },
  }).then((response) => response.text());
  return csv.split('\r\n').filter((line) => line.split(',')[3] === email).length;
}

/** A unique address, since every test shares one API. */
export function uniqueEmail(name = 'rosa'): string {
  return `${name}.${crypto.randomUUID().slice(0, 8)}@example.org`;
}

export async function resetPage(): Promise<void> {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
  forgetPerson();
  await clearOutbox();
}

/** Resolves with the next event of this type from the element. */
export function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as E), { once: true }),
  );
}

/** What the widget's live region says right now. */
export function statusOf(element: Element): string {
  return statusRegion(element)?.textContent?.trim() ?? '';
}

/** The widget's live region, the one element that announces its outcomes. */
export function statusRegion(element: Element): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>('[role="status"]') ?? null;
}

/**
 * Puts the widget where a person meets it on a long page, below other content and with more below
 * it, so that a thank-you shorter than the form leaves the page where it was.
 */
export function placeOnLongPage(element: HTMLElement): void {
  const above = document.createElement('div');
  above.style.blockSize = '150vh';
  const below = document.createElement('div');
  below.style.blockSize = '300vh';
  element.before(above);
  element.after(below);
}
