import { NO_SUMMARY, readerSummary } from '#lib/server/readerSummary';
import { translationFiles } from '#lib/server/translations';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, route }) => {
	const { user, locale, supabase, summary } = locals;
	const metadata = (user?.user_metadata ?? {}) as { display_name?: unknown };
	// The bell's number (in the HTML itself: it works without JavaScript) and whether the lists
	// offer "new". SvelteKit runs this load and the page's own at the same time: they come with
	// the page's first request to the database when it sends one, else in one request of their
	// own (docs/benchmarks.md, "The bell" and issue 14).
	const reader = user ? await readerSummary(supabase, summary) : NO_SUMMARY;
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
			: null,
		...reader
	};
};
