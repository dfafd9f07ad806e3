import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, describeWait, lockoutDelayMs, remainingLockMs, type LockoutState } from '$lib/session/lockout';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('lockoutDelayMs', () => {
	it('gives two free tries', () => {
		expect(lockoutDelayMs(0)).toBe(0);
		expect(lockoutDelayMs(1)).toBe(0);
		expect(lockoutDelayMs(2)).toBe(0);
	});

	it('then waits 30 s, 2 min and 20 min at the fifth failure', () => {
		expect(lockoutDelayMs(3)).toBe(30 * SECOND);
		expect(lockoutDelayMs(4)).toBe(2 * MINUTE);
		expect(lockoutDelayMs(5)).toBe(20 * MINUTE);
	});

	it('doubles after that', () => {
		expect(lockoutDelayMs(6)).toBe(40 * MINUTE);
		expect(lockoutDelayMs(7)).toBe(80 * MINUTE);
		expect(lockoutDelayMs(8)).toBe(160 * MINUTE);
		expect(lockoutDelayMs(11)).toBe(1280 * MINUTE);
	});

	it('is capped at 24 hours', () => {
		expect(lockoutDelayMs(12)).toBe(24 * HOUR);
		expect(lockoutDelayMs(13)).toBe(24 * HOUR);
		expect(lockoutDelayMs(100)).toBe(24 * HOUR);
		expect(lockoutDelayMs(10_000)).toBe(24 * HOUR);
	});

	it('never decreases as failures grow', () => {
		let last = 0;
		for (let n = 0; n <= 40; n++) {
			const delay = lockoutDelayMs(n);
			expect(delay).toBeGreaterThanOrEqual(last);
			last = delay;
		}
		expect(last).toBe(24 * HOUR);
	});
});

describe('afterFailure / afterSuccess / remainingLockMs', () => {
	it('counts failures and locks from the moment of the failure', () => {
		const now = 1_000_000;
		let state: LockoutState = afterSuccess();
		expect(state).toEqual({ failures: 0, lockedUntil: 0 });
		state = afterFailure(state, now);
		expect(state).toEqual({ failures: 1, lockedUntil: now });
		state = afterFailure(state, now + 1);
		expect(state).toEqual({ failures: 2, lockedUntil: now + 1 });
		expect(remainingLockMs(state, now + 1)).toBe(0);
		state = afterFailure(state, now + 2);
		expect(state).toEqual({ failures: 3, lockedUntil: now + 2 + 30 * SECOND });
		expect(remainingLockMs(state, now + 2)).toBe(30 * SECOND);
		expect(remainingLockMs(state, now + 2 + 10 * SECOND)).toBe(20 * SECOND);
		expect(remainingLockMs(state, now + 2 + 30 * SECOND)).toBe(0);
		expect(remainingLockMs(state, now + HOUR)).toBe(0);
	});

	it('reaches 20 minutes at the fifth failure in a row', () => {
		let state = afterSuccess();
		let now = 0;
		for (let i = 0; i < 5; i++) {
			now = Math.max(now, state.lockedUntil) + 1;
			state = afterFailure(state, now);
		}
		expect(state.failures).toBe(5);
		expect(remainingLockMs(state, now)).toBe(20 * MINUTE);
	});

	it('does not mutate the state it is given', () => {
		const state = { failures: 4, lockedUntil: 5 };
		const next = afterFailure(state, 10);
		expect(state).toEqual({ failures: 4, lockedUntil: 5 });
		expect(next).toEqual({ failures: 5, lockedUntil: 10 + 20 * MINUTE });
	});

	it('resets on success', () => {
		const locked = afterFailure({ failures: 9, lockedUntil: 0 }, 0);
		expect(locked.failures).toBe(10);
		expect(remainingLockMs(locked, 0)).toBe(640 * MINUTE);
		const reset = afterSuccess();
		expect(reset).toEqual({ failures: 0, lockedUntil: 0 });
		expect(remainingLockMs(reset, 0)).toBe(0);
		expect(afterFailure(reset, 50)).toEqual({ failures: 1, lockedUntil: 50 });
		// a fresh object every time, so callers cannot share and mutate it
		expect(afterSuccess()).not.toBe(afterSuccess());
	});
});

describe('describeWait', () => {
	it('speaks in seconds under a minute, rounding up', () => {
		expect(describeWait(30 * SECOND)).toBe('30 seconds');
		expect(describeWait(29_001)).toBe('30 seconds');
		expect(describeWait(59_999)).toBe('60 seconds');
		expect(describeWait(1_500)).toBe('2 seconds');
	});

	it('speaks in minutes from one minute, rounding up', () => {
		expect(describeWait(MINUTE)).toBe('1 minute');
		expect(describeWait(MINUTE + 1)).toBe('2 minutes');
		expect(describeWait(2 * MINUTE)).toBe('2 minutes');
		expect(describeWait(20 * MINUTE)).toBe('20 minutes');
		expect(describeWait(24 * HOUR)).toBe('1440 minutes');
	});
});
