import { translationFiles } from '#lib/server/translations';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, route }) => {
	const { user, locale } = locals;
	const metadata = (user?.user_metadata ?? {}) as { display_name?: unknown };
	return {
		locale,
		// Where the page's translations are (a few addresses, not the texts).
		translations: translationFiles(locale, route.id),
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
