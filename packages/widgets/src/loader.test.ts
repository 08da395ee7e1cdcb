import { afterEach, describe, expect, it } from 'vitest';
import { resetPage } from './internal/testing.ts';

afterEach(resetPage);

describe('the loader (rally.js)', () => {
  it('defines nothing until an element is on the page, then only that element', async () => {
    await import('./loader.ts');
    expect(customElements.get('rally-petition')).toBeUndefined();
    expect(customElements.get('rally-join-form')).toBeUndefined();

    document.body.append(document.createElement('rally-join-form'));
    await customElements.whenDefined('rally-join-form');
    expect(customElements.get('rally-petition')).toBeUndefined();
  });

  it('picks up an element added later, deep in the page', async () => {
    const wrapper = document.createElement('section');
    document.body.append(wrapper);
    await new Promise((resolve) => setTimeout(resolve, 50));
    wrapper.innerHTML = '<div><rally-petition petition="fair-wages"></rally-petition></div>';
    await customElements.whenDefined('rally-petition');
    expect(wrapper.querySelector('rally-petition')?.shadowRoot).not.toBeNull();
  });
});
