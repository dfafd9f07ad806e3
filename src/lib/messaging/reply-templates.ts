/**
 * A clinic's short replies: set by its administrators (`PUT /api/clinics/<clinicId>/reply-templates`,
 * kept by the server beside the clinic's settings), read by its staff and kept on each tablet for offline
 * use. The check below is the server's and the editor's.
 */
export const MAX_REPLY_TEMPLATES = 12;
export const MAX_REPLY_TEMPLATE_CHARS = 300;

/** Until the administrators set the clinic's own. */
export const DEFAULT_REPLY_TEMPLATES: readonly string[] = [
	'Thank you, we received your message and will answer soon.',
	'Please book a visit so a doctor can see you.',
	'Your results are ready: please come to the clinic to discuss them.',
	'If this gets worse, go to the nearest emergency care now.'
];

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** What is wrong with a list of short replies, or null. */
export function replyTemplatesProblem(templates: unknown): string | null {
	if (!Array.isArray(templates)) return 'templates must be a list of short replies';
	if (templates.length > MAX_REPLY_TEMPLATES) return `At most ${MAX_REPLY_TEMPLATES} short replies`;
	for (const template of templates) {
		if (typeof template !== 'string' || !template.trim() || template.length > MAX_REPLY_TEMPLATE_CHARS || CONTROL.test(template)) {
			return `Each short reply is text of 1 to ${MAX_REPLY_TEMPLATE_CHARS} characters`;
		}
	}
	if (new Set(templates).size !== templates.length) return 'Each short reply only once';
	return null;
}
