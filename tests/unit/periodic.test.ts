// The app server's background jobs (outbox dispatch, reminders): src/lib/server/periodic.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repeat } from '../../src/lib/server/periodic';

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('repeat', () => {
	it('runs the job every interval, and never twice at once', async () => {
		let finish: () => void = () => {};
		const job = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
		const timer = repeat(job, 10);
		expect(timer).toBeDefined();

		await vi.advanceTimersByTimeAsync(10_000);
		expect(job).toHaveBeenCalledTimes(1);
		// Still running when the next two are due: not started again.
		await vi.advanceTimersByTimeAsync(20_000);
		expect(job).toHaveBeenCalledTimes(1);
		finish();
		await vi.advanceTimersByTimeAsync(10_000);
		expect(job).toHaveBeenCalledTimes(2);
		clearInterval(timer);
	});

	it('logs a job that failed and runs it again', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const job = vi.fn(() => Promise.reject(new Error('database down')));
		const timer = repeat(job, 5);
		await vi.advanceTimersByTimeAsync(15_000);
		expect(job).toHaveBeenCalledTimes(3);
		expect(logged).toHaveBeenCalledTimes(3);
		expect(String(logged.mock.calls[0]![1])).toContain('database down');
		clearInterval(timer);
		logged.mockRestore();
	});

	it('is off for 0, a negative or a non-number interval', () => {
		for (const seconds of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(repeat(async () => {}, seconds)).toBeUndefined();
		}
	});

	it('does not keep the process alive', () => {
		vi.useRealTimers();
		const timer = repeat(async () => {}, 60)!;
		expect(timer.hasRef()).toBe(false);
		clearInterval(timer);
	});
});
