import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import { ApiProblem } from '../../data/api.ts';
import { today, type Conversation, type ConversationRequest } from '../../data/people.ts';
import type { ConversationLoggedEvent } from './conversation-form.ts';
import './conversation-form.ts';

const personId = '5d0f4c1e-8a43-4c4e-9a51-3f1f6a0b2c11';

afterEach(() => document.body.replaceChildren());

/** The form, its sends recorded and answered as `answer` says. */
async function mount(
  answer: (body: ConversationRequest) => Promise<Conversation>,
  locale: 'en' | 'es' = 'en',
) {
  const sent: ConversationRequest[] = [];
  const form = document.createElement('rally-conversation-form');
  form.locale = locale;
  form.personId = personId;
  form.organizer = 'Olu Organizer';
  form.send = async (id, body) => {
    expect(id).toBe(personId);
    sent.push(body);
    return answer(body);
  };
  document.body.append(form);
  await form.updateComplete;
  return { form, sent };
}

const recorded = (body: ConversationRequest): Conversation => ({
  id: '9e4b0d7e-2f7a-4a7e-8d0e-1c2b3a4d5e6f',
  person_id: personId,
  organizer_id: null,
  organizer_name: 'Olu Organizer',
  held_on: body.held_on,
  notes: body.notes ?? null,
  assessment: body.assessment ?? null,
  created_at: new Date().toISOString(),
});

test('logs a conversation from the keyboard: today by default, notes, an assessment', async () => {
  const { form, sent } = await mount(async (body) => recorded(body));
  const logged: Conversation[] = [];
  form.addEventListener('conversation-logged', (event: ConversationLoggedEvent) =>
    logged.push(event.conversation),
  );
  await expectAccessible(form);
  await expect.element(page.getByLabelText('Date of the conversation')).toHaveValue(today());
  // The convention, in one line, describes the group.
  await expect
    .element(page.getByRole('group', { name: 'Assessment' }))
    .toHaveAccessibleDescription(
      '1 means ready to act, 5 means opposed, as organizers grade a conversation.',
    );
  await expect.element(page.getByText('Logged as Olu Organizer.')).toBeVisible();

  await userEvent.click(page.getByLabelText('Notes'));
  await userEvent.keyboard('Talked about the contract; will bring two coworkers.');
  // Arrow keys move through the radio group, as in any radio group.
  await userEvent.click(page.getByRole('radio', { name: '1, ready to act' }));
  await userEvent.keyboard('{ArrowDown}');
  await expect.element(page.getByRole('radio', { name: '2, supportive' })).toBeChecked();
  await userEvent.click(page.getByRole('button', { name: 'Log the conversation' }));

  await expect
    .element(page.getByRole('status'))
    .toHaveTextContent('Conversation logged; it is in the timeline.');
  expect(sent).toEqual([
    {
      held_on: today(),
      notes: 'Talked about the contract; will bring two coworkers.',
      assessment: 2,
    },
  ]);
  expect(logged.map((conversation) => conversation.assessment)).toEqual([2]);
  // Ready for the next one: emptied, today again, no assessment.
  await expect.element(page.getByLabelText('Notes')).toHaveValue('');
  await expect.element(page.getByRole('radio', { name: 'No assessment' })).toBeChecked();
  await expect.element(page.getByLabelText('Date of the conversation')).toHaveValue(today());
});

test('leaves out what is not given, and shows what the API refuses beside its field', async () => {
  const { form, sent } = await mount(async () => {
    throw new ApiProblem(
      422,
      'A conversation is logged once it was held: held_on is after today.',
      [{ path: 'held_on', message: 'Give the day it was held, today or before.' }],
    );
  }, 'es');
  await userEvent.click(page.getByRole('button', { name: 'Registrar la conversación' }));
  expect(sent).toEqual([{ held_on: today() }]);
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('A conversation is logged once it was held: held_on is after today.');
  const date = page.getByLabelText('Fecha de la conversación');
  await expect.element(date).toHaveAttribute('aria-invalid', 'true');
  await expect.element(date).toHaveAccessibleDescription(/Give the day it was held/);
  // Focus goes to the field to fix.
  await expect.poll(() => form.shadowRoot!.activeElement?.id).toBe('held_on');
  await expect
    .element(page.getByRole('group', { name: 'Valoración' }))
    .toHaveAccessibleDescription(/1 significa lista para actuar y 5, en contra/);
  await expectAccessible(form);
});
