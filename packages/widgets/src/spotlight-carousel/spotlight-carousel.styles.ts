import { css } from 'lit';

export const spotlightCarouselStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--rally-text, inherit);
  }

  section {
    display: grid;
    gap: 0.75rem;
    max-inline-size: 40rem;
  }

  .controls {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }

  button {
    font: inherit;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--rally-border, #6b7280);
    border-radius: var(--rally-radius, 0.375rem);
    background: var(--rally-surface, #fff);
    color: inherit;
    cursor: pointer;
  }

  :focus-visible {
    outline: 3px solid var(--rally-focus, #1d4ed8);
    outline-offset: 2px;
  }

  figure {
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }

  /* The photo's box is reserved before the image arrives: nothing below it moves. */
  img {
    inline-size: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--rally-radius, 0.375rem);
    background: var(--rally-placeholder, #e5e7eb);
  }

  blockquote {
    margin: 0;
    font-size: 1.125em;
  }

  figcaption {
    font-weight: 600;
  }

  .waiting {
    min-block-size: 20rem;
  }

  [hidden] {
    display: none;
  }
`;
