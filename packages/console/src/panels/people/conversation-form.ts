/**
 * `<rally-conversation-form>`: logs a one-on-one conversation with a person — the day it was
 * held (today unless changed), notes, and the organizer's assessment from 1 (ready to act) to
 * 5 (opposed) as a radio group with the convention in one line. The organizer is whoever is
 * signed in, which the API takes from the session. The API's refusal is shown beside the form,
 * each field's own next to it; once logged, it fires `conversation-logged` and empties itself.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion } from '../../components/templates.ts';
import { ApiProblem, problemText } from '../../data/api.ts';
import { people, today, type Conversation, type ConversationRequest } from '../../data/people.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/** `conversation-logged`: a conversation was recorded; the timeline reads it again. */
export class ConversationLoggedEvent extends Event {
  readonly conversation: Conversation;

  constructor(conversation: Conversation) {
    super('conversation-logged', { bubbles: true, composed: true });
    this.conversation = conversation;
  }
}

const levels = [1, 2, 3, 4, 5] as const;

@customElement('rally-conversation-form')
export class RallyConversationForm extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 600;
        padding: 0;
      }
      .levels label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-block-size: 2.75rem;
        font-weight: normal;
      }
      .levels input {
        inline-size: 1.25rem;
        block-size: 1.25rem;
        margin: 0;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        margin-block-end: 1rem;
      }
      textarea {
        min-block-size: 6rem;
      }
    `,
  ];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** Whose conversation. */
  @property() personId = '';
  /** Who is logging it, as the session names them; the API records the same. */
  @property() organizer = '';
  /** Sends the conversation; the API by default, a stand-in in tests. */
  @property({ attribute: false }) send: (
    personId: string,
    body: ConversationRequest,
  ) => Promise<Conversation> = people.logConversation;

  @state() private problem = '';
  @state() private fieldProblems: Record<string, string> = {};
  @state() private done = '';
  @state() private busy = false;

  private get t() {
    return translations[this.locale].person;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return; // Sent once, however often the button is pressed.
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body: ConversationRequest = { held_on: String(data.get('held_on') ?? '') };
    const notes = String(data.get('notes') ?? '').trim();
    if (notes) body.notes = notes;
    const level = Number(data.get('assessment'));
    if (level >= 1 && level <= 5) body.assessment = level;
    this.problem = '';
    this.fieldProblems = {};
    this.done = '';
    this.busy = true;
    try {
      const logged = await this.send(this.personId, body);
      form.reset();
      (form.elements.namedItem('held_on') as HTMLInputElement).value = today();
      this.done = this.t.logged;
      this.dispatchEvent(new ConversationLoggedEvent(logged));
    } catch (error) {
      this.problem = problemText(error, translations[this.locale].app.unreachable);
      if (error instanceof ApiProblem) {
        const fields: Record<string, string> = {};
        for (const { path, message } of error.errors) {
          const field = path.split('.')[0] ?? '';
          fields[field] ??= message;
        }
        this.fieldProblems = fields;
        await this.updateComplete;
        const first = ['held_on', 'notes', 'assessment'].find((name) => fields[name]);
        if (first)
          (this.renderRoot.querySelector(`[name="${first}"]`) as HTMLElement | null)?.focus();
      }
    } finally {
      this.busy = false;
    }
  }

  private describedBy(field: string, hint?: string): string {
    return [hint, this.fieldProblems[field] ? `${field}-problem` : ''].filter(Boolean).join(' ');
  }

  private fieldProblem(field: string) {
    const message = this.fieldProblems[field];
    return message ? html`<p class="problem" id=${`${field}-problem`}>${message}</p>` : nothing;
  }

  override render() {
    const t = this.t;
    return html`<form @submit=${this.onSubmit} novalidate>
      <div class="field">
        <label for="held_on">${t.heldOn}</label>
        <input
          id="held_on"
          name="held_on"
          type="date"
          required
          max=${today()}
          .value=${today()}
          aria-describedby=${this.describedBy('held_on', 'held_on-hint')}
          aria-invalid=${this.fieldProblems.held_on ? 'true' : nothing}
        />
        <p class="hint" id="held_on-hint">${t.heldOnHint}</p>
        ${this.fieldProblem('held_on')}
      </div>
      <div class="field">
        <label for="notes">${t.conversationNotes}</label>
        <textarea
          id="notes"
          name="notes"
          maxlength="10000"
          aria-describedby=${this.describedBy('notes', 'notes-hint')}
          aria-invalid=${this.fieldProblems.notes ? 'true' : nothing}
        ></textarea>
        <p class="hint" id="notes-hint">${t.conversationNotesHint}</p>
        ${this.fieldProblem('notes')}
      </div>
      <fieldset class="field" aria-describedby=${this.describedBy('assessment', 'assessment-hint')}>
        <legend>${t.assessment}</legend>
        <p class="hint" id="assessment-hint">${t.assessmentConvention}</p>
        <div class="levels">
          ${levels.map(
            (level) =>
              html`<label
                ><input type="radio" name="assessment" value=${level} />${t.levels[level]}</label
              >`,
          )}
          <label><input type="radio" name="assessment" value="" checked />${t.noAssessment}</label>
        </div>
        ${this.fieldProblem('assessment')}
      </fieldset>
      ${this.organizer ? html`<p class="hint">${t.loggedBy(this.organizer)}</p>` : nothing}
      <button type="submit">${t.logSubmit}</button>
      ${problemRegion(this.problem)} ${doneRegion(this.done)}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-conversation-form': RallyConversationForm;
  }
  interface GlobalEventHandlersEventMap {
    'conversation-logged': ConversationLoggedEvent;
  }
}
