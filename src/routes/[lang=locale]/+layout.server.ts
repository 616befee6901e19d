import { resourcesFor } from '#lib/i18n/resources';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const { user, locale } = locals;
	const metadata = (user?.user_metadata ?? {}) as { display_name?: unknown };
	return {
		locale,
		// The page's language only: the browser starts with exactly what the server rendered.
		resources: resourcesFor(locale),
		user: user
			? {
					email: user.email ?? '',
					name:
						typeof metadata.display_name === 'string' && metadata.display_name
							? metadata.display_name
							: (user.email ?? '').split('@')[0] || '?'
				}
			: null
	};
};
