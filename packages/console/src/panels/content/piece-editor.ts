/**
 * `<rally-piece-editor>`: one piece of content — a member story, an event, a petition, a region or
 * a sector — in every language side by side (one above the other on a phone). Its fields come
 * from the kind's schema in `@rally/core`; the facts translations share are written once and go
 * into every language, as `pnpm new` carries them over. Each field is checked with the schema
 * when it is left and everything before publishing, with the schema's own message under the
 * field, in the console's language; what the API refuses (`es.photo.alt`) lands on the same
 * field, worded in that language too. Publishing says what it did and follows the build of the
 * sites to their live pages; a preview builds those pages from the form without publishing
 * (piece-preview.ts); unpublishing asks first (unpublish-dialog.ts) and follows the build that
 * takes it off; drafts, scheduling and history appear where the API offers them.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { contentSchemas, locales, sharedFacts, type Locale } from '@rally/core';
import { when } from '../../components/templates.ts';
import { ApiProblem, problemText, type FieldProblem } from '../../data/api.ts';
import {
  contentApi,
  fixedCollections,
  notAvailable,
  photoUrl,
  type Build,
  type Collection,
  type Draft,
  type HistoryEntry,
  type Published,
  type Versions,
} from '../../data/content.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';
import { photoStyles, renderPhotoField, type PhotoState } from './photo-field.ts';
import { PiecePreview, previewStyles, sitesNamed } from './piece-preview.ts';
import { fieldId, renderFields, type FormContext } from './schema-form.ts';
import { fieldsOf, type Field } from './schema-fields.ts';
import './story-editor.ts';
import type { PieceUnpublishedEvent } from './unpublish-dialog.ts';
import './unpublish-dialog.ts';
import { dotted, tidy, valueAt, withValueAt, type Path } from './values.ts';

/** What a piece's file name may be: as its address on the sites (the API's own rule). */
const pieceId = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** A file name from a name or title: "María Gómez" → maria-gomez. */
export function idFrom(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

type Version = { data: Record<string, unknown>; body: string };

@customElement('rally-piece-editor')
export class RallyPieceEditor extends LitElement {
  static override styles = [
    consoleStyles,
    photoStyles,
    previewStyles,
    css`
      form {
        max-inline-size: none;
        display: block;
      }
      .languages {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 1rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        margin-block-end: 1rem;
      }
      fieldset.group {
        border: 1px solid #d0d5dd;
        border-radius: var(--rally-radius, 0.375rem);
        margin: 0 0 1rem;
        padding: 0.75rem;
        min-inline-size: 0;
      }
      legend {
        font-weight: 600;
        padding-inline: 0.25rem;
      }
      ol.items {
        padding-inline-start: 1.25rem;
      }
      .optional {
        font-weight: normal;
        color: var(--rally-muted, #4b5563);
      }
      .field-problem {
        margin: 0;
        color: var(--rally-danger, #b42318);
        font-weight: 600;
      }
      .field-problem:empty {
        display: none;
      }
      .field-problem:not(:empty)::before {
        content: '⚠ ';
      }
      .notice {
        border-inline-start: 4px solid var(--rally-accent, #0b5fff);
        padding: 0.5rem 0.75rem;
        background: #f2f4f7;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      .actions .field {
        margin: 0;
      }
      ul.pages,
      ul.history {
        padding-inline-start: 1.25rem;
      }
      /* Apart enough to tap the one meant. */
      ul.pages li + li {
        margin-block-start: 0.5rem;
      }
      ul.history li {
        margin-block-end: 0.5rem;
      }
    `,
  ];

  @property() locale: ConsoleLocale = 'en';
  @property() collection: Collection = 'spotlights';
  /** The piece's file name; empty for a new piece. */
  @property() pieceId = '';
  /** The API; a stand-in in tests. */
  @property({ attribute: false }) api = contentApi;
  /** How often a site build is asked about, in milliseconds. */
  @property({ type: Number }) pollEvery = 1000;

  @state() private loaded = false;
  @state() private loadProblem = '';
  @state() private fileName = '';
  @state() private idEdited = false;
  /** The facts the translations share, written once. */
  @state() private shared: Record<string, unknown> = {};
  /** Each language's own fields and story (without the shared facts). */
  @state() private versions: Partial<Record<Locale, Version>> = {};
  /** The languages published when the editor opened, which cannot be left out here. */
  @state() private publishedLanguages: Locale[] = [];
  /** The schema's messages, by field (`shared.region`, `es.photo.alt`, `es.body`, `id`). */
  @state() private checked: Record<string, string> = {};
  /** The API's messages, by field, until the field changes. */
  @state() private refused: Record<string, string> = {};
  /** The API's messages that name no field. */
  @state() private general: string[] = [];
  @state() private status = '';
  @state() private failure = '';
  @state() private busy: '' | 'publish' | 'draft' | 'schedule' | 'restore' | 'discard' = '';
  @state() private choices = { region: [] as string[], sector: [] as string[] };
  @state() private existing: string[] = [];
  @state() private draft: Draft | null = null;
  @state() private draftsAvailable = true;
  @state() private scheduleAt = '';
  @state() private history: HistoryEntry[] | 'unavailable' | 'none' | undefined;
  @state() private build: Build | undefined;
  /** What the build followed makes: the piece published, or taken off the sites. */
  @state() private buildOf: 'publication' | 'unpublication' = 'publication';
  @state() private published: Published | undefined;
  @state() private photos: Partial<Record<Locale, PhotoState>> = {};
  private touched = new Set<string>();
  private submitted = false;
  private preview = new PiecePreview(this, {
    api: () => this.api,
    pollEvery: () => this.pollEvery,
    texts: () => this.t,
    unreachable: () => translations[this.locale].app.unreachable,
    fail: (problem) => (this.failure = problem),
  });

  private get t() {
    return translations[this.locale].content;
  }

  /** The kind's schema, its messages in the console's language. */
  private get schema() {
    return contentSchemas(this.locale)[this.collection];
  }

  private get fields(): Field[] {
    return fieldsOf(this.schema);
  }

  private get sharedKeys(): readonly string[] {
    return sharedFacts[this.collection];
  }

  private get isNew(): boolean {
    return !this.pieceId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The messages under the fields follow the console's language when it is switched.
    if (changed.has('locale') && this.loaded) this.recheck();
  }

  private async load(): Promise<void> {
    void this.loadChoices();
    if (this.isNew) {
      this.start(this.locale);
      this.loaded = true;
      try {
        this.existing = (await this.api.list(this.collection)).pieces.map((piece) => piece.id);
      } catch {
        // The API says so again when publishing.
      }
      return;
    }
    this.fileName = this.pieceId;
    try {
      const piece = await this.api.read(this.collection, this.pieceId);
      this.publishedLanguages = locales.filter((lang) => piece.versions[lang] !== undefined);
      if (piece.draft !== undefined) this.draftsAvailable = true;
      this.draft = piece.draft ?? null;
      this.open(this.draft?.versions ?? piece.versions);
      this.loaded = true;
      void this.loadHistory();
    } catch (error) {
      this.loadProblem = problemText(error, translations[this.locale].app.unreachable);
    }
  }

  private async loadChoices(): Promise<void> {
    const names = async (collection: Collection) => {
      try {
        return (await this.api.list(collection)).pieces.map((piece) => piece.id);
      } catch {
        return []; // Typed instead of chosen; the API checks them.
      }
    };
    const [region, sector] = await Promise.all([names('regions'), names('sectors')]);
    this.choices = { region, sector };
  }

  private async loadHistory(): Promise<void> {
    try {
      this.history = (await this.api.history(this.collection, this.pieceId)).history;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) this.history = 'none';
      else if (notAvailable(error)) this.history = 'unavailable';
      else this.history = 'unavailable';
    }
  }

  /** Splits the files' front matter into the shared facts and each language's own fields. */
  private open(versions: Versions): void {
    const shared: Record<string, unknown> = {};
    const own: Partial<Record<Locale, Version>> = {};
    for (const lang of locales) {
      const version = versions[lang];
      if (!version) continue;
      const data = { ...version.data };
      for (const key of this.sharedKeys) {
        if (data[key] !== undefined && shared[key] === undefined) shared[key] = data[key];
        delete data[key];
      }
      own[lang] = { data, body: version.body };
    }
    this.shared = shared;
    this.versions = own;
    this.photos = {};
    for (const lang of locales) this.photos[lang] = this.photoStateFor(lang);
  }

  /** A language's version, begun with what the others already have that it shares. */
  private start(lang: Locale): void {
    const data: Record<string, unknown> = {};
    const otherPhoto = locales
      .map((other) => valueAt(this.versions[other]?.data, ['photo', 'src']))
      .find((src) => typeof src === 'string' && src);
    // A story's photo is the same in every language unless one is given, as `pnpm new` takes it.
    if (otherPhoto) data.photo = { src: otherPhoto };
    if (Object.keys(this.versions).length === 0) {
      // A new piece's required day starts as today, as `pnpm new` dates a new story.
      for (const field of this.fields)
        if (field.input === 'day' && field.required && this.sharedKeys.includes(field.key))
          this.shared = { ...this.shared, [field.key]: new Date().toISOString().slice(0, 10) };
    }
    this.versions = { ...this.versions, [lang]: { data, body: '' } };
    this.photos = { ...this.photos, [lang]: this.photoStateFor(lang) };
  }

  private leaveOut(lang: Locale): void {
    const versions = { ...this.versions };
    delete versions[lang];
    this.versions = versions;
    this.recheck();
  }

  private photoStateFor(lang: Locale): PhotoState {
    const src = valueAt(this.versions[lang]?.data, ['photo', 'src']);
    return {
      preview: typeof src === 'string' && src ? photoUrl(src) : undefined,
      status: '',
      busy: false,
    };
  }

  // ——— values and checks ———

  /** The key a field's message is kept under: shared facts once, the rest per language. */
  private keyOf(lang: Locale, path: Path): string {
    return this.sharedKeys.includes(String(path[0]))
      ? `shared.${dotted(path)}`
      : `${lang}.${dotted(path)}`;
  }

  /** Every language's front matter as it would be sent: its own fields and the shared facts. */
  private payload(): Versions {
    const versions: Versions = {};
    for (const lang of locales) {
      const version = this.versions[lang];
      if (!version) continue;
      const data = (tidy({ ...version.data, ...this.shared }) ?? {}) as Record<string, unknown>;
      versions[lang] = { data, body: version.body };
    }
    return versions;
  }

  /** The schema's messages for everything, by key. */
  private check(): Record<string, string> {
    const found: Record<string, string> = {};
    const schema = this.schema;
    const payload = this.payload();
    for (const lang of locales) {
      const version = payload[lang];
      if (!version) continue;
      const parsed = schema.safeParse(version.data);
      if (parsed.success) continue;
      for (const issue of parsed.error.issues) {
        const key = this.keyOf(lang, issue.path as Path);
        found[key] ??= issue.message;
      }
    }
    if (this.isNew && !pieceId.test(this.fileName)) found.id = this.t.fileNameInvalid;
    else if (this.isNew && this.existing.includes(this.fileName))
      found.id = this.t.fileNameTaken(this.fileName);
    return found;
  }

  /** Checks again, showing the messages of the fields left so far (all, once publishing was tried). */
  private recheck(): void {
    const found = this.check();
    const shown = (key: string) =>
      this.submitted ||
      [...this.touched].some(
        (touched) =>
          touched === key || touched.startsWith(`${key}.`) || key.startsWith(`${touched}.`),
      );
    this.checked = Object.fromEntries(Object.entries(found).filter(([key]) => shown(key)));
  }

  private problemAt(key: string): string | undefined {
    return this.refused[key] ?? this.checked[key];
  }

  private forget(key: string): void {
    if (!(key in this.refused)) return;
    const refused = { ...this.refused };
    delete refused[key];
    this.refused = refused;
  }

  private setShared(path: Path, value: unknown): void {
    this.shared = withValueAt(this.shared, path, value);
    this.forget(`shared.${dotted(path)}`);
  }

  private setOwn(lang: Locale, path: Path, value: unknown): void {
    const version = this.versions[lang];
    if (!version) return;
    this.versions = {
      ...this.versions,
      [lang]: { ...version, data: withValueAt(version.data, path, value) },
    };
    this.forget(`${lang}.${dotted(path)}`);
    if (this.isNew && !this.idEdited && (path[0] === 'name' || path[0] === 'title')) {
      const first = locales.find((each) => this.versions[each]);
      if (first === lang) this.fileName = idFrom(String(value ?? ''));
    }
  }

  private left(key: string): void {
    this.touched.add(key);
    this.recheck();
  }

  private contextFor(scope: 'shared' | Locale): FormContext {
    const shared = scope === 'shared';
    const lang = shared ? this.locale : scope;
    return {
      t: this.t,
      scope,
      lang,
      value: (path) => valueAt(shared ? this.shared : this.versions[scope]?.data, path),
      set: (path, value) =>
        shared ? this.setShared(path, value) : this.setOwn(scope, path, value),
      left: (path) => this.left(shared ? `shared.${dotted(path)}` : this.keyOf(scope, path)),
      problem: (path) =>
        this.problemAt(shared ? `shared.${dotted(path)}` : this.keyOf(scope, path)),
      choices: this.choices,
      zone: () => (typeof this.shared.timezone === 'string' ? this.shared.timezone : undefined),
      photo: (field, path) =>
        shared
          ? html``
          : renderPhotoField(
              field,
              this.contextFor(scope),
              path,
              this.photos[scope] ?? { preview: undefined, status: '', busy: false },
              (file) => void this.upload(scope, file),
              () =>
                (this.photos = {
                  ...this.photos,
                  [scope]: { ...this.photos[scope]!, preview: undefined },
                }),
            ),
    };
  }

  // ——— photos ———

  private async upload(lang: Locale, file: File): Promise<void> {
    const t = this.t;
    const preview = URL.createObjectURL(file);
    this.photos = { ...this.photos, [lang]: { preview, status: t.uploading, busy: true } };
    try {
      const photo = await this.api.uploadPhoto(file);
      this.setOwn(lang, ['photo', 'src'], photo.src);
      // The other languages show the same photo unless they have their own.
      for (const other of locales)
        if (
          other !== lang &&
          this.versions[other] &&
          !valueAt(this.versions[other]!.data, ['photo', 'src'])
        )
          this.setOwn(other, ['photo', 'src'], photo.src);
      this.photos = {
        ...this.photos,
        [lang]: { preview, status: t.uploaded(photo.src), busy: false },
      };
    } catch (error) {
      const status = notAvailable(error)
        ? t.uploadUnavailable
        : problemText(error, translations[this.locale].app.unreachable);
      this.photos = { ...this.photos, [lang]: { preview, status, busy: false } };
    }
  }

  // ——— publishing ———

  /** Says what keeps it from being published under each field, and puts the cursor on the first. */
  private async refuse(): Promise<void> {
    this.failure = this.t.problemsCount(
      Object.keys({ ...this.checked, ...this.refused }).length + this.general.length,
    );
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid="true"], rally-story-editor[data-invalid], .field-problem:not(:empty)',
    );
    if (first?.classList.contains('field-problem'))
      first
        .closest('fieldset')
        ?.querySelector<HTMLElement>('input, select, textarea, button')
        ?.focus();
    else first?.focus();
  }

  /** The API's problems, each on its field where it names one. */
  private showRefusal(problems: readonly FieldProblem[]): void {
    const refused: Record<string, string> = {};
    const general: string[] = [];
    for (const problem of problems) {
      const [lang, ...rest] = problem.path.split('.');
      if (problem.path === 'id' && this.isNew) refused.id = problem.message;
      else if (locales.includes(lang as Locale) && rest.length > 0)
        refused[
          rest[0] === 'body' && rest.length === 1
            ? `${lang}.body`
            : this.keyOf(lang as Locale, rest)
        ] = problem.message;
      else general.push(problem.message);
    }
    this.refused = refused;
    this.general = general;
  }

  private clearMessages(): void {
    this.status = '';
    this.failure = '';
    this.general = [];
    this.published = undefined;
    this.build = undefined;
    this.buildOf = 'publication';
    this.preview.forget();
  }

  private async onPublish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.clearMessages();
    this.submitted = true;
    this.refused = {};
    this.recheck();
    if (Object.keys(this.checked).length > 0) return this.refuse();
    this.busy = 'publish';
    this.status = this.t.publishing;
    try {
      const answer = await this.api.publish(this.collection, this.fileName, this.payload());
      await this.afterPublishing(answer);
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = '';
    }
  }

  /** Checks the form as publishing does, then has its pages built without publishing it. */
  private async onPreview(): Promise<void> {
    if (this.busy || this.preview.busy) return;
    this.clearMessages();
    this.submitted = true;
    this.refused = {};
    this.recheck();
    if (Object.keys(this.checked).length > 0) return this.refuse();
    const versions = this.payload();
    try {
      await this.preview.start((api) => api.preview(this.collection, this.fileName, versions));
    } catch (error) {
      await this.failed(error);
    }
  }

  /** Off the sites: says so, and follows the build that takes it off them. */
  private async onUnpublished(event: PieceUnpublishedEvent): Promise<void> {
    const t = this.t;
    const answer = event.answer;
    this.clearMessages();
    this.buildOf = 'unpublication';
    this.status = `${t.unpublished} ${
      answer.commit ? t.committed(answer.commit.slice(0, 7), answer.pushed) : t.written
    }`;
    this.published = answer;
    this.publishedLanguages = [];
    void this.loadHistory();
    // The button that asked is gone with what it unpublished: the cursor goes to what happened.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#publish-heading')?.focus();
    if (answer.build) await this.follow(answer.build);
  }

  private async failed(error: unknown): Promise<void> {
    this.status = '';
    if (error instanceof ApiProblem && error.errors.length > 0) {
      this.showRefusal(error.errors);
      return this.refuse();
    }
    this.failure = problemText(error, translations[this.locale].app.unreachable);
  }

  /** Says what was published (after `lead`, what led to it), then follows its build. */
  private async afterPublishing(answer: Published, lead = ''): Promise<void> {
    const t = this.t;
    const names = locales
      .filter((lang) => this.versions[lang])
      .map((lang) => this.languageName(lang))
      .join(', ');
    this.status = `${lead}${t.published(names)} ${
      answer.commit ? t.committed(answer.commit.slice(0, 7), answer.pushed) : t.written
    }`;
    this.published = answer;
    this.draft = null;
    this.publishedLanguages = locales.filter((lang) => this.versions[lang]);
    if (this.isNew) {
      // It has an address now: opening it again from here shows the published piece.
      this.pieceId = this.fileName;
      history.replaceState(null, '', `/console/content/${this.collection}/${this.fileName}`);
    }
    void this.loadHistory();
    if (answer.build) await this.follow(answer.build);
  }

  /** Asks about the build every second until it is done or has failed. */
  private async follow(build: Build): Promise<void> {
    this.build = build;
    while (
      this.isConnected &&
      (this.build.status === 'queued' || this.build.status === 'building')
    ) {
      await new Promise((resolve) => setTimeout(resolve, this.pollEvery));
      try {
        this.build = (await this.api.build(build.id)).build;
      } catch (error) {
        this.failure = problemText(error, translations[this.locale].app.unreachable);
        return;
      }
    }
  }

  private async onSaveDraft(schedule: boolean): Promise<void> {
    if (this.busy) return;
    const t = this.t;
    this.clearMessages();
    let publishAt: string | null = null;
    if (schedule) {
      if (!this.scheduleAt) {
        this.failure = t.scheduleMissing;
        return;
      }
      // A scheduled draft is published by itself, so it must be publishable now.
      this.submitted = true;
      this.recheck();
      if (Object.keys(this.checked).length > 0) return this.refuse();
      publishAt = new Date(this.scheduleAt).toISOString();
    }
    this.busy = schedule ? 'schedule' : 'draft';
    this.status = t.savingDraft;
    try {
      const saved = await this.api.saveDraft(
        this.collection,
        this.fileName,
        this.payload(),
        publishAt,
      );
      this.draft = saved.draft;
      const problems = saved.problems ?? [];
      this.showRefusal(problems);
      this.status = schedule
        ? t.scheduled(when(publishAt, this.locale))
        : problems.length > 0
          ? t.draftProblems(problems.length)
          : t.draftSaved;
    } catch (error) {
      if (notAvailable(error)) {
        this.draftsAvailable = false;
        this.status = '';
        this.failure = t.draftsUnavailable;
      } else await this.failed(error);
    } finally {
      this.busy = '';
    }
  }

  private async onDiscardDraft(): Promise<void> {
    if (this.busy) return;
    this.clearMessages();
    this.busy = 'discard';
    try {
      await this.api.discardDraft(this.collection, this.pieceId);
      const piece = await this.api.read(this.collection, this.pieceId);
      this.draft = null;
      this.open(piece.versions);
      this.status = this.t.draftDiscarded;
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = '';
    }
  }

  private async onRestore(entry: HistoryEntry): Promise<void> {
    if (this.busy) return;
    this.clearMessages();
    this.busy = 'restore';
    this.status = this.t.restoring;
    try {
      const answer = await this.api.restore(this.collection, this.pieceId, entry.commit);
      const piece = await this.api.read(this.collection, this.pieceId);
      this.open(piece.versions);
      await this.afterPublishing(answer, `${this.t.restored(entry.commit.slice(0, 7))} `);
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = '';
    }
  }

  // ——— drawing ———

  /** The piece's name or title as written, in the first language it has. */
  private pieceName(): string {
    for (const lang of locales) {
      const data = this.versions[lang]?.data;
      const name = data?.name ?? data?.title;
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
    return this.pieceId;
  }

  private languageName(lang: string): string {
    const name = new Intl.DisplayNames([this.locale], { type: 'language' }).of(lang) ?? lang;
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  override render() {
    const t = this.t;
    if (this.loadProblem) return html`<p class="problem" role="alert">${this.loadProblem}</p>`;
    if (!this.loaded) return html`<p role="status">${translations[this.locale].app.loading}</p>`;
    const fields = this.fields;
    const sharedFields = fields.filter((field) => this.sharedKeys.includes(field.key));
    const ownFields = fields.filter((field) => !this.sharedKeys.includes(field.key));
    return html`<p><a href="/console/content">${t.back}</a></p>
      <p class="hint">${t.kinds[this.collection]}${this.isNew ? '' : ` · ${this.pieceId}`}</p>
      ${this.renderDraftNotice()}
      <form novalidate @submit=${this.onPublish}>
        ${this.isNew ? this.renderId() : nothing}
        ${
          sharedFields.length > 0
            ? html`<section aria-labelledby="shared-heading">
                <h2 id="shared-heading">${t.shared}</h2>
                <p class="hint">${t.sharedHint}</p>
                ${renderFields(sharedFields, this.contextFor('shared'))}
              </section>`
            : nothing
        }
        <div class="languages">${locales.map((lang) => this.renderVersion(lang, ownFields))}</div>
        ${this.renderActions()}
      </form>
      ${this.renderHistory()}`;
  }

  private renderId() {
    const t = this.t;
    const problem = this.problemAt('id');
    return html`<div class="field">
      <label for="id">${t.fileName}</label>
      <p class="hint" id="id-hint">${t.fileNameHint}</p>
      <input
        id="id"
        autocomplete="off"
        spellcheck="false"
        .value=${this.fileName}
        aria-invalid=${problem ? 'true' : nothing}
        aria-describedby="id-hint id-problem"
        @input=${(event: Event) => {
          this.fileName = (event.target as HTMLInputElement).value.trim();
          this.idEdited = true;
          this.forget('id');
        }}
        @blur=${() => this.left('id')}
      />
      <p class="field-problem" id="id-problem">${problem ?? ''}</p>
    </div>`;
  }

  private renderVersion(lang: Locale, fields: Field[]) {
    const t = this.t;
    const name = this.languageName(lang);
    const version = this.versions[lang];
    const others = locales.filter((other) => other !== lang && this.versions[other]);
    // Not `${lang}-title`: that is the id of the input of a field named title, in that language.
    const headingId = `${lang}-heading`;
    if (!version)
      return html`<section aria-labelledby=${headingId}>
        <h2 id=${headingId}>${t.version(name)}</h2>
        ${
          others.length > 0
            ? html`<p class="notice">${t.missing(name, this.languageName(others[0]!))}</p>`
            : nothing
        }
        <button type="button" class="secondary" @click=${() => this.start(lang)}>
          ${t.addVersion(name)}
        </button>
      </section>`;
    const bodyProblem = this.problemAt(`${lang}.body`);
    return html`<section aria-labelledby=${headingId}>
      <h2 id=${headingId}>${t.version(name)}</h2>
      ${renderFields(fields, this.contextFor(lang))}
      <rally-story-editor
        id=${fieldId(lang, ['body'])}
        locale=${this.locale}
        language=${lang}
        label=${this.collection === 'pages' ? t.pageText : t.story}
        .value=${version.body}
        problem=${bodyProblem ?? ''}
        ?data-invalid=${Boolean(bodyProblem)}
        @input=${(event: Event) => {
          const body = (event.target as HTMLElement & { value: string }).value;
          this.versions = { ...this.versions, [lang]: { ...this.versions[lang]!, body } };
          this.forget(`${lang}.body`);
        }}
      ></rally-story-editor>
      ${
        this.publishedLanguages.includes(lang) || others.length === 0
          ? nothing
          : html`<p>
              <button type="button" class="secondary" @click=${() => this.leaveOut(lang)}>
                ${t.leaveOut(name)}
              </button>
            </p>`
      }
    </section>`;
  }

  private renderActions() {
    const t = this.t;
    const busy = Boolean(this.busy);
    return html`<section aria-labelledby="publish-heading">
      <h2 id="publish-heading" tabindex="-1">${t.publish}</h2>
      ${
        this.general.length > 0
          ? html`<ul class="problem">
              ${this.general.map((message) => html`<li>${message}</li>`)}
            </ul>`
          : nothing
      }
      <div class="actions">
        <button type="submit" ?disabled=${busy} aria-describedby="publish-status publish-failure">
          ${this.busy === 'publish' ? t.publishing : t.publish}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${busy || this.preview.busy}
          aria-describedby="preview-status publish-failure"
          @click=${this.onPreview}
        >
          ${t.preview}
        </button>
        ${
          this.draftsAvailable
            ? html`<button
                  type="button"
                  class="secondary"
                  ?disabled=${busy}
                  @click=${() => this.onSaveDraft(false)}
                >
                  ${t.saveDraft}
                </button>
                <div class="field">
                  <label for="schedule-at">${t.scheduleAt}</label>
                  <p class="hint" id="schedule-hint">${t.scheduleHint}</p>
                  <input
                    id="schedule-at"
                    type="datetime-local"
                    .value=${this.scheduleAt}
                    aria-describedby="schedule-hint"
                    @change=${(event: Event) =>
                      (this.scheduleAt = (event.target as HTMLInputElement).value)}
                  />
                </div>
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${busy}
                  @click=${() => this.onSaveDraft(true)}
                >
                  ${t.schedule}
                </button>`
            : nothing
        }
        ${
          !this.isNew &&
          this.publishedLanguages.length > 0 &&
          !fixedCollections.includes(this.collection)
            ? html`<rally-unpublish-dialog
                locale=${this.locale}
                collection=${this.collection}
                pieceId=${this.pieceId}
                name=${this.pieceName()}
                ?disabled=${busy}
                .unpublish=${this.api.unpublish}
                @piece-unpublished=${this.onUnpublished}
              ></rally-unpublish-dialog>`
            : nothing
        }
      </div>
      <p class="problem" role="alert" id="publish-failure">${this.failure}</p>
      <div role="status" id="publish-status">
        <p class="done">${this.status}</p>
        ${this.renderBuild()}
      </div>
      ${this.preview.render((lang) => this.languageName(lang))}
    </section>`;
  }

  private renderBuild() {
    const t = this.t;
    const off = this.buildOf === 'unpublication';
    if (this.published && this.published.build === null)
      return html`<p>${off ? t.unpublishedNoBuild : t.noBuild}</p>`;
    const build = this.build;
    if (!build) return nothing;
    if (build.status === 'failed') return html`<p class="problem">${t.buildFailed(build.id)}</p>`;
    if (build.status !== 'done')
      return html`<p>
        ${t.building(t.buildStatus[build.status] ?? build.status, sitesNamed(build, t))}
      </p>`;
    if (off) return html`<p>${t.unpublishedBuilt(build.seconds ?? 0)}</p>`;
    return html`<p>${t.built(build.seconds ?? 0)}</p>
      <ul class="pages">
        ${build.pages.map(
          (page) =>
            html`<li>
              <a href=${page.url}>${t.page(page.site, this.languageName(page.lang))}</a>
            </li>`,
        )}
      </ul>`;
  }

  private renderDraftNotice() {
    const t = this.t;
    const draft = this.draft;
    if (!draft) return nothing;
    const who = draft.updated_by?.name || draft.updated_by?.email || '';
    return html`<div class="notice">
      <p>${t.draftFrom(who, when(draft.updated_at, this.locale))}</p>
      ${draft.publish_at ? html`<p>${t.draftScheduled(when(draft.publish_at, this.locale))}</p>` : nothing}
      <button
        type="button"
        class="secondary"
        ?disabled=${Boolean(this.busy)}
        @click=${this.onDiscardDraft}
      >
        ${t.discardDraft}
      </button>
    </div>`;
  }

  private renderHistory() {
    const t = this.t;
    if (this.isNew || this.history === undefined) return nothing;
    return html`<section aria-labelledby="history-heading">
      <h2 id="history-heading">${t.history}</h2>
      ${
        this.history === 'unavailable'
          ? html`<p class="hint">${t.historyUnavailable}</p>`
          : this.history === 'none'
            ? html`<p class="hint">${t.noHistory}</p>`
            : html`<p class="hint">${t.historyIntro}</p>
                <ul class="history">
                  ${this.history.map(
                    (entry, index) =>
                      html`<li>
                        <p>
                          ${entry.message}<br /><span class="hint"
                            >${t.by(entry.author.name || entry.author.email, when(entry.date, this.locale))}</span
                          >
                        </p>
                        ${
                          index === 0
                            ? nothing
                            : html`<button
                                type="button"
                                class="secondary small"
                                ?disabled=${Boolean(this.busy)}
                                @click=${() => this.onRestore(entry)}
                              >
                                ${t.restore(when(entry.date, this.locale))}
                              </button>`
                        }
                      </li>`,
                  )}
                </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-piece-editor': RallyPieceEditor;
  }
}
