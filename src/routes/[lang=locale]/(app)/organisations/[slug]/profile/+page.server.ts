import { fail } from '@sveltejs/kit';
import { CONTENT_LOCALES, organisationProfileSchema } from '#lib/schemas/members';
import { parseForm, readForm } from '#lib/server/forms';
import * as admin from '#lib/server/organisationAdmin';
import * as logos from '#lib/server/organisationLogos';
import { fileStorage } from '#lib/server/storage';
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
		const form = await readForm(event.request);
		// Larger than the server takes (BODY_SIZE_LIMIT): only a logo can make it so. Nothing
		// typed could be read, so the page shows the saved profile again.
		if (!form) return fail(413, { errors: { logo: 'validation:logo_too_large' } });
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
		// The logo, if one was chosen, is checked before anything is written.
		const file = form.get('logo');
		const upload = file instanceof File && file.size > 0 ? file : null;
		const bytes = upload && new Uint8Array(await upload.arrayBuffer());
		const logoProblem = bytes && logos.checkLogo(bytes);
		if (logoProblem) return fail(400, { values, errors: { logo: logoProblem } });
		// The database keeps the original's description whenever there is one.
		if (Object.keys(description).length > 0 && !description[data.original_locale]) {
			return fail(400, {
				values,
				errors: { [`description_${data.original_locale}`]: 'validation:required' }
			});
		}
		const previousLogo = access.organisation.logo_path;
		let newLogo: string | null = null;
		if (bytes) {
			try {
				newLogo = await logos.store(fileStorage(), access.organisation.id, bytes);
			} catch (failure) {
				console.error('profile: the logo could not be stored', failure);
				return fail(503, { values, errors: { logo: 'errors:generic' } });
			}
		}
		const removeLogo = !newLogo && form.get('remove_logo') === 'on';
		const outcome = await admin.updateProfile(event.locals.supabase, access.organisation.id, {
			...(newLogo ? { logo_path: newLogo } : removeLogo ? { logo_path: null } : {}),
			name: data.name,
			names,
			description,
			original_locale: data.original_locale,
			languages: [...new Set(data.languages)],
			website: data.website,
			// Only coordinators change the country (the database refuses it for admins).
			...(access.isCoordinator && data.country ? { country: data.country } : {})
		});
		if (!outcome.ok) {
			// Nothing saved: the new file goes again (unless it is the very same image).
			if (newLogo !== previousLogo) await logos.discard(fileStorage(), newLogo);
			return fail(outcome.status, { values, errors: { form: outcome.key } });
		}
		if ((newLogo || removeLogo) && previousLogo !== newLogo) {
			await logos.discard(fileStorage(), previousLogo);
		}
		return { saved: true };
	}
};
