/**
 * Telling the person a message arrived: the app icon's badge where the browser has one, and, when the
 * page is hidden and they allowed it, a notification that says only that a message arrived — never its
 * text nor which clinic (its kind could say what the person is treated for).
 */
import { m } from '../paraglide/messages.js';

type BadgeNavigator = Navigator & { setAppBadge?(count?: number): Promise<void>; clearAppBadge?(): Promise<void> };

export function showUnreadBadge(count: number): void {
	const nav = navigator as BadgeNavigator;
	const done = count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.();
	void done?.catch(() => undefined); // not allowed here (no installed app): the in-app counts remain
}

export const canNotify = () => typeof Notification !== 'undefined';

export function notifyArrival(): void {
	if (!canNotify() || Notification.permission !== 'granted' || document.visibilityState !== 'hidden') return;
	new Notification(m.messaging_notification(), { tag: 'healthsync-message' });
}

/** Asks once, on the person's tap: true when notifications are allowed. */
export async function allowNotifications(): Promise<boolean> {
	return canNotify() && (await Notification.requestPermission()) === 'granted';
}
