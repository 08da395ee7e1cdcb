import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { ApiProblem } from './api.ts';
import { ListLoader } from './list-loader.ts';

/** One load the test answers when it chooses: what it was asked, and what it was shown before. */
interface Asked {
  account: string;
  previous: string[] | undefined;
  answer: (list: string[]) => void;
  fail: (error: unknown) => void;
}

const asked: Asked[] = [];

/** A screen listing what the test answers, for the account chosen. */
@customElement('test-list-screen')
class TestListScreen extends LitElement {
  @state() account = 'mine';
  readonly list = new ListLoader<string[], readonly [string]>(this, {
    load: ([account], previous) =>
      new Promise<string[]>((answer, fail) => asked.push({ account, previous, answer, fail })),
    args: () => [this.account] as const,
  });

  override render() {
    return html`<p role="alert">${this.list.problem('Could not reach Rally.')}</p>
      <p>${this.list.loading ? 'Loading' : 'Loaded'}</p>
      <ul>
        ${(this.list.value ?? []).map((item) => html`<li>${item}</li>`)}
      </ul>`;
  }
}

afterEach(() => {
  document.body.replaceChildren();
  asked.length = 0;
});

async function open(): Promise<TestListScreen> {
  const screen = document.createElement('test-list-screen') as TestListScreen;
  document.body.append(screen);
  await screen.updateComplete;
  return screen;
}

const items = () =>
  page
    .getByRole('listitem')
    .elements()
    .map((item) => item.textContent);

test('loads when the screen opens, and shows what came', async () => {
  await open();
  expect(asked.map((load) => load.account)).toEqual(['mine']);
  await expect.element(page.getByText('Loading')).toBeInTheDocument();
  asked[0]!.answer(['laptop', 'phone']);
  await expect.element(page.getByText('Loaded')).toBeInTheDocument();
  expect(items()).toEqual(['laptop', 'phone']);
});

test('keeps the list on screen while it loads again, and when that fails says why', async () => {
  const screen = await open();
  asked[0]!.answer(['laptop']);
  await expect.element(page.getByText('Loaded')).toBeInTheDocument();

  const reloaded = screen.list.reload();
  await expect.element(page.getByText('Loading')).toBeInTheDocument();
  expect(items()).toEqual(['laptop']);
  expect(asked[1]!.previous).toEqual(['laptop']);
  asked[1]!.fail(new ApiProblem(403, 'Only an admin may see another account’s sessions.'));
  await reloaded;
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('Only an admin may see another account’s sessions.');
  expect(items()).toEqual(['laptop']);

  // No signal: the console's own sentence. Then a load that works clears the problem.
  void screen.list.reload();
  asked[2]!.fail(new ApiProblem(0, ''));
  await expect.element(page.getByRole('alert')).toHaveTextContent('Could not reach Rally.');
  void screen.list.reload();
  asked[3]!.answer(['laptop', 'tablet']);
  await expect.element(page.getByRole('alert')).toHaveTextContent('');
  expect(items()).toEqual(['laptop', 'tablet']);
});

test('loads again when what it lists changes, and an overtaken load is never shown', async () => {
  const screen = await open();
  screen.account = 'rosa';
  await screen.updateComplete;
  expect(asked.map((load) => load.account)).toEqual(['mine', 'rosa']);

  asked[1]!.answer(['rosa’s phone']);
  await expect.element(page.getByText('Loaded')).toBeInTheDocument();
  // The first answer arrives last: it is not the account asked for any more.
  asked[0]!.answer(['my laptop']);
  await screen.updateComplete;
  expect(items()).toEqual(['rosa’s phone']);
  expect(screen.list.value).toEqual(['rosa’s phone']);
});
