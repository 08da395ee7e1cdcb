/** A confirmation dialog's look, shared by the screens that ask before something cannot be undone. */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    max-inline-size: min(32rem, calc(100vw - 2rem));
    border: 1px solid #d0d5dd;
    border-radius: var(--rally-radius, 0.375rem);
    padding: 1rem;
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 0.6);
  }
  dialog h2 {
    margin-block-start: 0;
  }
  dialog h2:focus {
    outline: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin-block-start: 1rem;
  }
  button.danger {
    background: var(--rally-danger, #b42318);
    border-color: var(--rally-danger, #b42318);
    color: #fff;
  }
`;
