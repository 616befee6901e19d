import { fail } from '@sveltejs/kit';
import { CONTENT_LOCALES, organisationProfileSchema } from '#lib/schemas/members';
import { parseForm } from '#lib/server/forms';
import * as admin from '#lib/server/organisationAdmin';
import { managed, managedForAction } from '../manage';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisation, isAdmin, isCoordinator } = await managed(event);
	return { organisation, isAdmin, isCoordinator };
};

/** Every text field of the form, as typed (echoed back on a refusal). */
function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of ['name', 'original_locale', 'languages', 'website', 'country']) {
		values[key] = String(form.get(key) ?? '').slice(0, 300);
	}
	for (const locale of CONTENT_LOCALES) {
		values[`name_${locale}`] = String(form.get(`name_${locale}`) ?? '').slice(0, 300);
		values[`description_${locale}`] = String(form.get(`description_${locale}`) ?? '').slice(
			0,
			6000
		);
	}
	return values;
}

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = formValues(form);
		const access = await managedForAction(event);
		if (!access.ok) return fail(403, { values, errors: { form: 'errors:forbidden' } });
		const parsed = parseForm(organisationProfileSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		const data = parsed.data;
		const names: Record<string, string> = {};
		const description: Record<string, string> = {};
		for (const locale of CONTENT_LOCALES) {
			const name = data[`name_${locale}`];
			const text = data[`description_${locale}`];
			if (name && locale !== data.original_locale) names[locale] = name;
			if (text) description[locale] = text;
		}
		// The database keeps the original's description whenever there is one.
		if (Object.keys(description).length > 0 && !description[data.original_locale]) {
			return fail(400, {
				values,
				errors: { [`description_${data.original_locale}`]: 'validation:required' }
			});
		}
		const outcome = await admin.updateProfile(event.locals.supabase, access.organisation.id, {
			name: data.name,
			names,
			description,
			original_locale: data.original_locale,
			languages: [...new Set(data.languages)],
			website: data.website,
			// Only coordinators change the country (the database refuses it for admins).
			...(access.isCoordinator && data.country ? { country: data.country } : {})
		});
		if (!outcome.ok) return fail(outcome.status, { values, errors: { form: outcome.key } });
		return { saved: true };
	}
};
