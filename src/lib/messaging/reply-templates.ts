/** Short replies a clinic starts from, until its administrator sets its own. */
export const DEFAULT_REPLY_TEMPLATES: readonly string[] = [
	'Thank you, we received your message and will answer soon.',
	'Please book a visit so a doctor can see you.',
	'Your results are ready: please come to the clinic to discuss them.',
	'If this gets worse, go to the nearest emergency care now.'
];
