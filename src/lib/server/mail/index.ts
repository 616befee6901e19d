// The hub's email: the notification outbox dispatcher with an SMTP transport. The outbox is
// readable by service_role only, so the dispatcher uses the secret-key client
// (../secretClient.ts), which never leaves the server.
import nodemailer from 'nodemailer';
import * as env from '$app/env/private';
import { repeat } from '../periodic';
import { secretClient } from '../secretClient';
import { dispatchOutbox, type DispatchResult, type MailTransport } from './outbox';

/** The local stack's maildev SMTP (scripts/stack/config.mjs) unless SMTP_HOST/SMTP_PORT say otherwise. */
const DEFAULT_SMTP_PORT = 54325;

let transport: MailTransport | undefined;
let warned = false;

function smtpTransport(): MailTransport {
	transport ??= nodemailer.createTransport({
		host: env.SMTP_HOST || '127.0.0.1',
		port: Number(env.SMTP_PORT || DEFAULT_SMTP_PORT),
		// STARTTLS when the server offers it; SMTP_SECURE=true for implicit TLS (port 465).
		secure: env.SMTP_SECURE === 'true',
		auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
		// An SMTP server that accepts and then says nothing must not hold the dispatcher (and a
		// person's form waiting on sendMail) for nodemailer's defaults (up to ten minutes): the
		// email stays in the outbox and is retried, well inside its five-minute lease.
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000
	});
	return transport;
}

/** The From header of every email of the hub (MAIL_FROM). */
export function mailFrom(): string {
	return env.MAIL_FROM || 'DCI Network Hub <no-reply@localhost>';
}

/** One email to send now (see ./account.ts to render one in the recipient's language). */
export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html: string;
}

/**
 * Sends one email now over the same SMTP transport as the outbox, and throws when the SMTP
 * server refuses it or cannot be reached: a flow that must not go on without its email
 * (an invitation, a sign-in link) catches that and rolls back or says so.
 */
export async function sendMail(message: OutgoingMail): Promise<void> {
	await smtpTransport().sendMail({ from: mailFrom(), ...message });
}

/**
 * Sends the emails waiting in the outbox. Never throws: an email that cannot go now is
 * retried by the next call or the timer, and the person's action has already succeeded.
 */
export async function sendPendingEmails(origin?: string): Promise<DispatchResult | null> {
	const client = secretClient();
	if (!client) {
		if (!warned) {
			console.warn('mail: SUPABASE_SECRET_KEY is not set; notification emails stay in the outbox');
			warned = true;
		}
		return null;
	}
	try {
		return await dispatchOutbox(client, smtpTransport(), {
			origin: env.ORIGIN || origin || 'http://localhost:3000',
			from: mailFrom()
		});
	} catch (failure) {
		console.error('mail: the outbox could not be dispatched', failure);
		return null;
	}
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Dispatches the outbox every MAIL_DISPATCH_INTERVAL_SECONDS (default 60; 0 turns it off). */
export function startOutboxTimer(): void {
	timer ??= repeat(sendPendingEmails, Number(env.MAIL_DISPATCH_INTERVAL_SECONDS || 60));
}
