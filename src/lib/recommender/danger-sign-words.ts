/** The danger-sign checklist's words, in the reader's language (apart from danger-signs.ts, which Node tools read too). */
import { dataMessages, type MessageModules } from './data-messages.js';

const message = dataMessages(import.meta.glob<MessageModules[string]>('../paraglide/messages/recommender_sign_*.js', { eager: true }));

/** A danger sign of the checklist, as the person ticks it. */
export const dangerSignLabel = (id: string): string => message('sign_', id) ?? id;
