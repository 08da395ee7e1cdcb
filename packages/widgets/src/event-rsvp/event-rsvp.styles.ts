import { css } from 'lit';

export const eventRsvpStyles = css`
  .details {
    display: grid;
    gap: 0.5rem;
  }

  .details p,
  dl,
  dd {
    margin: 0;
  }

  dt {
    font-weight: 600;
  }

  a {
    display: inline-block;
  }

  .loading {
    min-block-size: 8rem;
  }
`;
