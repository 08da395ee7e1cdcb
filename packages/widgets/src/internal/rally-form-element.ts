/**
 * The one base class of Rally's form widgets: the attributes every form takes (where it posts,
 * whom it credits, the privacy notice, its language) and the strings of that language. What a
 * form does is composed in each widget: the submission (submission-controller.ts), the person
 * known on the page (state/person-controller.ts), its data (resource-task.ts) and the parts every
 * form draws (form-templates.ts).
 */
import type { Locale } from '@rally/core/locale';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { localeOf, translate, type Translation } from '../translations/index.ts';

export abstract class RallyFormElement extends LitElement {
  /** Base URL of the Rally API, such as `https://api.example.org`. */
  @property() api = '';

  /** Source code credited with what this widget brings in (a campaign or partner). */
  @property() source = '';

  /** The organization's privacy notice; when set, the form links to it beside its consent. */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';

  /** Language of the widget (`en`, `es`); defaults to the nearest `lang` on the page. */
  @property({ reflect: true }) override lang!: string;

  /**
   * The strings every widget shares, in its language.
   * @internal
   */
  get t(): Translation {
    return translate(this);
  }

  /**
   * The language the widget speaks: its own `lang`, else the page's.
   * @internal
   */
  get locale(): Locale {
    return localeOf(this);
  }
}
