import type { Locale } from './i18n/config';

/**
 * Where to go after signing in: only a path on this site. Anything else — another origin,
 * a protocol-relative `//host`, a backslash trick — goes to the locale's home instead.
 */
export function safeRedirectPath(next: string | null | undefined, locale: Locale): string {
	const home = `/${locale}`;
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home;
	try {
		const base = 'http://hub.invalid';
		const url = new URL(next, base);
		if (url.origin !== base) return home;
		return url.pathname + url.search + url.hash;
	} catch {
		return home;
	}
}
