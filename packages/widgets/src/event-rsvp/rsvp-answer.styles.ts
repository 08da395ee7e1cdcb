/**
 * Styles of the event RSVP's step after an RSVP: the RSVP on this device, its cancel button and the
 * question before cancelling. They load with that step (rsvp-answer.ts), which adds them to the
 * widget's own.
 */
import { css } from 'lit';

export const rsvpAnswerStyles = css`
  .answer,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
  }

  .answer {
    margin-block-start: 1rem;
  }

  .answer p {
    margin: 0;
    inline-size: 100%;
  }
`;
