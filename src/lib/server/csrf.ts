// Cross-site form submissions, refused as SvelteKit refuses them — except the one-click
// unsubscribe of a notification email. A mail client's RFC 8058 POST
// ("List-Unsubscribe=One-Click") carries no Origin header, and SvelteKit 3 refuses every form
// POST whose Origin is absent or foreign (node_modules/@sveltejs/kit/src/runtime/server/csrf.js,
// is_csrf_forbidden) before any hook runs; its only switch is `csrf.trustedOrigins`, where '*'
// turns the check off everywhere. So vite.config.ts says '*' and this module is the check, the
// same rule (src/hooks.server.ts runs it first) with exactly one path let through.
import { LOCALES } from '#lib/i18n/config';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The content types a <form> can send (SvelteKit's is_form_content_type).
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

/** /{lang}/unsubscribe/{64 hex digits}: the only path a form may be posted to from anywhere. */
const ONE_CLICK = new RegExp(`^/(?:${LOCALES.join('|')})/unsubscribe/[0-9a-f]{64}/?$`);

/** Whether a POST to this path is a one-click unsubscribe (RFC 8058), allowed without an Origin. */
export function isOneClickUnsubscribe(method: string, pathname: string): boolean {
	return method === 'POST' && ONE_CLICK.test(pathname);
}

function isFormContentType(contentType: string | null): boolean {
	if (!contentType) return true;
	const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
	return FORM_TYPES.includes(type);
}

/**
 * True when SvelteKit's rule refuses this request: a form-like write whose Origin is not the
 * app's own — unless it is the one-click unsubscribe.
 */
export function isCrossSiteFormForbidden(request: Request, url: URL): boolean {
	if (!MUTATING.has(request.method)) return false;
	if (!isFormContentType(request.headers.get('content-type'))) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !isOneClickUnsubscribe(request.method, url.pathname);
}
