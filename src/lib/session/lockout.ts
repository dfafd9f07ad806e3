import { m } from '../paraglide/messages.js';

/**
 * Wrong-PIN lockout for shared devices: a few free tries, then a delay that grows with every failure
 * (the fifth wrong PIN in a row locks the profile for 20 minutes, each later one doubles it).
 */
export interface LockoutState {
	failures: number;
	lockedUntil: number;
}

const FREE_TRIES = 2;
const MINUTE = 60_000;
const DELAYS_MS = [30_000, 2 * MINUTE, 20 * MINUTE];
const MAX_DELAY_MS = 24 * 60 * MINUTE;

export function lockoutDelayMs(failures: number): number {
	if (failures <= FREE_TRIES) return 0;
	const step = failures - FREE_TRIES - 1;
	if (step < DELAYS_MS.length) return DELAYS_MS[step];
	return Math.min(DELAYS_MS[DELAYS_MS.length - 1] * 2 ** (step - DELAYS_MS.length + 1), MAX_DELAY_MS);
}

export function remainingLockMs(state: LockoutState, now: number): number {
	return Math.max(0, state.lockedUntil - now);
}

export function afterFailure(state: LockoutState, now: number): LockoutState {
	const failures = state.failures + 1;
	return { failures, lockedUntil: now + lockoutDelayMs(failures) };
}

export const afterSuccess = (): LockoutState => ({ failures: 0, lockedUntil: 0 });

export function describeWait(ms: number): string {
	const minutes = Math.ceil(ms / MINUTE);
	const seconds = Math.ceil(ms / 1000);
	return ms < MINUTE ? m.session_wait_seconds({ count: seconds }) : m.session_wait_minutes({ count: minutes });
}
