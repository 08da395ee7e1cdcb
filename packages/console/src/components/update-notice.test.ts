import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../widgets/src/internal/expect-accessible.ts';
import { NewVersionEvent } from '../events/new-version-event.ts';
import { watchForNewVersion, type WorkerContainer } from '../new-version.ts';
import './update-notice.ts';

afterEach(() => document.body.replaceChildren());

/** The notice on a page where someone is typing in a form, and how often it reloaded. */
async function mount(locale: 'en' | 'es' = 'en') {
  const field = document.createElement('input');
  field.setAttribute('aria-label', 'Walk-in name');
  const notice = document.createElement('rally-update-notice');
  notice.locale = locale;
  const reloads: number[] = [];
  notice.reload = () => reloads.push(Date.now());
  document.body.append(notice, field);
  await notice.updateComplete;
  field.focus();
  return { notice, field, reloads };
}

test('says a new version is ready, politely, and reloads only when asked', async () => {
  const { notice, field, reloads } = await mount();
  const status = page.getByRole('status');
  await expect.element(status).toBeInTheDocument();
  await expect.element(status).toHaveTextContent('');

  window.dispatchEvent(new NewVersionEvent());
  await expect.element(status).toHaveTextContent('A new version of the console is ready. Reload');
  const reload = page.getByRole('button', { name: 'Reload' });
  await expect.element(reload).toBeVisible();
  // The person typing keeps the cursor, and nothing reloads by itself.
  expect(document.activeElement).toBe(field);
  expect(reloads).toEqual([]);
  await expectAccessible(notice);

  // Reachable with the keyboard, in the page's order.
  await userEvent.tab({ shift: true });
  expect(notice.shadowRoot!.activeElement?.textContent?.trim()).toBe('Reload');
  await userEvent.keyboard('{Enter}');
  expect(reloads).toHaveLength(1);
});

test('speaks Spanish', async () => {
  await mount('es');
  window.dispatchEvent(new NewVersionEvent());
  await expect
    .element(page.getByRole('status'))
    .toHaveTextContent('Hay una nueva versión de la consola. Recargar');
  await expect.element(page.getByRole('button', { name: 'Recargar' })).toBeVisible();
});

/** A stand-in for `navigator.serviceWorker`: a page controlled from the start or not. */
function workers(controlledFromTheStart: boolean): WorkerContainer {
  const container = new EventTarget() as EventTarget & { controller: ServiceWorker | null };
  container.controller = controlledFromTheStart ? ({} as ServiceWorker) : null;
  return container;
}

test('a worker taking over a page that had one is a new version; the first one is not', () => {
  const heard: string[] = [];
  const target = new EventTarget();
  target.addEventListener('new-version', (event) => heard.push(event.type));

  const firstInstall = workers(false);
  watchForNewVersion(firstInstall, target);
  firstInstall.dispatchEvent(new Event('controllerchange'));
  expect(heard).toEqual([]);
  // The next build's worker, once the first controls the page.
  firstInstall.dispatchEvent(new Event('controllerchange'));
  expect(heard).toEqual(['new-version']);

  const update = workers(true);
  const heardOnUpdate: string[] = [];
  const other = new EventTarget();
  other.addEventListener('new-version', (event) => heardOnUpdate.push(event.type));
  watchForNewVersion(update, other);
  update.dispatchEvent(new Event('controllerchange'));
  expect(heardOnUpdate).toEqual(['new-version']);
});
