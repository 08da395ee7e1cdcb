import { describe, expect, it } from 'vitest';
import { isLocale, resolveLocale } from './languages.ts';
import { languageOf } from './locale.ts';

describe('resolveLocale', () => {
  it('maps regional tags onto the language Rally speaks', () => {
    expect(resolveLocale('es-MX')).toBe('es');
    expect(resolveLocale('EN_us')).toBe('en');
    expect(resolveLocale(' es ')).toBe('es');
  });

  it('falls back to English for languages without translations and for no tag at all', () => {
    expect(resolveLocale('fr-CA')).toBe('en');
    expect(resolveLocale('')).toBe('en');
    expect(resolveLocale(null)).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts only exact supported codes', () => {
    expect(isLocale('es')).toBe(true);
    expect(isLocale('es-MX')).toBe(false);
    expect(isLocale(42)).toBe(false);
  });
});

describe('languageOf', () => {
  it('picks from the languages it is given, the first when the tag names none of them', () => {
    expect(languageOf('fr-CA', ['en', 'es', 'fr'])).toBe('fr');
    expect(languageOf('es-MX', ['en'])).toBe('en');
    expect(languageOf(undefined, ['es', 'en'])).toBe('es');
  });
});
