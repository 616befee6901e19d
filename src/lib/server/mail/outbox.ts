import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../database.types';
import { renderRegistrationEmail } from './render';

/** What the dispatcher needs to send one message (nodemailer's Transporter fits). */
export interface MailTransport {
	sendMail(message: {
		from: string;
		to: string;
		subject: string;
		text: string;
		html: string;
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
}

/** Minutes to wait before the next attempt after the n-th failed one (1, 2, 4 … 60). */
export function retryDelayMinutes(attempts: number): number {
	return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends what the outbox holds: claims a batch (public.claim_notifications leases each row,
 * so two dispatchers never send the same email), renders each email in its recipient's
 * language, sends it, and marks it sent, or records the error for a later retry. Needs
 * the secret-key client (the outbox is service_role only). Throws only when the outbox
 * itself cannot be read; a failed email never stops the others.
 */
export async function dispatchOutbox(
	admin: SupabaseClient<Database>,
	transport: MailTransport,
	options: DispatchOptions
): Promise<DispatchResult> {
	const result: DispatchResult = { sent: 0, failed: 0 };
	const { data: rows, error } = await admin.rpc('claim_notifications', {
		batch_size: options.batchSize ?? 20
	});
	if (error) throw error;
	for (const row of rows ?? []) {
		try {
			if (!row.email || !row.event_id || !row.starts_at || !row.ends_at || !row.time_zone) {
				throw new Error('the recipient has no email address or the event is gone');
			}
			const email = renderRegistrationEmail(
				{
					kind: row.kind,
					locale: row.preferred_locale,
					displayName: row.display_name,
					eventId: row.event_id,
					titles: row.titles,
					originalLocale: row.original_locale ?? 'en',
					startsAt: row.starts_at,
					endsAt: row.ends_at,
					timeZone: row.time_zone
				},
				options.origin
			);
			await transport.sendMail({ from: options.from, to: row.email, ...email });
			const { error: markError } = await admin
				.from('notification_outbox')
				.update({ sent_at: new Date().toISOString(), last_error: null })
				.eq('id', row.id);
			// Sent but not marked: the lease expires and it is sent again (at least once).
			if (markError) throw markError;
			result.sent += 1;
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
