/**
 * The inputs of a form generated from a schema's fields (`schema-fields.ts`): each with its label,
 * its hint, and the schema's own message under it once there is one (`aria-describedby`,
 * `aria-invalid`). Groups are fieldsets; lists repeat their item with Add and Remove. The editor
 * that calls these keeps the values and the messages; these only draw them and report changes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../translations/index.ts';
import { browserZone, clockTime, knownZone, momentFor } from './local-time.ts';
import type { Field } from './schema-fields.ts';
import type { Path } from './values.ts';

export interface FormContext {
  t: Translation['content'];
  /** Which copy of the fields these are: `shared`, or a language (`es`). */
  scope: string;
  /** The language the values are written in, for `lang` on the inputs. */
  lang: string;
  value(path: Path): unknown;
  set(path: Path, value: unknown): void;
  /** A field was left: the editor checks it. */
  left(path: Path): void;
  problem(path: Path): string | undefined;
  /** The regions and sectors to choose from (empty: typed instead). */
  choices: { region: readonly string[]; sector: readonly string[] };
  /** The time zone the moments of this piece are read in, if it names one. */
  zone(): string | undefined;
  /** A photo field, drawn by the editor (upload and crop preview). */
  photo(field: Field & { input: 'photo' }, path: Path): TemplateResult;
}

/** The id of a field's input, the same the editor focuses and the API's problems map to. */
export const fieldId = (scope: string, path: Path) =>
  `${scope}-${path.join('-')}`.replace(/_/g, '-');

const labelOf = (t: FormContext['t'], key: string) =>
  t.fields[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');

/** The fields at `parent` (the front matter's top: []). */
export function renderFields(fields: readonly Field[], context: FormContext, parent: Path = []) {
  return fields.map((field) => renderField(field, context, [...parent, field.key]));
}

function renderField(field: Field, context: FormContext, path: Path): TemplateResult {
  switch (field.input) {
    case 'group':
      return html`<fieldset class="group">
        <legend>${labelOf(context.t, field.key)}${optionalMark(field, context)}</legend>
        ${problemLine(context, path)} ${renderFields(field.fields, context, path)}
      </fieldset>`;
    case 'photo':
      return context.photo(field as Field & { input: 'photo' }, path);
    case 'list':
      return renderList(field, context, path);
    default:
      return renderInput(field, context, path, labelOf(context.t, field.key));
  }
}

function optionalMark(field: Field, context: FormContext) {
  // A field with a default is filled in already: only one the file may truly leave out is marked.
  return field.required || field.fallback !== undefined
    ? nothing
    : html` <span class="optional">${context.t.optional}</span>`;
}

/** The schema's message for a group or list as a whole, like "at least 1". */
function problemLine(context: FormContext, path: Path) {
  const problem = context.problem(path);
  return html`<p class="field-problem" id=${`${fieldId(context.scope, path)}-problem`}>
    ${problem ?? ''}
  </p>`;
}

/** One input with its label, hint and message. */
export function renderInput(
  field: Field,
  context: FormContext,
  path: Path,
  label: string,
): TemplateResult {
  const { t, scope } = context;
  const id = fieldId(scope, path);
  const problem = context.problem(path);
  const value = context.value(path);
  const hint = inputHint(field, context);
  const described = [hint ? `${id}-hint` : '', `${id}-problem`].filter(Boolean).join(' ');
  const common = {
    id,
    invalid: problem ? 'true' : nothing,
    described,
    left: () => context.left(path),
  };
  let control: TemplateResult;
  switch (field.input) {
    case 'number':
      control = html`<input
        id=${common.id}
        inputmode="numeric"
        .value=${value === undefined ? '' : String(value)}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @input=${(event: Event) => {
          const text = (event.target as HTMLInputElement).value.trim();
          // Digits become a number; anything else stays text, for the schema to say what to write.
          context.set(path, /^\d+$/.test(text) ? Number(text) : text || undefined);
        }}
        @blur=${common.left}
      />`;
      break;
    case 'choice':
    case 'region':
    case 'sector': {
      const options = field.input === 'choice' ? field.options : context.choices[field.input];
      if (options.length === 0) {
        control = textInput(field, context, path, common, value);
        break;
      }
      const current = typeof value === 'string' ? value : (field.fallback as string | undefined);
      control = html`<select
        id=${common.id}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @change=${(event: Event) =>
          context.set(path, (event.target as HTMLSelectElement).value || undefined)}
        @blur=${common.left}
      >
        <option value="" ?selected=${!current}>${t.choose}</option>
        ${options.map(
          (option) =>
            html`<option value=${option} ?selected=${option === current}>
              ${t.choices[option] ?? option}
            </option>`,
        )}
        ${
          current && !options.includes(current)
            ? html`<option value=${current} selected>${current}</option>`
            : nothing
        }
      </select>`;
      break;
    }
    case 'day':
      control = html`<input
        id=${common.id}
        type="date"
        .value=${typeof value === 'string' ? value.slice(0, 10) : ''}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @change=${(event: Event) =>
          context.set(path, (event.target as HTMLInputElement).value || undefined)}
        @blur=${common.left}
      />`;
      break;
    case 'moment':
      control = html`<input
        id=${common.id}
        type="datetime-local"
        .value=${clockTime(value)}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @change=${(event: Event) => {
          const clock = (event.target as HTMLInputElement).value;
          context.set(path, momentFor(clock, context.zone() ?? browserZone(), value));
        }}
        @blur=${common.left}
      />`;
      break;
    default:
      control = textInput(field, context, path, common, value);
  }
  return html`<div class="field">
    <label for=${id}>${label}${optionalMark(field, context)}</label>
    ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${control}
    <p class="field-problem" id=${`${id}-problem`}>${problem ?? ''}</p>
  </div>`;
}

function textInput(
  field: Field,
  context: FormContext,
  path: Path,
  common: { id: string; invalid: string | symbol; described: string; left: () => void },
  value: unknown,
) {
  const text = value === undefined || value === null ? '' : String(value);
  const onInput = (event: Event) =>
    context.set(path, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const multiline = field.input === 'text' && field.multiline;
  return multiline
    ? html`<textarea
        id=${common.id}
        lang=${context.lang}
        rows="3"
        .value=${text}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @input=${onInput}
        @blur=${common.left}
      ></textarea>`
    : html`<input
        id=${common.id}
        lang=${context.lang}
        type=${field.input === 'text' && field.url ? 'url' : 'text'}
        .value=${text}
        aria-invalid=${common.invalid}
        aria-describedby=${common.described}
        @input=${onInput}
        @blur=${common.left}
      />`;
}

/** The hint under a label: the field's own, the time zone of a moment, or its length limit. */
function inputHint(field: Field, context: FormContext): string {
  const { t } = context;
  if (field.input === 'moment') {
    const zone = context.zone();
    return knownZone(zone) ? t.localTime(zone) : t.localTimeBrowser(browserZone());
  }
  const own = t.hints[field.key] ?? '';
  if (field.input === 'text' && field.maxLength !== undefined)
    return [own, t.most(field.maxLength)].filter(Boolean).join(' ');
  return own;
}

function renderList(field: Field & { input: 'list' }, context: FormContext, path: Path) {
  const { t } = context;
  const items = (context.value(path) as unknown[] | undefined) ?? [];
  const label = labelOf(t, field.key);
  const itemLabel = t.itemOf[field.key] ?? label;
  const add = async (event: Event) => {
    context.set(path, [...items, field.item.input === 'group' ? {} : '']);
    // The new item's first input takes the cursor, as a keyboard user expects.
    const host = (event.target as HTMLElement).getRootNode() as ShadowRoot | Document;
    await new Promise(requestAnimationFrame);
    const firstId = fieldId(
      context.scope,
      field.item.input === 'group'
        ? [...path, items.length, field.item.fields[0]!.key]
        : [...path, items.length],
    );
    (host.getElementById?.(firstId) ?? null)?.focus();
  };
  return html`<fieldset
    class="group list"
    aria-describedby=${`${fieldId(context.scope, path)}-problem`}
  >
    <legend>${label}${optionalMark(field, context)}</legend>
    ${t.hints[field.key] ? html`<p class="hint">${t.hints[field.key]}</p>` : nothing}
    ${problemLine(context, path)}
    <ol class="items">
      ${items.map((_, index) => {
        const itemPath = [...path, index];
        const name = t.item(itemLabel, index + 1);
        const remove = html`<button
          type="button"
          class="secondary"
          @click=${() =>
            context.set(
              path,
              items.filter((__, other) => other !== index),
            )}
        >
          ${t.remove(itemLabel, index + 1)}
        </button>`;
        return html`<li>
          ${
            field.item.input === 'group'
              ? html`<fieldset class="group">
                  <legend>${name}</legend>
                  ${renderFields(field.item.fields, context, itemPath)} ${remove}
                </fieldset>`
              : html`${renderInput(field.item, context, itemPath, name)} ${remove}`
          }
        </li>`;
      })}
    </ol>
    <button type="button" class="secondary" @click=${add}>${t.add(itemLabel)}</button>
  </fieldset>`;
}
