import { css } from 'lit';

export const duesCheckoutStyles = css`
  fieldset {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--rally-border, #6b7280);
    border-radius: var(--rally-radius, 0.375rem);
  }

  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }

  fieldset[aria-invalid='true'] {
    border-color: var(--rally-danger, #b42318);
  }

  .check input[type='radio'] {
    border-radius: 50%;
  }

  .check > span {
    display: grid;
  }

  .hint {
    margin: 0;
  }

  .step {
    display: grid;
    gap: 1rem;
    max-inline-size: 36rem;
  }

  .step p,
  form > p {
    margin: 0;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 3px solid var(--rally-focus, #1d4ed8);
  }

  ::slotted([slot='payment']) {
    min-block-size: 20rem;
  }

  /* Reserves the space the loaded form takes, so nothing on the page jumps. */
  .loading {
    min-block-size: 28rem;
  }
`;
