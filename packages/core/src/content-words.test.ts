/**
 * The content schemas' messages in every language Rally speaks: the same rules, so the same
 * mistakes on the same fields, each worded in the staff member's language. What they see is the
 * message under a field of the console's editor, or beside a field in the API's 422.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  contentSchemas,
  eventContent,
  micrositeContent,
  pageContent,
  petitionContent,
  spotlightContent,
} from './content.ts';
import { contentWords } from './content-words/index.ts';
import { locales } from './languages.ts';

const event = {
  title: 'Asamblea',
  description: 'Planeamos el año juntas.',
  start: '2027-03-13T09:00:00-06:00',
  end: '2027-03-13T12:00:00-06:00',
  timezone: 'America/Chicago',
  location: { venue: 'Salón del sindicato', locality: 'Nueva Orleans' },
};
const petition = {
  title: 'Agua, sombra y descanso',
  description: 'Reglas contra el calor en cada finca.',
  target: [{ name: 'State labor board' }],
  goal: 2500,
};
const spotlight = {
  name: 'Marisol Reyes',
  region: 'louisiana',
  sector: 'domestic-work',
  photo: { src: 'marisol-reyes.jpg', alt: 'Marisol en la mesa de su cocina.' },
  quote: 'Lo logramos juntas.',
  date: '2026-11-21',
};
const microsite = { name: 'Luisiana', tagline: 'Nos organizamos juntas.', why_join: ['Poder.'] };

/** Every message with its field, as the console places it: `field: message`. */
function issues(schema: z.ZodType, data: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** A table's keys, nested ones dotted, each with what it is (words, or a sentence to finish). */
function shapeOf(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? shapeOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}: ${typeof value}`],
  );
}

/** Mistakes staff make, at least one of each kind of message, in each kind of content. */
const mistakes: [string, keyof ReturnType<typeof contentSchemas>, unknown][] = [
  ['a title missing', 'events', { ...event, title: undefined }],
  ['a title YAML reads as a number', 'events', { ...event, title: 2027 }],
  ['a description of spaces', 'events', { ...event, description: '   ' }],
  ['a time without its offset', 'events', { ...event, start: '2027-03-13T09:00:00' }],
  ['an end before the start', 'events', { ...event, end: '2027-03-13T08:00:00-06:00' }],
  ['a time zone not on the list', 'events', { ...event, timezone: 'Gulf Time' }],
  ['no time zone', 'events', { ...event, timezone: undefined }],
  ['neither a place nor a link', 'events', { ...event, location: undefined }],
  ['a place on one line', 'events', { ...event, location: 'Salón del sindicato' }],
  ['a place without its city', 'events', { ...event, location: { venue: 'Salón' } }],
  ['a link without https://', 'events', { ...event, online_url: 'meet.example.org' }],
  ['a capacity in words', 'events', { ...event, capacity: 'sesenta' }],
  ['a capacity of half a person', 'events', { ...event, capacity: 2.5 }],
  ['a capacity of none', 'events', { ...event, capacity: 0 }],
  ['a language Rally does not speak', 'events', { ...event, language: 'fr' }],
  ['a region written as its name', 'events', { ...event, region: 'Nueva Orleans' }],
  ['a sector as a number', 'events', { ...event, sector: 5 }],
  [
    'five lines of address',
    'events',
    { ...event, location: { ...event.location, address_lines: ['1', '2', '3', '4', '5'] } },
  ],
  ['a goal with a comma', 'petitions', { ...petition, goal: '2,500' }],
  ['no goal', 'petitions', { ...petition, goal: undefined }],
  ['no one to address it to', 'petitions', { ...petition, target: [] }],
  ['a target on one line', 'petitions', { ...petition, target: 'State labor board' }],
  ['a target that is a name alone', 'petitions', { ...petition, target: ['State labor board'] }],
  ['a title over the limit', 'petitions', { ...petition, title: 'x'.repeat(201) }],
  [
    'a closing before the opening',
    'petitions',
    { ...petition, opens_at: '2027-02-01T00:00:00-06:00', closes_at: '2027-01-01T00:00:00-06:00' },
  ],
  ['no photo', 'spotlights', { ...spotlight, photo: undefined }],
  ['a photo on one line', 'spotlights', { ...spotlight, photo: 'marisol-reyes.jpg' }],
  [
    'a photo that is a document',
    'spotlights',
    { ...spotlight, photo: { src: 'marisol.pdf', alt: 'Marisol.' } },
  ],
  [
    'a photo without its description',
    'spotlights',
    { ...spotlight, photo: { src: 'marisol-reyes.jpg', alt: '' } },
  ],
  ['no file name for the photo', 'spotlights', { ...spotlight, photo: { alt: 'Marisol.' } }],
  ['a kind that is neither', 'spotlights', { ...spotlight, kind: 'grupo' }],
  ['a date in words', 'spotlights', { ...spotlight, date: 'el martes' }],
  ['no region', 'spotlights', { ...spotlight, region: undefined }],
  ['everything missing', 'spotlights', {}],
  [
    'seven reasons to join',
    'regions',
    { ...microsite, why_join: Array.from({ length: 7 }, () => 'Poder.') },
  ],
  ['reasons as one sentence', 'sectors', { ...microsite, why_join: 'Porque ganamos.' }],
  ['an address with a path', 'regions', { ...microsite, url: 'https://louisiana.example.org/es/' }],
  ['a page without its title', 'pages', { description: 'Quiénes somos y qué hacemos.' }],
];

describe('the messages of the content schemas', () => {
  it('have a table of words in every language Rally speaks, each with all of English’s', () => {
    expect(Object.keys(contentWords).sort()).toEqual([...locales].sort());
    const english = shapeOf(contentWords.en);
    for (const [lang, words] of Object.entries(contentWords))
      expect(shapeOf(words), lang).toEqual(english);
  });

  it.each(mistakes)(
    '%s: the same problems on the same fields in each language, each worded in it',
    (_mistake, kind, data) => {
      const english = issues(contentSchemas('en')[kind], data);
      expect(english.length).toBeGreaterThan(0);
      for (const lang of locales.filter((each) => each !== 'en')) {
        const other = issues(contentSchemas(lang)[kind], data);
        expect(
          other.map((issue) => issue.path),
          lang,
        ).toEqual(english.map((issue) => issue.path));
        other.forEach((issue, index) =>
          expect(issue.message, `${lang} ${issue.path}`).not.toBe(english[index]!.message),
        );
      }
    },
  );

  it('say in Spanish what to write, with an example, as the English ones do', () => {
    const es = contentSchemas('es');
    expect(
      issues(es.spotlights, { ...spotlight, photo: { src: 'marisol-reyes.jpg', alt: '' } }),
    ).toEqual([
      {
        path: 'photo.alt',
        message: 'Está vacío: escribe qué muestra la foto, para quien no puede verla.',
      },
    ]);
    expect(issues(es.spotlights, { ...spotlight, photo: undefined })).toEqual([
      {
        path: 'photo',
        message:
          'Falta: escribe la foto en dos líneas con sangría: src: (el nombre de su archivo) y alt: (qué muestra).',
      },
    ]);
    expect(issues(es.events, { ...event, start: '2027-03-13T09:00:00' })).toEqual([
      {
        path: 'start',
        message:
          'Escribe la fecha y la hora con su diferencia horaria con UTC, como 2027-03-13T09:00:00-06:00.',
      },
    ]);
    expect(issues(es.petitions, { ...petition, goal: '2,500' })).toEqual([
      { path: 'goal', message: 'Escribe el número solo con dígitos, como 2500.' },
    ]);
    expect(issues(es.petitions, { ...petition, title: 'x'.repeat(201) })).toEqual([
      {
        path: 'title',
        message: 'Es demasiado largo: tiene 201 caracteres y el máximo es 200. Acórtalo.',
      },
    ]);
    expect(issues(es.regions, { ...microsite, why_join: 'Porque ganamos.' })).toEqual([
      {
        path: 'why_join',
        message: 'Escribe en una lista las razones para unirse, cada línea empezando con "- ".',
      },
    ]);
  });

  it('follow the same rules in every language: what one takes, all take, read the same', () => {
    for (const lang of locales) {
      const schemas = contentSchemas(lang);
      expect(schemas.events.parse(event)).toEqual(eventContent.parse(event));
      expect(schemas.petitions.parse(petition)).toEqual(petitionContent.parse(petition));
      expect(schemas.spotlights.parse(spotlight)).toEqual(spotlightContent.parse(spotlight));
      expect(schemas.regions.parse(microsite)).toEqual(micrositeContent.parse(microsite));
      expect(schemas.pages.parse({ title: 'Quiénes somos', description: 'Somos.' })).toEqual(
        pageContent.parse({ title: 'Quiénes somos', description: 'Somos.' }),
      );
      // The console's form reads which input a field wants from the same annotations.
      expect(schemas.spotlights.shape.photo.meta()).toEqual({ input: 'photo' });
      expect(schemas.spotlights.shape.date.meta()).toEqual({ input: 'day' });
    }
  });

  it('are English in the schemas the sites’ build, the API and the scripts import', () => {
    const en = contentSchemas('en');
    expect(petitionContent).toBe(en.petitions);
    expect(eventContent).toBe(en.events);
    expect(spotlightContent).toBe(en.spotlights);
    expect(micrositeContent).toBe(en.regions);
    expect(pageContent).toBe(en.pages);
    // Built once a language.
    expect(contentSchemas('es')).toBe(contentSchemas('es'));
  });
});
