/**
 * The widgets speak the languages in rally.config.json: their build writes the list into their
 * code, and every table of their strings has those languages, no more and no fewer. (The compiler
 * holds each table to the `Locale` type; packages/core/src/languages.test.ts holds that type to
 * the configured list.)
 */
import { describe, expect, it } from 'vitest';
import config from '../../../../rally.config.json' with { type: 'json' };
import { duesCheckoutStrings } from '../dues-checkout/dues-checkout.strings.ts';
import { paymentStrings } from '../dues-checkout/payment.strings.ts';
import { eventRsvpStrings } from '../event-rsvp/event-rsvp.strings.ts';
import { rsvpAnswerStrings } from '../event-rsvp/rsvp-answer.strings.ts';
import { outcomeStrings } from '../internal/outcome.strings.ts';
import { joinFormStrings } from '../join-form/join-form.strings.ts';
import { petitionStrings } from '../petition/petition.strings.ts';
import { shareLinkStrings } from '../share/share-link.strings.ts';
import { carouselStrings } from '../spotlight-carousel/spotlight-carousel.strings.ts';
import { translations } from './index.ts';

const locales = config.languages;
const configured = [...locales].sort();

describe('the widgets’ languages', () => {
  it('are written into their code as rally.config.json lists them, the default first', () => {
    expect(__RALLY_LANGUAGES__).toEqual(locales);
  });

  it('each have every table of strings', () => {
    const tables = {
      translations,
      duesCheckoutStrings,
      paymentStrings,
      eventRsvpStrings,
      rsvpAnswerStrings,
      outcomeStrings,
      joinFormStrings,
      petitionStrings,
      shareLinkStrings,
      carouselStrings,
    };
    for (const [name, table] of Object.entries(tables))
      expect(Object.keys(table).sort(), name).toEqual(configured);
    // The join form names every language, in each.
    for (const [lang, strings] of Object.entries(joinFormStrings))
      expect(Object.keys(strings.languages).sort(), lang).toEqual(configured);
  });
});
