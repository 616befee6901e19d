// Applications to join the network: the public form records one through the secret key
// (public.submit_application is executable by service_role only, after the form's throttle),
// then the coordinators are told by email in their own language; a coordinator's decline is
// emailed to the applicant in theirs. SQL: …_account_console_applications.sql.
import type { Locale } from '#lib/i18n/config';
import type { ApplicationInput } from '#lib/schemas/console';
import { mailLocale, renderEmail } from './mail/account';
import { sendMail } from './mail';
import { secretClient } from './secretClient';

export class ApplicationsUnavailableError extends Error {}

/** Records an application (pending): its id. */
export async function submit(input: ApplicationInput): Promise<string> {
	const admin = secretClient();
	if (!admin) throw new ApplicationsUnavailableError('SUPABASE_SECRET_KEY is not set');
	const { data, error } = await admin.rpc('submit_application', {
		organisation_name: input.organisation_name,
		kind: input.kind,
		country: input.country,
		website: input.website,
		languages: input.languages,
		description: input.description,
		applicant_name: input.applicant_name,
		email: input.email,
		motivation: input.motivation,
		locale: input.locale
	});
	if (error) throw error;
	return data;
}

/**
 * Emails every coordinator about a new application, each in their preferred language, with
 * a link to the console. Returns how many could not be sent (logged; the application stands).
 */
export async function notifyCoordinators(input: ApplicationInput, origin: string): Promise<number> {
	const admin = secretClient();
	if (!admin) return 0;
	const { data: recipients, error } = await admin.rpc('coordinator_recipients');
	if (error) {
		console.error('applications: the coordinators could not be listed', error.message);
		return 1;
	}
	let failed = 0;
	for (const recipient of recipients) {
		const locale = mailLocale(recipient.preferred_locale, 'en');
		const mail = renderEmail(locale, {
			subject: ['console:mail_new_application_subject', { organisation: input.organisation_name }],
			name: recipient.display_name,
			paragraphs: [
				[
					'console:mail_new_application_text',
					{
						organisation: input.organisation_name,
						applicant: input.applicant_name,
						country: input.country
					}
				]
			],
			action: {
				label: 'console:mail_new_application_button',
				url: new URL(`/${locale}/console/applications`, origin).href
			}
		});
		try {
			await sendMail({ to: recipient.email, ...mail });
		} catch (failure) {
			failed += 1;
			console.error('applications: a coordinator could not be notified', failure);
		}
	}
	return failed;
}

/** Tells the applicant, in their language, that their application was declined and why. Throws when SMTP fails. */
export async function sendDeclined(
	application: { email: string; applicant_name: string; organisation_name: string; locale: string },
	reason: string,
	fallback: Locale
): Promise<void> {
	const locale = mailLocale(application.locale, fallback);
	const mail = renderEmail(locale, {
		subject: ['console:mail_declined_subject', { organisation: application.organisation_name }],
		name: application.applicant_name,
		paragraphs: [
			['console:mail_declined_text', { organisation: application.organisation_name }],
			['console:mail_declined_reason', { reason }]
		]
	});
	await sendMail({ to: application.email, ...mail });
}
