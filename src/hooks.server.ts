import type { RequestEvent } from '@sveltejs/kit';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/env';
import * as env from '$app/env/private';
import { sequence } from '@sveltejs/kit/hooks';
import { redirect } from '@sveltejs/kit';
import { createI18n } from '#lib/i18n';
import {
	DEFAULT_LOCALE,
	directionOf,
	isLocale,
	LOCALE_COOKIE,
	negotiateLocale
} from '#lib/i18n/config';
import { resourcesFor } from '#lib/i18n/resources';
import { signInPath } from '#lib/redirects';
import { verifiedUser } from '#lib/server/auth';
import { isUnavailable } from '#lib/server/errors';
import { HEALTH_PATHS, healthResponse } from '#lib/server/health';
import { log, requestIdFrom, startLog, withRequestId } from '#lib/server/log';
import { startOutboxTimer } from '#lib/server/mail';
import { startReminderTimer } from '#lib/server/notifications';
import { isCrossSiteFormForbidden } from '#lib/server/csrf';
import { SummaryCarrier } from '#lib/server/readerSummary';
import { formatRecordElement, withFormatRecord } from '#lib/server/servedFormats';
import { createRequestClient, hasAuthCookie, isLocalOrigin } from '#lib/server/supabase';

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Whether SvelteKit can percent-decode the path (`/%E0%A4%A` cannot). */
function decodablePath(pathname: string): boolean {
	try {
		decodeURI(pathname);
		return true;
	} catch {
		return false;
	}
}

/**
 * Locale from the path; paths without one go to the remembered or negotiated locale.
 * A path that cannot be decoded is never redirected: SvelteKit runs the hooks for it
 * outside its own error handling, where a thrown redirect ended the whole server process
 * (issue 11). It goes on to SvelteKit's 400 page, in the reader's language.
 */
const locale: Handle = async ({ event, resolve }) => {
	const first = event.url.pathname.split('/')[1];
	const remembered = event.cookies.get(LOCALE_COOKIE);

	if (!isLocale(first)) {
		if (
			event.route.id === null &&
			(event.request.method === 'GET' || event.request.method === 'HEAD') &&
			decodablePath(event.url.pathname)
		) {
			const target =
				(isLocale(remembered) && remembered) ||
				negotiateLocale(event.request.headers.get('accept-language')) ||
				DEFAULT_LOCALE;
			const path = event.url.pathname === '/' ? '' : event.url.pathname;
			// A response rather than a thrown redirect: nothing thrown from a hook can escape.
			return new Response(null, {
				status: 303,
				headers: {
					location: `/${target}${path}${event.url.search}`,
					vary: 'Accept-Language, Cookie'
				}
			});
		}
		event.locals.locale = isLocale(remembered)
			? remembered
			: (negotiateLocale(event.request.headers.get('accept-language')) ?? DEFAULT_LOCALE);
	} else {
		event.locals.locale = first;
		// Visiting a language remembers it as the person's choice for the bare `/`. Not from a
		// calendar feed: calendar apps keep no cookies, and a feed that sets none can be kept by
		// a shared cache (eventCalendar.ts, PUBLIC_FEED_CACHE).
		if (remembered !== first && !event.url.pathname.endsWith('.ics')) {
			event.cookies.set(LOCALE_COOKIE, first, {
				path: '/',
				maxAge: ONE_YEAR,
				httpOnly: true,
				sameSite: 'lax',
				secure: !isLocalOrigin(event.url)
			});
		}
	}
	// The request's own i18next instance, made when something on the server first translates
	// (an error, a feed, a mail): most pages never do, and making one costs more than the rest of
	// this handle.
	const language = event.locals.locale;
	let i18n: App.Locals['i18n'] | undefined;
	Object.defineProperty(event.locals, 'i18n', {
		get: () => (i18n ??= createI18n(language, resourcesFor(language))),
		enumerable: true
	});

	// The page's language and writing direction (right to left for Arabic), before any script,
	// and what it formatted (#lib/server/servedFormats), first in its body.
	return withFormatRecord(() =>
		resolve(event, {
			transformPageChunk: ({ html }) => withLanguage(html, language, formatRecordElement())
		})
	);
};

/**
 * src/app.html's `<html lang="%hub.lang%" dir="%hub.dir%">` filled in, and `served` placed right
 * after the `<body>` tag. Only that tag is rewritten and the rest joined on unchanged: two
 * replaces over the whole page copied it twice (a month of events at 100k items is 72 KB:
 * 0.1-0.2 ms a page).
 */
function withLanguage(html: string, language: string, served: string): string {
	const htmlTag = html.indexOf('<html');
	// A later chunk of a streamed page: its first one had both tags.
	if (htmlTag === -1) return html;
	const htmlEnd = html.indexOf('>', htmlTag) + 1;
	const start = html
		.slice(0, htmlEnd)
		.replace('%hub.lang%', language)
		.replace('%hub.dir%', directionOf(language));
	const bodyTag = served ? html.indexOf('<body', htmlEnd) : -1;
	if (bodyTag === -1) return start + html.slice(htmlEnd);
	const bodyEnd = html.indexOf('>', bodyTag) + 1;
	return start + html.slice(htmlEnd, bodyEnd) + served + html.slice(bodyEnd);
}

/** How long a person or a client is asked to wait when a service the hub needs is down. */
const RETRY_AFTER_SECONDS = '5';

/** The translated "temporarily unavailable" page, for an outage met before a page could render. */
function unavailablePage(event: RequestEvent): Response {
	const language = event.locals.locale ?? DEFAULT_LOCALE;
	const message = event.locals.i18n?.t('errors:unavailable') ?? 'Temporarily unavailable';
	const escape = (text: string) =>
		text.replace(
			/[&<>"]/g,
			(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c
		);
	return new Response(
		`<!doctype html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8">` +
			`<meta name="viewport" content="width=device-width, initial-scale=1"><title>503 · DCI Network Hub</title></head>` +
			`<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">` +
			`<h1>503</h1><p>${escape(message)}</p><p><small>${escape(event.locals.requestId)}</small></p></body></html>`,
		{
			status: 503,
			headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
		}
	);
}

/**
 * Every request gets an id (the reverse proxy's `x-request-id` when it sends a sane one): every
 * log line written while it is served carries it (#lib/server/log), the answer names it in
 * `x-request-id`, and an error page shows it. One line per request when it is answered: the
 * route (never the path, which may hold a token), the status and the time taken.
 */
const requestContext: Handle = async ({ event, resolve }) => {
	const requestId = requestIdFrom(event.request.headers);
	event.locals.requestId = requestId;
	return withRequestId(requestId, async () => {
		const started = performance.now();
		let status = 500;
		try {
			let response: Response;
			try {
				response = await resolve(event);
			} catch (caught) {
				// Thrown before any page could render it (the session's check in `supabase`).
				if (!isUnavailable(caught)) throw caught;
				log.warn('a service is unavailable', { route: event.route.id, err: caught });
				response = unavailablePage(event);
			}
			if (response.status === 500 && event.locals.unavailable) {
				response = new Response(response.body, {
					status: 503,
					statusText: 'Service Unavailable',
					headers: response.headers
				});
			}
			status = response.status;
			try {
				if (status === 503) response.headers.set('retry-after', RETRY_AFTER_SECONDS);
				response.headers.set('x-request-id', requestId);
			} catch {
				// Immutable headers (a proxied fetch response): the log still has the id.
			}
			return response;
		} finally {
			log.info('request', {
				method: event.request.method,
				route: event.route.id,
				status,
				ms: Math.round(performance.now() - started)
			});
		}
	});
};

/** `/healthz` and `/readyz` (#lib/server/health): before the language, the session and the cache rules. */
const health: Handle = async ({ event, resolve }) => {
	const { method } = event.request;
	if (HEALTH_PATHS.has(event.url.pathname) && (method === 'GET' || method === 'HEAD')) {
		return healthResponse(event.url.pathname);
	}
	return resolve(event);
};

/** The request-scoped Supabase client and the verified user. */
const supabase: Handle = async ({ event, resolve }) => {
	event.locals.summary = new SummaryCarrier();
	event.locals.supabase = createRequestClient(
		event.url,
		event.cookies,
		event.setHeaders,
		event.locals.summary.fetch
	);
	event.locals.user = null;
	// Anonymous readers carry no session: nothing to verify.
	if (hasAuthCookie(event.cookies)) event.locals.user = await verifiedUser(event.locals.supabase);
	return resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
};

/**
 * Every page, file and form action under `(app)` needs a verified user: others go to sign-in
 * and come back (a page to itself with its query; a form to the page it was sent from). One
 * rule for loads and actions alike; `requireUser()` (#lib/server/auth) covers the sign-in-only
 * actions of public pages. The route matched, so the path decoded: a thrown redirect is safe
 * here and SvelteKit answers it as a page, data or form-action request expects.
 */
const authGuard: Handle = async ({ event, resolve }) => {
	if (!event.locals.user && event.route.id?.startsWith('/[lang=locale]/(app)/')) {
		const { locals, url, request } = event;
		const reading = request.method === 'GET' || request.method === 'HEAD';
		redirect(
			303,
			reading
				? signInPath(locals.locale, url.pathname + url.search, 'protected')
				: signInPath(locals.locale, url.pathname)
		);
	}
	return resolve(event);
};

/**
 * Anonymous pages, as a shared cache (a CDN or reverse proxy in front of several app servers)
 * may keep them: fresh for a minute, then served stale for up to five more while one request
 * fetches the new version; browsers revalidate every time (max-age=0) with the ETag, so a
 * person who signs in never sees a page kept from before. README "Caching" says more.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/**
 * Whether a shared cache may keep this response: a successful GET/HEAD page (HTML or its
 * `__data.json`) for a request without a session cookie, that sets no cookie and chose no
 * cache policy of its own (personal and secret-token pages say `private, no-store`).
 */
function publicCacheable(event: RequestEvent, response: Response): boolean {
	const type = response.headers.get('content-type') ?? '';
	return (
		(event.request.method === 'GET' || event.request.method === 'HEAD') &&
		response.status === 200 &&
		!event.locals.user &&
		!hasAuthCookie(event.cookies) &&
		!response.headers.has('cache-control') &&
		response.headers.getSetCookie().length === 0 &&
		(type.startsWith('text/html') || type.startsWith('application/json'))
	);
}

/** Headers that kit.csp does not set, and who may cache the answer. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
		'cross-origin-opener-policy': 'same-origin'
	};
	if (event.locals.user) {
		headers['cache-control'] = 'private, no-store';
		// SvelteKit tags every page; a signed-in page is never revalidated from a cache.
		try {
			response.headers.delete('etag');
		} catch {
			// Immutable headers: see below.
		}
	} else if (publicCacheable(event, response)) {
		headers['cache-control'] = PUBLIC_CACHE_CONTROL;
		// A cache that keys on the URL alone must not give this page to a signed-in reader.
		response.headers.append('vary', 'Cookie');
	}
	for (const [name, value] of Object.entries(headers)) {
		try {
			response.headers.set(name, value);
		} catch {
			// Immutable headers (a proxied fetch response): leave as they are.
		}
	}
	return response;
};

/** When the server starts: the notification outbox is sent, and reminders written, on timers as well. */
export const init: ServerInit = () => {
	if (building) return;
	startLog({ level: env.LOG_LEVEL, format: env.LOG_FORMAT ?? (dev ? 'text' : 'json') });
	startOutboxTimer();
	startReminderTimer();
};

/**
 * SvelteKit's cross-site form check, with the one-click unsubscribe let through
 * (#lib/server/csrf; vite.config.ts turns SvelteKit's own check off for this). As SvelteKit's,
 * not in development.
 */
const csrf: Handle = async ({ event, resolve }) => {
	if (!dev && isCrossSiteFormForbidden(event.request, event.url)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		return event.request.headers.get('accept') === 'application/json'
			? Response.json({ message }, { status: 403 })
			: new Response(message, { status: 403, headers: { 'content-type': 'text/plain' } });
	}
	return resolve(event);
};

export const handle = sequence(
	requestContext,
	csrf,
	health,
	locale,
	supabase,
	authGuard,
	securityHeaders
);

/**
 * Every error SvelteKit catches. The hub's own (`error(404, …)`) already carry a translated
 * message and keep it; SvelteKit's 404 and 400 (an address it cannot decode: the visitor's
 * mistake, not ours) get the reader's words; anything else is logged with an id and shown as
 * a translated generic message.
 */
export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'app') return;
	const { event } = caught;
	const status = caught.kind === 'unknown' ? 500 : caught.error.status;
	if (status === 404) {
		return { message: event.locals.i18n?.t('errors:not_found') ?? 'Not found' };
	}
	if (status === 400) {
		return { message: event.locals.i18n?.t('errors:bad_request') ?? 'Bad request' };
	}
	if (status === 413) {
		// A body over BODY_SIZE_LIMIT on a form that does not expect files (readForm handles those).
		return { message: event.locals.i18n?.t('errors:too_large') ?? 'Payload too large' };
	}
	// The request's id: the line logged here, the request's other lines and the page agree.
	const errorId = event.locals.requestId ?? crypto.randomUUID();
	if (isUnavailable(caught.error)) {
		// A service we depend on is down: 503 with Retry-After (requestContext), never a 500.
		event.locals.unavailable = true;
		log.warn('a service is unavailable', { route: event.route.id, err: caught.error });
		return { message: event.locals.i18n?.t('errors:unavailable') ?? 'Unavailable', errorId };
	}
	log.error('unexpected error', {
		method: event.request.method,
		route: event.route.id,
		status,
		err: caught.error
	});
	return { message: event.locals.i18n?.t('errors:generic') ?? 'Internal error', errorId };
};
