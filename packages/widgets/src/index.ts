/** @rally/widgets: Rally's embeddable elements. Importing this module defines them all. */
export { RallyJoinForm, type JoinQuestion } from './join-form/join-form.ts';
export { RallyPetition } from './petition/petition.ts';
export { RallyEventRsvp } from './event-rsvp/event-rsvp.ts';
export { RallySpotlightCarousel } from './spotlight-carousel/spotlight-carousel.ts';
export { RallyDuesCheckout } from './dues-checkout/dues-checkout.ts';
export { RallyActionEvent } from './events/rally-action-event.ts';
export { RallyErrorEvent } from './events/rally-error-event.ts';
export { RallyOutboxEvent } from './events/rally-outbox-event.ts';
export { $person, forgetPerson, type KnownPerson } from './state/person.ts';
