/** @rally/widgets: Rally's embeddable elements. Importing this module defines them all. */
export { RallyJoinForm, type JoinPayload } from './join-form/join-form.ts';
export { RallySubmitEvent } from './events/rally-submit-event.ts';
