import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../database.types';
import { renderOutboxEmail } from './notificationEmail';

/** What the dispatcher needs to send one message (nodemailer's Transporter fits). */
export interface MailTransport {
	sendMail(message: {
		from: string;
		to: string;
		subject: string;
		text: string;
		html: string;
		headers?: Record<string, string>;
	}): Promise<unknown>;
}

export interface DispatchOptions {
	/** The hub's public origin, for links in emails (https://hub.example.org). */
	origin: string;
	/** The From header. */
	from: string;
	batchSize?: number;
}

export interface DispatchResult {
	sent: number;
	failed: number;
	/** Digests queued by this run (public.queue_due_digests). */
	digests: number;
}

/** Minutes to wait before the next attempt after the n-th failed one (1, 2, 4 … 60). */
export function retryDelayMinutes(attempts: number): number {
	return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends what the outbox holds: first queues the digests that are due (public.queue_due_digests:
 * one per person and period, safe with several dispatchers), then claims a batch
 * (public.claim_notifications: `for update skip locked` and a lease, so two dispatchers never
 * send the same email, and one that dies leaves its rows to the next), renders each email in its
 * recipient's language with its one-click unsubscribe (RFC 8058 headers), sends it and marks it
 * sent, or records the error for a later retry. Needs the secret-key client (the outbox is
 * service_role only). Throws only when the outbox itself cannot be read; a failed email never
 * stops the others.
 */
export async function dispatchOutbox(
	admin: SupabaseClient<Database>,
	transport: MailTransport,
	options: DispatchOptions
): Promise<DispatchResult> {
	const result: DispatchResult = { sent: 0, failed: 0, digests: 0 };
	const queued = await admin.rpc('queue_due_digests', {});
	if (queued.error) throw queued.error;
	result.digests = queued.data;
	const { data: rows, error } = await admin.rpc('claim_notifications', {
		batch_size: options.batchSize ?? 20
	});
	if (error) throw error;
	for (const row of rows ?? []) {
		try {
			const email = renderOutboxEmail(row, options.origin);
			// Nothing left to say (a digest whose notifications were deleted): done, unsent.
			if (email) {
				if (!row.email) throw new Error('the recipient has no email address');
				const { unsubscribeUrl, ...message } = email;
				await transport.sendMail({
					from: options.from,
					to: row.email,
					...message,
					headers: unsubscribeUrl
						? {
								'List-Unsubscribe': `<${unsubscribeUrl}>`,
								'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
							}
						: undefined
				});
			}
			const { error: markError } = await admin
				.from('notification_outbox')
				.update({ sent_at: new Date().toISOString(), last_error: null })
				.eq('id', row.id);
			// Sent but not marked: the lease expires and it is sent again (at least once).
			if (markError) throw markError;
			if (email) result.sent += 1;
		} catch (failure) {
			result.failed += 1;
			const message = failure instanceof Error ? failure.message : String(failure);
			const retryAt = new Date(Date.now() + retryDelayMinutes(row.attempts) * 60_000);
			const { error: recordError } = await admin
				.from('notification_outbox')
				.update({ last_error: message.slice(0, 2000), next_attempt_at: retryAt.toISOString() })
				.eq('id', row.id);
			if (recordError) console.error('outbox: could not record a failed email', recordError);
		}
	}
	return result;
}
