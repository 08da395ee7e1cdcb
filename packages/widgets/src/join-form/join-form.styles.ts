import { css } from 'lit';

export const joinFormStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--rally-text, inherit);
  }

  form {
    display: grid;
    gap: 1rem;
    max-inline-size: 32rem;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }

  input[type='text'],
  input[type='email'] {
    font: inherit;
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--rally-border, #6b7280);
    border-radius: var(--rally-radius, 0.375rem);
    background: var(--rally-surface, #fff);
    color: inherit;
  }

  .consent {
    display: flex;
    gap: 0.5rem;
    align-items: start;
    font-weight: normal;
  }

  .consent input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--rally-accent, #0b5fff);
  }

  [aria-invalid='true'] {
    border-color: var(--rally-danger, #b42318);
  }

  .error {
    color: var(--rally-danger, #b42318);
    font-weight: normal;
  }

  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.75rem;
    padding-inline: 1.25rem;
    border: 0;
    border-radius: var(--rally-radius, 0.375rem);
    background: var(--rally-accent, #0b5fff);
    color: var(--rally-on-accent, #fff);
    cursor: pointer;
    justify-self: start;
  }

  :focus-visible {
    outline: 3px solid var(--rally-focus, #1d4ed8);
    outline-offset: 2px;
  }
`;
