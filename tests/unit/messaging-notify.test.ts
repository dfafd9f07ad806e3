/** Telling of an arrival: only when allowed and the page is hidden, and never more than that a message arrived. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifyArrival, showUnreadBadge } from '$lib/messaging/notify';

function fakeNotifications(permission: NotificationPermission) {
	const shown: unknown[][] = [];
	vi.stubGlobal(
		'Notification',
		class {
			static permission = permission;
			constructor(...args: unknown[]) {
				shown.push(args);
			}
		}
	);
	return shown;
}

afterEach(() => vi.unstubAllGlobals());

describe('a notification of a new message', () => {
	it('says only that a message arrived, when allowed and the page is hidden', () => {
		const shown = fakeNotifications('granted');
		vi.stubGlobal('document', { visibilityState: 'hidden' });
		notifyArrival();
		expect(shown).toEqual([['New message in HealthSync', { tag: 'healthsync-message' }]]);
	});

	it('is not shown while the page is visible, nor without permission', () => {
		const shown = fakeNotifications('granted');
		vi.stubGlobal('document', { visibilityState: 'visible' });
		notifyArrival();
		fakeNotifications('default');
		vi.stubGlobal('document', { visibilityState: 'hidden' });
		notifyArrival();
		expect(shown).toEqual([]);
	});
});

describe('the icon badge', () => {
	it('shows the unread count where the browser has a badge, and clears at zero', () => {
		const calls: string[] = [];
		vi.stubGlobal('navigator', { setAppBadge: async (n: number) => void calls.push(`set ${n}`), clearAppBadge: async () => void calls.push('clear') });
		showUnreadBadge(3);
		showUnreadBadge(0);
		expect(calls).toEqual(['set 3', 'clear']);
		vi.stubGlobal('navigator', {});
		expect(() => showUnreadBadge(2)).not.toThrow();
	});
});
