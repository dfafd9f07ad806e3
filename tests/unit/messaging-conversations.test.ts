/**
 * The message pages' logic: a new message in the send contract's shape, where one stands, the
 * conversations with their unread counts, the read marks an opened thread writes, a read mark meeting the
 * router's version, the inbox id and state, and the after-hours notice from the directory's hours.
 */
import { describe, expect, it } from 'vitest';
import { CLINIC_COLLECTIONS, USER_COLLECTIONS } from '$lib/db/validation';
import { clinicMessageWinner } from '$lib/messaging/collection';
import {
	clinicReply,
	conversationId,
	conversations,
	discardable,
	undelivered,
	inboxState,
	InvalidMessageError,
	messageState,
	patientMessage,
	readMarks,
	refusalWords
} from '$lib/messaging/conversations';
import { afterHoursNotice } from '$lib/messaging/after-hours';
import { patientName } from '$lib/profile/format';
import type { HealthRecord } from '$lib/profile/schema';
import type { Message } from '$lib/messaging/schema';

const NOW = Date.UTC(2026, 11, 7, 10, 0, 0);
/** a message; one from the clinic is a staff member's (with its author) unless told otherwise */
const message = (fields: Partial<Message>): Message => ({ id: 'm1', type: 'message', clinicId: 'clinic-a', from: 'patient', text: 'Hello', sentAt: NOW, updatedAt: NOW, ...(fields.from === 'clinic' ? { author: 'dr-a', authorRole: 'doctor' } : {}), ...fields });

describe('a patient\'s new message', () => {
	it('has only the send contract\'s fields, its text trimmed, and passes the gatekeeper\'s check', () => {
		const m = patientMessage('clinic-a', '  Can I come on Monday?\n', USER_COLLECTIONS.messages, NOW);
		expect(Object.keys(m).sort()).toEqual(['clinicId', 'from', 'id', 'sentAt', 'text', 'type', 'updatedAt']);
		expect(m).toMatchObject({ clinicId: 'clinic-a', from: 'patient', text: 'Can I come on Monday?', sentAt: NOW });
		expect(USER_COLLECTIONS.messages(m)).toBeNull();
	});

	it('may go to one doctor and carry the patient\'s name, and still passes the gatekeeper\'s check', () => {
		const m = patientMessage('clinic-a', 'Results?', USER_COLLECTIONS.messages, NOW, { practitionerId: 'pract-1', patientName: 'Ama Mensah' });
		expect(m).toMatchObject({ practitionerId: 'pract-1', patientName: 'Ama Mensah' });
		expect(USER_COLLECTIONS.messages(m)).toBeNull();
		// the name a patient goes by: the personal details' first, else the profile's
		const about = { id: 'a', kind: 'about', data: { name: ' Ama Mensah ' }, updatedAt: 1, updatedBy: 'd' } as HealthRecord;
		expect(patientName([about], 'Ama')).toBe('Ama Mensah');
		expect(patientName([], ' Ama ')).toBe('Ama');
	});

	it('is refused before it is written when the server would refuse it: empty, too long, control characters', () => {
		expect(() => patientMessage('clinic-a', '   ', USER_COLLECTIONS.messages, NOW)).toThrow(InvalidMessageError);
		expect(() => patientMessage('clinic-a', 'x'.repeat(2001), USER_COLLECTIONS.messages, NOW)).toThrow(InvalidMessageError);
		expect(() => patientMessage('clinic-a', 'a\u0000b', USER_COLLECTIONS.messages, NOW)).toThrow(InvalidMessageError);
	});
});

describe('where one\'s own message stands', () => {
	it('waits until pushed, then is sent, delivered, read; refused by the router or the gatekeeper with their reason', () => {
		expect(messageState(message({}), false)).toBe('waiting');
		expect(messageState(message({}), true)).toBe('sent');
		expect(messageState(message({ seq: 1, deliveredAt: NOW + 1 }), false)).toBe('delivered');
		expect(messageState(message({ seq: 1, deliveredAt: NOW + 1, readAt: NOW + 2 }), true)).toBe('read');
		const refused = message({ refused: { reason: 'no-relation', at: NOW } });
		expect(messageState(refused, true)).toBe('refused');
		expect(refusalWords(refused)).toMatch(/^You can write to a clinic once you book a visit there/);
		expect(messageState(message({}), true, 'text: too long')).toBe('refused');
		expect(refusalWords(message({}), 'text: too long')).toBe('text: too long');
	});

	it('counts as undelivered (lost if the profile is removed) until delivered or refused', () => {
		const mine = [message({ id: 'w' }), message({ id: 's', seq: 1, deliveredAt: NOW }), message({ id: 'r', refused: { reason: 'no-relation', at: NOW } }), message({ id: 'c', from: 'clinic' })];
		expect(undelivered(mine, 'patient').map((m) => m.id)).toEqual(['w']);
	});

	it('may be discarded only while the server holds nothing of it', () => {
		expect(discardable(message({}))).toBe(true);
		expect(discardable(message({ seq: 2 }))).toBe(false);
		expect(discardable(message({ deliveredAt: NOW }))).toBe(false);
	});
});

describe('conversations', () => {
	const list = [
		message({ id: 'a', clinicId: 'clinic-a', sentAt: NOW, seq: 1 }),
		message({ id: 'b', clinicId: 'clinic-a', from: 'clinic', sentAt: NOW + 5, seq: 2 }),
		message({ id: 'c', clinicId: 'clinic-a', from: 'clinic', sentAt: NOW + 9, seq: 3, readAt: NOW + 10 }),
		message({ id: 'd', clinicId: 'clinic-b', sentAt: NOW + 20 }),
		message({ id: 'e', clinicId: 'clinic-b', from: 'clinic', sentAt: NOW + 1, seq: 1 })
	];

	it('group by clinic, latest first, in seq order (unnumbered last, by sentAt), counting the other side\'s unread', () => {
		const found = conversations(list, 'patient', (m) => m.clinicId);
		expect(found.map((c) => [c.key, c.unread, c.messages.map((m) => m.id)])).toEqual([
			['clinic-b', 1, ['e', 'd']],
			['clinic-a', 1, ['a', 'b', 'c']]
		]);
	});

	it('count the patient\'s messages as unread for the clinic, grouped by the patient', () => {
		const clinicSide = list.map((m) => ({ ...m, patientRef: 'ref-1' }));
		expect(conversations(clinicSide, 'clinic', (m) => m.patientRef).map((c) => [c.key, c.unread])).toEqual([['ref-1', 2]]);
	});

	it('opening a thread marks only the other side\'s unread messages read, changing nothing else', () => {
		const marks = readMarks(list.filter((m) => m.clinicId === 'clinic-a'), 'patient', NOW + 100);
		expect(marks).toEqual([{ ...list[1], readAt: NOW + 100, updatedAt: NOW + 100 }]);
		expect(readMarks(marks, 'patient', NOW + 200)).toEqual([]);
	});

	it('are open until the clinic wrote last, then answered', () => {
		expect(inboxState(list.slice(0, 1))).toBe('open');
		expect(inboxState(list.slice(0, 3))).toBe('answered');
		// the router's working-hours notice (from the clinic, no author) answers nothing
		const notice: Message = { id: 'm-notice', type: 'message', clinicId: 'clinic-a', from: 'clinic', text: 'Closed now', sentAt: NOW + 5, seq: 9, updatedAt: NOW + 5 };
		expect(inboxState([list[0], notice])).toBe('open');
	});
});

describe('a clinic\'s document meeting the server\'s version', () => {
	it('keeps a read mark on a message (as a patient\'s device does) and the later change of an inbox conversation', () => {
		const device = { ...message({ from: 'patient', seq: 1, patientRef: 'r' }), readAt: NOW + 50, updatedAt: NOW + 50 };
		const master = { ...message({ from: 'patient', seq: 1, deliveredAt: NOW + 2, patientRef: 'r' }), updatedAt: NOW + 2 };
		expect(clinicMessageWinner(device, master)).toEqual({ ...master, readAt: NOW + 50 });
		const mine = { id: 'c1', type: 'conversation', patientRef: 'r', state: 'answered', assignee: 'dr-ama', updatedAt: NOW + 9 } as const;
		const theirs = { ...mine, state: 'open', assignee: 'nurse-esi', updatedAt: NOW + 5 } as const;
		expect(clinicMessageWinner<any>(mine, theirs)).toBe(mine);
		expect(clinicMessageWinner<any>(theirs, mine)).toBe(mine);
	});
});

describe('the clinic side', () => {
	it('makes a reply the gatekeeper accepts from its author, and one inbox id per patient on every tablet', async () => {
		const reply = clinicReply({ account: 'dr-ama', role: 'doctor', clinicId: 'clinic-a' }, 'ref_1-x', 'Come on Monday.', CLINIC_COLLECTIONS.messages, NOW);
		expect(reply).toMatchObject({ from: 'clinic', patientRef: 'ref_1-x', author: 'dr-ama', authorRole: 'doctor', clinicId: 'clinic-a' });
		expect(CLINIC_COLLECTIONS.messages(reply)).toBeNull();
		const id = await conversationId('ref_1-x');
		expect(id).toBe(await conversationId('ref_1-x'));
		expect(id).not.toBe(await conversationId('ref_1-y'));
		expect(CLINIC_COLLECTIONS.messages({ id, type: 'conversation', patientRef: 'ref_1-x', state: 'open', updatedAt: NOW })).toBeNull();
	});
});

describe('the after-hours notice', () => {
	const clinic = { name: 'Asafo Clinic', timeZone: 'Africa/Accra', hours: { '1': [{ open: '08:00', close: '17:00' }], '2': [{ open: '08:00', close: '17:00' }] }, exceptions: [] };

	it('shows while the clinic is closed, with its next opening in clinic time, and not while open', () => {
		// Monday 7 December 2026, 10:00 in Accra (UTC+0): open
		expect(afterHoursNotice(clinic, new Date(NOW))).toBeNull();
		const evening = afterHoursNotice(clinic, new Date(Date.UTC(2026, 11, 7, 19, 0)));
		expect(evening).toContain('Asafo Clinic is closed now');
		expect(evening).toContain('It opens tomorrow 08:00 (clinic time)');
	});
});
