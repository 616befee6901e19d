/**
 * A background job of the app server, run every `seconds` (0, a negative or a non-number turns
 * it off): a run still going when the next is due is not doubled, a run that fails is logged
 * and the next one runs, and the timer never keeps the process alive on shutdown. The outbox
 * dispatch and the reminders use it (`startOutboxTimer`, `startReminderTimer`).
 */
export function repeat(
	job: () => Promise<unknown>,
	seconds: number
): ReturnType<typeof setInterval> | undefined {
	if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		void job()
			.catch((failure: unknown) => console.error('a background job failed', failure))
			.finally(() => {
				running = false;
			});
	}, seconds * 1000);
	timer.unref();
	return timer;
}
