/**
 * Styles every form widget shares; each is themed through the documented `--rally-*` properties.
 * (Comments inside the styles reach every page, so the reasons for three rules are here: a
 * button's border is transparent rather than none because forced colors (high contrast) draw it,
 * so the button keeps its outline there; the status region is always displayed, taking no room
 * until it has something to say, because a screen reader may miss a live region that appears with
 * its text; the honeypot `.nickname` is hidden from people and assistive technology, and bots that
 * fill every field fill it.)
 */
import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--rally-text, inherit);
  }

  :host([hidden]) {
    display: none;
  }

  form {
    display: grid;
    gap: 1rem;
    max-inline-size: 36rem;
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

  input:not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--rally-border, #6b7280);
    border-radius: var(--rally-radius, 0.375rem);
    background: var(--rally-surface, #fff);
    color: inherit;
  }

  textarea {
    padding-block: 0.5rem;
    min-block-size: 5rem;
    resize: vertical;
  }

  .check {
    display: flex;
    gap: 0.5rem;
    align-items: start;
    font-weight: normal;
  }

  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--rally-accent, #0b5fff);
  }

  [aria-invalid='true'] {
    border-color: var(--rally-danger, #b42318);
  }

  .error {
    margin: 0;
    color: var(--rally-danger, #b42318);
    font-weight: normal;
  }

  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.75rem;
    padding-inline: 1.25rem;
    border: 1px solid #0000;
    border-radius: var(--rally-radius, 0.375rem);
    background: var(--rally-accent, #0b5fff);
    color: var(--rally-on-accent, #fff);
    cursor: pointer;
    justify-self: start;
  }

  button.link {
    background: none;
    color: inherit;
    text-decoration: underline;
    padding-inline: 0;
    min-block-size: 1.5rem;
    font-weight: normal;
  }

  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }

  :focus-visible {
    outline: 3px solid var(--rally-focus, #1d4ed8);
    outline-offset: 2px;
  }

  .status {
    margin: 0;
  }

  .status:not(:empty) {
    margin-block-start: 1rem;
  }

  a {
    color: inherit;
    justify-self: start;
    min-block-size: 1.5rem;
  }

  .nickname {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
