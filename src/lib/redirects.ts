import type { Locale } from './i18n/config';

const BASE = 'http://hub.invalid';

/** A path a browser reads as this site's: one slash, then neither a slash nor a backslash. */
const SITE_PATH = /^\/(?![/\\])/;

/**
 * Where to go after signing in: only a path on this site. Anything else — another origin,
 * a protocol-relative `//host`, a backslash trick, a control character — goes to the
 * locale's home instead.
 *
 * Both the raw value and the URL parser's result are checked: the parser resolves dot
 * segments, so `/.//evil`, `/%2e//evil` and `/a/..//evil` all come out as the path
 * `//evil`, which a browser reads as another host (issue 11, finding 1). It also drops
 * tabs and newlines (https://url.spec.whatwg.org/#concept-basic-url-parser), so those
 * are refused before parsing rather than silently removed.
 */
export function safeRedirectPath(next: string | null | undefined, locale: Locale): string {
	const home = `/${locale}`;
	if (!next || !SITE_PATH.test(next) || /[\\\p{Cc}]/u.test(next)) return home;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return home;
	}
	const target = url.pathname + url.search + url.hash;
	if (url.origin !== BASE || !SITE_PATH.test(target)) return home;
	// The target, parsed again as the browser will, must still be this site and unchanged.
	const again = new URL(target, BASE);
	if (again.origin !== BASE || again.pathname + again.search + again.hash !== target) return home;
	return target;
}

/**
 * The sign-in page with a return path (checked by safeRedirectPath, then encoded): the one
 * way pages send a signed-out person to sign in and back.
 */
export function signInPath(locale: Locale, next: string, reason?: 'protected'): string {
	const query = new URLSearchParams({ next: safeRedirectPath(next, locale) });
	if (reason) query.set('reason', reason);
	return `/${locale}/sign-in?${query.toString().replaceAll('+', '%20')}`;
}
