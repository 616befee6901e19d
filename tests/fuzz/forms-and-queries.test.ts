// Property-based fuzz of the built app (issue 18, "Bad input"): every form action and the
// query parameters of every page, as an anonymous visitor and as a member, with fast-check.
// For each generated request: no 5xx, no stack trace, an HTML answer in the reader's language
// (<html lang> and no untranslated `namespace:key`), an enhanced form's JSON answer a known
// type; afterwards, what the database stored is inside the app's schemas.
//
// Deterministic: the seed is fixed (FUZZ_SEED overrides it) and printed, as are the cases per
// route. Bounded: FUZZ_RUNS cases per route and actor (default below), four routes at a time.
// It resets the local stack's database first: fuzzed forms write (the next step resets again).
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { profileSchema } from '#lib/schemas/account';
import { applicationSchema } from '#lib/schemas/console';
import { postForm, signIn, startBuiltApp } from '../../scripts/built-app.mjs';
import { reset, start } from '../../scripts/stack.mjs';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { DEMO_PASSWORD, ITEM, PEOPLE } from '../seed';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
const PORT = Number(process.env.FUZZ_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 3);
const LANGUAGES = ['fr', 'nl', 'en', 'de', 'es', 'ar'] as const;
const MEMBER = PEOPLE.member.email;

const PAPER = '30000000-0000-4000-8000-000000000305';
const ORG_SLUG = 'dei-belgique';
const EVENT = ITEM.codeSeminar;
const ACTION = ITEM.publicAction;

/**
 * Every page, with the query parameters its load reads (src/routes/**, src/lib/schemas/*
 * filters) and the form actions its +page.server.ts exports. Fields a form has are read from
 * the page as each actor gets it; these are added for actions an actor is not shown.
 */
const ROUTES: {
	path: string;
	query: string[];
	actions: string[];
	fields?: string[];
	/** A valid submission per action: the fuzz changes some of its fields, so some are stored. */
	valid?: Record<string, Record<string, string>>;
}[] = [
	{ path: '', query: [], actions: [] },
	{
		path: '/events',
		query: ['scope', 'view', 'month', 'day', 'q', 'area', 'organisation', 'org', 'page', 'country'],
		actions: []
	},
	{
		path: '/actions',
		query: [
			'q',
			'area',
			'organisation',
			'org',
			'page',
			'article',
			'country',
			'phase',
			'from',
			'to'
		],
		actions: []
	},
	{
		path: '/papers',
		query: ['q', 'area', 'organisation', 'org', 'page', 'kind', 'article'],
		actions: []
	},
	{
		path: '/organisations',
		query: ['q', 'kind', 'country', 'language', 'page'],
		actions: []
	},
	{ path: `/events/${EVENT}`, query: ['locale', 'show'], actions: ['register', 'cancel'] },
	{ path: `/actions/${ACTION}`, query: ['locale', 'show'], actions: ['post'], fields: ['body'] },
	{ path: `/papers/${PAPER}`, query: ['locale', 'show'], actions: [] },
	{ path: `/organisations/${ORG_SLUG}`, query: [], actions: [] },
	{ path: '/sign-in', query: ['next', 'reason'], actions: ['default'] },
	{ path: '/sign-in/email', query: ['next'], actions: ['default'] },
	{ path: '/sign-in/code', query: ['email', 'next'], actions: ['default'] },
	{ path: '/forgot-password', query: [], actions: ['default'] },
	{
		path: '/apply',
		query: ['sent'],
		actions: ['default'],
		valid: {
			default: {
				organisation_name: 'Fuzz for Children',
				kind: 'section',
				country: 'BE',
				website: 'https://fuzz.example.org',
				languages: 'fr',
				description: 'What we do.',
				applicant_name: 'Fuzz Applicant',
				email: 'fuzz@example.org',
				motivation: 'Why we apply.',
				locale: 'en'
			}
		}
	},
	{ path: '/auth/confirm', query: ['token_hash', 'type', 'next'], actions: ['default'] },
	{ path: '/join/not-a-real-token', query: [], actions: ['accept', 'decline', 'create'] },
	{ path: '/dashboard', query: [], actions: ['seen'] },
	{ path: '/notifications', query: ['page'], actions: ['read', 'readAll'], fields: ['id'] },
	{
		path: '/account',
		query: ['saved', 'password', 'email'],
		valid: { profile: { display_name: 'Fuzzed Member', preferred_locale: 'en' } },
		actions: [
			'changePassword',
			'changeEmail',
			'issueFeed',
			'revokeFeed',
			'profile',
			'leave',
			'deleteAccount'
		]
	},
	{ path: '/invitations', query: [], actions: ['join', 'answer', 'sign'] },
	{ path: '/auth/set-password', query: ['next'], actions: ['default'] },
	{ path: '/actions/new', query: [], actions: ['default'] },
	{ path: '/events/new', query: [], actions: ['default'] },
	{ path: '/papers/new', query: [], actions: ['default'] },
	{
		path: `/actions/${ACTION}/edit`,
		query: ['locale'],
		actions: ['text', 'invite', 'status', 'details']
	},
	{
		path: `/events/${EVENT}/edit`,
		query: ['locale'],
		actions: ['text', 'invite', 'status', 'details', 'cancel']
	},
	{ path: `/events/${EVENT}/registrations`, query: [], actions: ['decide'] },
	{
		path: `/papers/${PAPER}/edit`,
		query: ['created', 'locale'],
		actions: ['text', 'invite', 'status', 'removeFile', 'version', 'open', 'close']
	},
	{ path: `/organisations/${ORG_SLUG}/profile`, query: [], actions: ['default'] },
	{
		path: `/organisations/${ORG_SLUG}/members`,
		query: [],
		actions: ['invite', 'resend', 'revoke', 'role', 'remove']
	},
	{
		path: '/console',
		query: ['status', 'kind', 'q', 'page', 'created'],
		actions: ['status']
	},
	{ path: '/console/audit', query: ['organisation', 'person', 'kind', 'page'], actions: [] },
	{ path: '/console/applications', query: [], actions: ['approve', 'decline'] },
	{ path: '/console/new', query: [], actions: ['default'] }
];

// Values ---------------------------------------------------------------------------------

/** Values a person or a hostile client could send in one field. */
const hostile = fc.constantFrom(
	'',
	' ',
	'\u0000',
	'a\u0000b',
	'\r\n\r\n',
	'\u202e\u200f',
	'<script>alert(1)</script>',
	"' or 1=1 --",
	'../../etc/passwd',
	'//evil.example/',
	'https://evil.example/',
	'javascript:alert(1)',
	'%00',
	'%E0%A4%A',
	'NaN',
	'-1',
	'0',
	'1e309',
	'99999999999999999999',
	'true',
	'null',
	'[]',
	'{}',
	'2026-02-30',
	'2026-13',
	'9999-12-31T23:59:59Z',
	'00000000-0000-0000-0000-000000000000',
	'x'.repeat(10_000),
	'é'.repeat(5_000)
);
/** Values a form of the hub expects somewhere (enum members, ids, dates, addresses). */
const plausible = fc.constantFrom(
	'approve',
	'decline',
	'draft',
	'published',
	'archived',
	'member',
	'editor',
	'admin',
	'owner',
	'lead',
	'section',
	'partner',
	'public',
	'network',
	'participants',
	'open',
	'closed',
	'approval',
	'none',
	'upcoming',
	'past',
	'month',
	'list',
	'on',
	'fr',
	'ar',
	'BE',
	'Europe/Brussels',
	'2026-12-24',
	'2026-12',
	'2026-12-24T10:00',
	MEMBER,
	'someone@example.org',
	'demo-password-2026',
	EVENT,
	ACTION,
	PAPER,
	'10000000-0000-4000-8000-000000000002'
);
const value = fc.oneof(
	{ weight: 3, arbitrary: plausible },
	{ weight: 3, arbitrary: hostile },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
	{ weight: 1, arbitrary: fc.uuid() },
	{ weight: 1, arbitrary: fc.integer().map(String) }
);
/**
 * Each field absent, once or twice (a repeated name), with values from `value`; a field with a
 * valid value in `valid` mostly keeps it.
 */
const fieldsOf = (names: string[], valid: Record<string, string> = {}) =>
	fc
		.tuple(
			...[...new Set([...names, ...Object.keys(valid)])].map((name) =>
				(name in valid
					? fc.oneof(
							{ weight: 3, arbitrary: fc.constant([valid[name]!]) },
							{ weight: 1, arbitrary: fc.array(value, { maxLength: 2 }) }
						)
					: fc.array(value, { maxLength: 2 })
				).map((values) => values.map((v) => [name, v] as const))
			),
			fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), value), { maxLength: 2 })
		)
		.map((groups) => new URLSearchParams(groups.flat() as [string, string][]));

// Checks ---------------------------------------------------------------------------------

const STACK_TRACE = /\n\s+at [^\n]+[(:]\d+|node_modules\/|TypeError:|ReferenceError:/;
const NAMESPACED_KEY =
	/(?<![\w/.-])(common|errors|validation|events|actions|papers|account|console|members|auth|dashboard|notifications|organisations|invitations|items|calendar|nav|home|shell):[a-z][a-z0-9_]*\b/;

/** What is wrong with one answer, or null. */
function judge(lang: string, response: Response, body: string): string | null {
	const { status } = response;
	if (status >= 500) return `HTTP ${status}`;
	if (STACK_TRACE.test(body)) return `a stack trace (HTTP ${status})`;
	const type = response.headers.get('content-type') ?? '';
	if (type.includes('text/html')) {
		const declared = /<html[^>]*\slang="([^"]+)"/.exec(body)?.[1];
		if (declared !== lang) return `<html lang="${declared}"> on a /${lang} page (HTTP ${status})`;
		// Visible text only: scripts carry keys legitimately (the data of the page).
		const text = body
			.replace(/<script[\s\S]*?<\/script>/g, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&quot;/g, '"');
		const key = NAMESPACED_KEY.exec(text)?.[0];
		if (key) return `untranslated ${key} (HTTP ${status})`;
	} else if (type.includes('application/json')) {
		let parsed: { type?: string; error?: { message?: string } };
		try {
			parsed = JSON.parse(body);
		} catch {
			return 'JSON that does not parse';
		}
		if (!['success', 'failure', 'redirect', 'error'].includes(parsed.type ?? '')) {
			if (status !== 200) return `an unknown JSON answer (HTTP ${status})`;
		}
		// A page's own refusal (403, 404) thrown from a form: its message in the reader's words.
		const key = NAMESPACED_KEY.exec(parsed.error?.message ?? '')?.[0];
		if (key) return `untranslated ${key} in an error result (HTTP ${status})`;
	}
	return null;
}

// The run --------------------------------------------------------------------------------

let app: Awaited<ReturnType<typeof startBuiltApp>>;
let memberCookie = '';
let startedAt = new Date();
const cases = new Map<string, number>();
const problems: string[] = [];

const db = new pg.Pool({ connectionString: DB_URL, max: 2 });

/** The names of the fields of `?/action` forms on a page (hidden ones included). */
function formFields(html: string): Map<string, Set<string>> {
	const forms = new Map<string, Set<string>>();
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const attributes = match[1] ?? '';
		if (!/method="post"/i.test(attributes)) continue;
		const action = /action="[^"]*\?\/([A-Za-z]+)"/.exec(attributes)?.[1] ?? 'default';
		const names = forms.get(action) ?? new Set<string>();
		for (const field of (match[2] ?? '').matchAll(/\bname="([^"]+)"/g)) names.add(field[1]!);
		forms.set(action, names);
	}
	return forms;
}

beforeAll(async () => {
	await start({ quiet: true });
	await reset({ quiet: true });
	startedAt = new Date();
	app = await startBuiltApp({ port: PORT, name: 'fuzz-app' });
	memberCookie = await signIn(app.base, MEMBER, DEMO_PASSWORD);
	console.log(`fuzz: seed ${SEED} (FUZZ_SEED), ${RUNS} cases per route and actor (FUZZ_RUNS)`);
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await db.end();
	const rows = [...cases.entries()].map(([route, n]) => `  ${String(n).padStart(4)}  ${route}`);
	console.log(`fuzz: cases per route (seed ${SEED})\n${rows.join('\n')}`);
	console.log(`fuzz: ${[...cases.values()].reduce((a, b) => a + b, 0)} cases in all`);
});

const count = (route: string) => cases.set(route, (cases.get(route) ?? 0) + 1);

/** The fuzz of one route as one actor: its query parameters, then each of its form actions. */
async function fuzzRoute(
	route: (typeof ROUTES)[number],
	actor: 'anonymous' | 'member',
	seed: number
) {
	const cookie = actor === 'member' ? memberCookie : undefined;
	const headers = cookie ? { cookie } : undefined;
	const discovered = formFields(
		await fetch(`${app.base}/en${route.path}`, { headers }).then((r) => r.text())
	);
	const language = fc.constantFrom(...LANGUAGES);

	if (route.query.length > 0 || route.actions.length === 0) {
		const label = `GET /[lang]${route.path} (${actor})`;
		await fc.assert(
			fc.asyncProperty(language, fieldsOf(route.query), async (lang, query) => {
				count(label);
				const url = `/${lang}${route.path}${query.size ? `?${query}` : ''}`;
				const response = await fetch(`${app.base}${url}`, {
					headers,
					redirect: 'manual',
					signal: AbortSignal.timeout(20_000)
				});
				const problem = judge(lang, response, await response.text());
				if (problem) problems.push(`${actor} GET ${url.slice(0, 300)}: ${problem}`);
				return problem === null;
			}),
			{ seed, numRuns: RUNS, endOnFailure: true }
		);
	}

	for (const name of route.actions) {
		const label = `POST /[lang]${route.path}?/${name} (${actor})`;
		const names = [...new Set([...(discovered.get(name) ?? []), ...(route.fields ?? [])])];
		await fc.assert(
			fc.asyncProperty(
				language,
				fieldsOf(names, route.valid?.[name]),
				fc.boolean(),
				async (lang, fields, html) => {
					count(label);
					const url = `/${lang}${route.path}${name === 'default' ? '' : `?/${name}`}`;
					const { response, body } = await postForm(app.base, url, {
						cookie,
						fields,
						html,
						timeoutMs: 20_000
					});
					const problem = judge(lang, response, body);
					if (problem) {
						problems.push(`${actor} POST ${url} ${String(fields).slice(0, 300)}: ${problem}`);
					}
					return problem === null;
				}
			),
			{ seed: seed + 1, numRuns: RUNS, endOnFailure: true }
		);
	}
}

it('every page and form action answers bad input without a 500, in the reader’s language', async () => {
	const jobs = ROUTES.flatMap((route, i) =>
		(['anonymous', 'member'] as const).map(
			(actor, j) => () => fuzzRoute(route, actor, SEED + i * 10 + j)
		)
	);
	// Four at a time: forms whose failure is slowed down on purpose (sign-in) overlap the others.
	const failures: unknown[] = [];
	const queue = [...jobs];
	await Promise.all(
		Array.from({ length: 4 }, async () => {
			for (let job = queue.shift(); job; job = queue.shift()) {
				await job().catch((error: unknown) => failures.push(error));
			}
		})
	);
	expect(problems).toEqual([]);
	expect(failures.map(String)).toEqual([]);
}, 300_000);

it('stored nothing outside the app’s schemas', async () => {
	// Applications sent by the fuzzed public form, and the member's profile it may have changed.
	const applications = await db.query(
		`select organisation_name, kind, country, website, description, applicant_name, email,
		        motivation, locale from public.organisation_applications where created_at >= $1`,
		[startedAt]
	);
	for (const row of applications.rows) {
		const parsed = applicationSchema.safeParse({ ...row, languages: 'en' });
		expect(parsed.error?.issues ?? [], JSON.stringify(row).slice(0, 300)).toEqual([]);
	}
	const profiles = await db.query(
		`select display_name, preferred_locale from public.profiles where updated_at >= $1`,
		[startedAt]
	);
	for (const row of profiles.rows) {
		const parsed = profileSchema.safeParse(row);
		expect(parsed.error?.issues ?? [], JSON.stringify(row)).toEqual([]);
	}
	// No text the fuzz could reach holds a control character the forms refuse.
	const control = await db.query(
		`select 'profiles' as t, display_name as v from public.profiles where display_name ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]'
		 union all
		 select 'joint_action_updates', body from public.joint_action_updates where body ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]'`
	);
	expect(control.rows).toEqual([]);
	console.log(
		`fuzz: stored since the start — ${applications.rowCount} application(s), ${profiles.rowCount} profile change(s), all inside their schemas`
	);
});
