/**
 * Styles every console screen shares: the widgets' form styles and tokens (so the console looks
 * like the rest of Rally), plus tables, sections and the layout that turns to one column on a
 * phone. Targets stay at least 24 px (WCAG 2.2 target size), focus is always drawn.
 */
import { css } from 'lit';
import { formStyles } from '@rally/widgets/styles/form';

export const consoleStyles = [
  formStyles,
  css`
    :host {
      display: block;
    }

    h1 {
      margin: 0 0 1rem;
      font-size: 1.5rem;
    }

    h1:focus {
      outline: none;
    }

    h1:focus-visible {
      outline: 3px solid var(--rally-focus, #1d4ed8);
    }

    h2 {
      margin-block: 1.5rem 0.5rem;
    }

    section,
    .card {
      background: var(--rally-surface, #fff);
      border: 1px solid #d0d5dd;
      border-radius: var(--rally-radius, 0.375rem);
      padding: 1rem;
      margin-block-end: 1rem;
    }

    .hint {
      margin: 0;
      font-weight: normal;
      color: var(--rally-muted, #4b5563);
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: end;
    }

    .row > label {
      flex: 1 1 10rem;
    }

    .problem {
      margin: 0;
      color: var(--rally-danger, #b42318);
      font-weight: 600;
    }

    .problem:not(:empty)::before {
      content: '⚠ ';
    }

    .done {
      margin: 0;
      color: var(--rally-success, #067647);
      font-weight: 600;
    }

    .table-wrap {
      overflow-x: auto;
      max-inline-size: 100%;
    }

    table {
      border-collapse: collapse;
      inline-size: 100%;
      font-size: 0.9375rem;
    }

    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.5rem;
    }

    th,
    td {
      text-align: start;
      padding: 0.375rem 0.5rem;
      border-block-end: 1px solid #d0d5dd;
      vertical-align: top;
    }

    /* An audit entry's detail wraps rather than widen the table past a phone's screen. */
    td code {
      overflow-wrap: anywhere;
    }

    td.number,
    th.number {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }

    button.secondary {
      background: var(--rally-surface, #fff);
      color: var(--rally-accent, #0b5fff);
      border-color: currentColor;
    }

    button.small {
      min-block-size: 2rem;
      padding-inline: 0.75rem;
    }

    output,
    .secret {
      display: block;
      font-family: ui-monospace, monospace;
      overflow-wrap: anywhere;
      padding: 0.5rem;
      background: #f2f4f7;
      border-radius: var(--rally-radius, 0.375rem);
    }

    a {
      color: var(--rally-accent, #0b5fff);
    }

    @media (max-width: 600px) {
      .row {
        display: grid;
      }

      section,
      .card {
        padding: 0.75rem;
      }
    }
  `,
];
