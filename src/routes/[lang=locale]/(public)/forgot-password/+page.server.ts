// Forgotten password: emails a reset link (the hub's own email, via Auth's admin API) to the
// address if it has an account, and answers the same after the same time either way. The
// link opens the confirm page, then the set-password page.
import { sendRecoveryEmail } from '#lib/server/authEmails';
import { sendToAccount } from '#lib/server/authForms';
import { publicOrigin } from '#lib/server/authLinks';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const { locals, url } = event;
		const outcome = await sendToAccount(event, 'password_reset', (email) =>
			sendRecoveryEmail({ email, locale: locals.locale, origin: publicOrigin(url) })
		);
		return outcome.sent ? { sent: outcome.email } : outcome.failure;
	}
};
