import { css } from 'lit';

export const petitionStyles = css`
  .intro {
    display: grid;
    gap: 0.5rem;
  }

  .intro p {
    margin: 0;
  }

  .count {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }

  progress {
    inline-size: 100%;
    block-size: 0.75rem;
    accent-color: var(--rally-accent, #0b5fff);
  }

  /* Reserves the space the loaded petition takes, so nothing on the page jumps. */
  .loading {
    min-block-size: 6rem;
  }
`;
