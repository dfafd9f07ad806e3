import { describe, expect, it } from 'vitest';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '$lib/db/validation';
import { byConversationOrder, MAX_MESSAGE_CHARS } from '$lib/messaging/schema';
import { messageWinner } from '$lib/messaging/collection';

const message = { id: 'm-1', type: 'message', clinicId: 'clinic-a', from: 'patient', text: 'Hello,\n\tsee you at 9.', sentAt: 1, updatedAt: 1 };
const conversation = { id: 'c-1', type: 'conversation', patientRef: 'AAAA', state: 'open', updatedAt: 1 };

describe('the message schema', () => {
	it('takes a device-made message, plain text with line breaks, up to the size limit', () => {
		expect(USER_COLLECTIONS.messages(message)).toBeNull();
		expect(USER_COLLECTIONS.messages({ ...message, text: 'é'.repeat(MAX_MESSAGE_CHARS) })).toBeNull();
		expect(CLINIC_COLLECTIONS.messages({ ...message, from: 'clinic', patientRef: 'AAAA', author: 'nurse-1', authorRole: 'nurse', seq: 3, deliveredAt: 2, readAt: 4 })).toBeNull();
	});

	it('refuses empty, blank, oversized or control-character text, unknown fields and bad ids', () => {
		for (const text of ['', ' \n\t ', 'x'.repeat(MAX_MESSAGE_CHARS + 1), 'nul\u0000', 'esc\u001b[31m']) expect(USER_COLLECTIONS.messages({ ...message, text })).toMatch(/text/);
		expect(USER_COLLECTIONS.messages({ ...message, html: '<b>' })).toMatch(/additional/);
		expect(USER_COLLECTIONS.messages({ ...message, from: 'router' })).toMatch(/from/);
		expect(USER_COLLECTIONS.messages({ ...message, id: 'has space' })).toMatch(/id/);
		expect(USER_COLLECTIONS.messages({ ...message, seq: 0 })).toMatch(/seq/);
		expect(USER_COLLECTIONS.messages({ ...message, refused: { reason: 'spam', at: 1 } })).toMatch(/reason/);
	});

	it('holds the inbox conversations on the clinic side only', () => {
		expect(CLINIC_COLLECTIONS.messages(conversation)).toBeNull();
		expect(CLINIC_COLLECTIONS.messages({ ...conversation, state: 'closed' })).toMatch(/state/);
		expect(CLINIC_COLLECTIONS.messages({ ...conversation, text: 'x' })).toMatch(/additional/);
		expect(USER_COLLECTIONS.messages(conversation)).not.toBeNull();
	});

	it('orders a conversation by number, then unnumbered messages by when they were written', () => {
		const list = [
			{ id: 'd', sentAt: 1 },
			{ id: 'b', seq: 2, sentAt: 9 },
			{ id: 'a', seq: 1, sentAt: 10 },
			{ id: 'c', sentAt: 0 }
		];
		expect([...list].sort(byConversationOrder).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
	});
});

describe('a message meeting a newer server version on a device', () => {
	it('takes the server version, keeping a read mark set on the device meanwhile', () => {
		type Version = { updatedAt: number; seq?: number; readAt?: number };
		const device: Version = { updatedAt: 5, readAt: 4 };
		const master: Version = { updatedAt: 6, seq: 3 };
		expect(messageWinner(device, master)).toEqual({ updatedAt: 6, seq: 3, readAt: 4 });
		expect(messageWinner<Version>({ updatedAt: 9 }, { updatedAt: 6, seq: 3, readAt: 1 })).toEqual({ updatedAt: 6, seq: 3, readAt: 1 });
	});
});
