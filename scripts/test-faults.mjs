#!/usr/bin/env node
// `npm run test:faults` (issue 18, "Faults"): the built app under a steady, bounded load of page
// views and event registrations, while PostgREST, Auth, the mail catcher and Postgres (fast
// shutdown) are stopped and started again in turn with the stack's own process management
// (stopComponent/startComponent in scripts/stack.mjs). It fails when
//   - any answer is a 500 or shows a stack trace, or a 503 lacks Retry-After or the reader's words;
//   - during an outage of PostgREST or Postgres a page answers anything but that 503;
//   - 5 s after a component is back, some page still does not answer or signing in fails;
//   - a registration acknowledged to its person is missing from the database, or one refused
//     is there;
//   - an email is lost or sent twice while the SMTP server refuses connections or hangs;
//   - a form posted twice (double click, resubmit) creates two things: a registration, or a
//     joint action through the new-action form (its submission key, …_form_submissions.sql).
// Loopback only; bounded in count and time (about a minute). Prints a table; `--write` also
// writes it to docs/reliability.md. Leaves the stack running with every component up.
//
//   node scripts/test-faults.mjs [--write] [--keep-data]
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createPerson, postForm, signIn, startBuiltApp } from './built-app.mjs';
import { DATA_DIR, DB_URL, MAIL_URL, PORTS, ROOT } from './stack/config.mjs';
import { COMPONENTS, reset, start, startComponent, stopComponent } from './stack.mjs';

const WRITE = process.argv.includes('--write');
const PORT = Number(process.env.FAULTS_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 2);
const BASE = `http://localhost:${PORT}`;
const PASSWORD = 'faults-password-2026';
/** How long each component stays down, and how long the load runs around each outage. */
const OUTAGE_MS = 4000;
const STEADY_MS = 1500;
const RECOVERY_LIMIT_MS = 5000;
/** Page views started every PAGE_EVERY_MS, a registration every REGISTER_EVERY_MS, at most IN_FLIGHT at once. */
const PAGE_EVERY_MS = 60;
const REGISTER_EVERY_MS = 350;
const IN_FLIGHT = 8;
const REQUEST_TIMEOUT_MS = 15_000;
const PEOPLE = 16;
// Public events open for registration in the demo seed (supabase/seed.sql).
const EVENTS = [
	'30000000-0000-4000-8000-000000000201',
	'30000000-0000-4000-8000-000000000203',
	'30000000-0000-4000-8000-000000000204',
	'30000000-0000-4000-8000-000000000205',
	'30000000-0000-4000-8000-000000000208'
];
const LANGUAGES = ['fr', 'nl', 'en', 'de', 'es', 'ar'];
const ANONYMOUS_PAGES = [
	'',
	'/events',
	'/actions',
	'/papers',
	'/organisations',
	`/events/${EVENTS[1]}`
];
const SIGNED_IN_PAGES = ['/dashboard', '/notifications', `/events/${EVENTS[3]}`, '/account'];

/** The "temporarily unavailable" words per language (errors:unavailable). */
const UNAVAILABLE = Object.fromEntries(
	LANGUAGES.map((lang) => {
		const file = path.join(ROOT, 'src/lib/i18n/locales', lang, 'errors.json');
		return [lang, JSON.parse(fs.readFileSync(file, 'utf8')).unavailable];
	})
);
const STACK_TRACE = /\n\s+at [^\n]+[(:]\d+|node_modules\/|\bat async\b|TypeError:|ReferenceError:/;

const problems = [];
const problem = (text) => {
	problems.push(text);
	console.error(`  ✘ ${text}`);
};

async function db(sql, params = []) {
	const client = new pg.Client({ connectionString: DB_URL });
	await client.connect();
	try {
		return (await client.query(sql, params)).rows;
	} finally {
		await client.end();
	}
}

// People -------------------------------------------------------------------------------

/** Creates a person (language by turn) and signs them in through the app's form. */
async function person(i, run) {
	const email = `faults-${run}-${i}@example.org`;
	await createPerson(email, PASSWORD, `Faults ${i}`);
	const lang = LANGUAGES[i % LANGUAGES.length];
	await db(
		`update public.profiles p set preferred_locale = $2 from auth.users u
		  where u.id = p.id and u.email = $1`,
		[email, lang]
	);
	return { email, lang, cookie: await signIn(BASE, email, PASSWORD) };
}

const action = (url, cookie, fields = {}) =>
	postForm(BASE, url, { cookie, fields, timeoutMs: REQUEST_TIMEOUT_MS });

// Requests -----------------------------------------------------------------------------

/** Every answer, with the phase it was given in. */
const answers = [];
/** Registrations: key `${email} ${event}` → 'acknowledged' | 'refused' | 'unanswered'. */
const registrations = new Map();
let phase = 'steady';

function classify(record, lang, status, headers, body) {
	record.status = status;
	if (status >= 500 && status !== 503) record.bad = `HTTP ${status}`;
	if (STACK_TRACE.test(body)) record.bad = `stack trace in the answer (${status})`;
	if (status === 503) {
		if (!headers.get('retry-after')) record.bad = '503 without Retry-After';
		else if (
			!body.includes(UNAVAILABLE[lang]) &&
			// An enhanced form's JSON answer carries the key its page shows in the reader's words.
			!(headers.get('content-type')?.includes('json') && body.includes('errors:unavailable')) &&
			!body.includes(JSON.stringify(UNAVAILABLE[lang]).slice(1, -1))
		)
			record.bad = `503 without the ${lang} words`;
	}
}

async function view(url, lang, cookie) {
	const record = {
		phase,
		kind: cookie ? 'page (member)' : 'page (anonymous)',
		url,
		at: Date.now()
	};
	answers.push(record);
	try {
		const response = await fetch(`${BASE}${url}`, {
			redirect: 'manual',
			headers: cookie ? { cookie } : {},
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
		});
		classify(record, lang, response.status, response.headers, await response.text());
	} catch (error) {
		record.status = 0;
		record.bad = `no answer (${error.name})`;
	}
	record.ms = Date.now() - record.at;
	return record;
}

async function register(who, event) {
	const key = `${who.email} ${event}`;
	const url = `/${who.lang}/events/${event}?/register`;
	const record = { phase, kind: 'registration', url, at: Date.now() };
	answers.push(record);
	registrations.set(key, 'unanswered');
	try {
		const { response, body } = await action(url, who.cookie);
		classify(record, who.lang, response.status, response.headers, body);
		let type = null;
		try {
			type = JSON.parse(body).type;
		} catch {
			/* not JSON */
		}
		registrations.set(key, type === 'success' ? 'acknowledged' : 'refused');
		record.outcome = registrations.get(key);
	} catch (error) {
		record.status = 0;
		record.bad = `no answer (${error.name})`;
	}
	record.ms = Date.now() - record.at;
	return record;
}

/** The steady load: page views and registrations at fixed rates, bounded in flight. */
function startLoad(people) {
	// Every (person, event) pair once, in a fixed shuffled order (a small LCG: the same every run).
	const pairs = people.flatMap((who) => EVENTS.map((event) => [who, event]));
	let seed = 18;
	for (let i = pairs.length - 1; i > 0; i--) {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		const j = seed % (i + 1);
		[pairs[i], pairs[j]] = [pairs[j], pairs[i]];
	}
	let inFlight = 0;
	let stopped = false;
	const pending = new Set();
	const launch = (fn) => {
		if (inFlight >= IN_FLIGHT) return;
		inFlight += 1;
		const promise = fn().finally(() => {
			inFlight -= 1;
			pending.delete(promise);
		});
		pending.add(promise);
	};
	let n = 0;
	const pages = setInterval(() => {
		if (stopped) return;
		n += 1;
		const lang = LANGUAGES[n % LANGUAGES.length];
		if (n % 2) {
			launch(() => view(`/${lang}${ANONYMOUS_PAGES[n % ANONYMOUS_PAGES.length]}`, lang));
		} else {
			const who = people[n % people.length];
			launch(() =>
				view(`/${who.lang}${SIGNED_IN_PAGES[n % SIGNED_IN_PAGES.length]}`, who.lang, who.cookie)
			);
		}
	}, PAGE_EVERY_MS);
	const writes = setInterval(() => {
		if (stopped || pairs.length === 0) return;
		const [who, event] = pairs.shift();
		launch(() => register(who, event));
	}, REGISTER_EVERY_MS);
	return async () => {
		stopped = true;
		clearInterval(pages);
		clearInterval(writes);
		await Promise.allSettled([...pending]);
	};
}

/**
 * Polls until an anonymous page, a member's page and /readyz answer 200 and a person can sign
 * in: ms after `since`.
 */
async function recovery(people, since) {
	const who = people[0];
	for (;;) {
		const checks = await Promise.all([
			fetch(`${BASE}/en/events`, { signal: AbortSignal.timeout(3000) })
				.then((r) => r.status)
				.catch(() => 0),
			fetch(`${BASE}/${who.lang}/dashboard`, {
				headers: { cookie: who.cookie },
				redirect: 'manual',
				signal: AbortSignal.timeout(3000)
			})
				.then((r) => r.status)
				.catch(() => 0),
			fetch(`${BASE}/readyz`, { signal: AbortSignal.timeout(3000) })
				.then((r) => r.status)
				.catch(() => 0),
			// Signing in needs Auth and its own connections to Postgres.
			postForm(BASE, '/en/sign-in', {
				fields: { email: who.email, password: PASSWORD },
				html: true,
				timeoutMs: 3000
			})
				.then(({ response }) => (response.status === 303 ? 200 : response.status))
				.catch(() => 0)
		]);
		if (checks.every((status) => status === 200)) return Date.now() - since;
		if (Date.now() - since > 30_000) return Infinity;
		await sleep(100);
	}
}

// The SMTP server hanging: accepts connections and never says a word. -------------------

function silentSmtp() {
	const sockets = new Set();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => {});
		socket.on('close', () => sockets.delete(socket));
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(PORTS.smtp, '127.0.0.1', () =>
			resolve(async () => {
				for (const socket of sockets) socket.destroy();
				await new Promise((done) => server.close(done));
			})
		);
	});
}

// The run ------------------------------------------------------------------------------

const summary = [];
const mailStats = { approved: 0 };
const APPROVAL_EVENT = EVENTS[2];
const ORGANISER = 'editor@lacode.demo'; // an editor of the organisation holding APPROVAL_EVENT
const DEMO_PASSWORD = 'demo-password-2026';

/**
 * The organiser approves every pending registration of the approval event through the
 * registrants page's form: each approval queues an email in the outbox (in the transaction).
 */
async function approvePending(organiser, run) {
	const pending = await db(
		`select r.id from public.event_registrations r join auth.users u on u.id = r.user_id
		  where r.event_id = $1 and r.status = 'pending' and u.email like $2`,
		[APPROVAL_EVENT, `faults-${run}-%`]
	);
	let approved = 0;
	for (const { id } of pending) {
		const { response, body } = await action(
			`/en/events/${APPROVAL_EVENT}/registrations?/decide`,
			organiser,
			{ registration_id: id, decision: 'approve' }
		);
		if (response.status >= 500 || STACK_TRACE.test(body))
			problem(`approval: HTTP ${response.status}`);
		if (JSON.parse(body).type === 'success') approved += 1;
	}
	console.log(`  the organiser approved ${approved} of ${pending.length} pending registrations`);
	return approved;
}

async function outage(component, people, { organiser, run }) {
	phase = `${component} down`;
	const began = Date.now();
	console.log(`\n▶ ${component}: stopped`);
	await stopComponent(component);
	const downFrom = Date.now();
	let closeSilent = null;
	if (component === 'mail') {
		// Emails to send while the SMTP server first refuses connections, then accepts them and
		// never answers.
		mailStats.approved = await approvePending(organiser, run);
		await sleep(OUTAGE_MS / 2);
		closeSilent = await silentSmtp();
		console.log('  mail: a silent SMTP server listens (connections time out)');
		await sleep(OUTAGE_MS / 2);
		await closeSilent();
	} else {
		await sleep(OUTAGE_MS);
	}
	phase = `${component} back`;
	const restarting = Date.now();
	if (component === 'rest' || component === 'postgres') {
		// Asked and answered while it was down: every page and form needs it, so every answer
		// is the 503 (checked for its Retry-After and words as every answer is).
		const during = answers.filter(
			(r) => r.at >= downFrom && r.ms !== undefined && r.at + r.ms <= restarting
		);
		for (const r of during.filter((r) => r.status !== 503)) {
			problem(`${component} down: ${r.kind} ${r.url} answered ${r.status}, not 503`);
		}
		if (during.length === 0)
			problem(`${component} down: no request was answered during the outage`);
	}
	await startComponent(component);
	const returned = Date.now();
	const ms = await recovery(people, returned);
	console.log(
		`  started again after ${((returned - began) / 1000).toFixed(1)} s; everything answers ${ms} ms later`
	);
	if (ms > RECOVERY_LIMIT_MS)
		problem(`${component}: pages answered again only after ${ms} ms (limit ${RECOVERY_LIMIT_MS})`);
	summary.push({ component, downMs: returned - began, recoveryMs: ms });
	await sleep(STEADY_MS);
	phase = 'steady';
	return restarting;
}

async function emailsCheck(run, mailBack) {
	// The outage's failed attempts wait out their backoff (1, 2, 4 … minutes); here the clock
	// is moved on instead of waited for: those rows become due now.
	await db(
		`update public.notification_outbox o set next_attempt_at = now()
		   from auth.users u where u.id = o.recipient_id and u.email like $1 and o.sent_at is null`,
		[`faults-${run}-%`]
	);
	const deadline = Date.now() + 30_000;
	let waiting;
	for (;;) {
		waiting = (
			await db(
				`select count(*)::int as n from public.notification_outbox o join auth.users u on u.id = o.recipient_id
				  where u.email like $1 and o.sent_at is null`,
				[`faults-${run}-%`]
			)
		)[0].n;
		if (waiting === 0 || Date.now() > deadline) break;
		await sleep(500);
	}
	const rows = await db(
		`select u.email, o.sent_at, o.attempts, o.last_error from public.notification_outbox o
		   join auth.users u on u.id = o.recipient_id where u.email like $1`,
		[`faults-${run}-%`]
	);
	const response = await fetch(`${MAIL_URL}/api/email`);
	const mails = (await response.json()).filter((mail) =>
		mail.to?.some((to) => to.address.startsWith(`faults-${run}-`))
	);
	const seen = new Map();
	for (const mail of mails) {
		const key = `${mail.to.map((to) => to.address).join(',')} ${mail.subject}`;
		seen.set(key, (seen.get(key) ?? 0) + 1);
	}
	const twice = [...seen.entries()].filter(([, count]) => count > 1);
	// maildev starts empty: what it holds is what was sent since the mail outage ended.
	const sentSince = rows.filter(
		(row) => row.sent_at && new Date(row.sent_at).getTime() >= mailBack
	).length;
	const retried = rows.filter((row) => row.attempts > 1).length;
	if (waiting > 0)
		problem(`${waiting} email(s) still waiting in the outbox 30 s after the SMTP server returned`);
	if (twice.length) problem(`emails sent twice: ${twice.map(([key]) => key).join('; ')}`);
	if (mails.length !== sentSince)
		problem(
			`maildev received ${mails.length} emails; the outbox marked ${sentSince} sent since it returned`
		);
	return {
		outbox: rows.length,
		waiting,
		delivered: mails.length,
		sentSince,
		retried,
		twice: twice.length
	};
}

async function doubleSubmit(who, organiser) {
	// A registration posted twice at once (a double click) and once more later (a resubmit).
	const event = EVENTS[3];
	const post = () =>
		postForm(BASE, `/${who.lang}/events/${event}?/register`, {
			cookie: who.cookie,
			html: true
		}).then(({ response: r, body }) => {
			if (r.status >= 500) problem(`double registration: HTTP ${r.status}`);
			if (STACK_TRACE.test(body)) problem('double registration: stack trace');
			return r.status;
		});
	await Promise.all([post(), post()]);
	await post();
	const rows = await db(
		`select count(*)::int as n from public.event_registrations r join auth.users u on u.id = r.user_id
		  where u.email = $1 and r.event_id = $2`,
		[who.email, event]
	);
	if (rows[0].n !== 1) problem(`a registration posted three times made ${rows[0].n} rows`);
	return { registrations: rows[0].n, actions: await newActionTwice(organiser) };
}

/**
 * The new-action form rendered once and sent twice at once (a double click) and once more
 * (back, send again): one joint action, and each post lands on it.
 */
async function newActionTwice(organiser) {
	const page = await fetch(`${BASE}/en/actions/new`, { headers: { cookie: organiser } });
	const html = await page.text();
	const key = /name="submission_key" value="([^"]+)"/.exec(html)?.[1];
	const organisation = /<option value="([0-9a-f-]{36})"/.exec(html)?.[1];
	if (!key || !organisation) {
		problem('the new-action form has no submission key or no organisation to choose');
		return 0;
	}
	const title = `Sent twice ${Date.now().toString(36)}`;
	const fields = {
		submission_key: key,
		organisation_id: organisation,
		original_locale: 'en',
		visibility: 'network',
		title,
		areas: 'lobbying_advocacy',
		phase: 'planned',
		intent: 'draft'
	};
	const post = () =>
		postForm(BASE, '/en/actions/new', { cookie: organiser, fields, html: true }).then(
			({ response }) => {
				if (response.status !== 303) problem(`a new action sent again: HTTP ${response.status}`);
				return response.headers.get('location');
			}
		);
	const places = [...(await Promise.all([post(), post()])), await post()];
	const rows = await db(
		`select a.action_id from public.joint_action_translations a where a.title = $1`,
		[title]
	);
	if (rows.length !== 1) problem(`a new-action form sent three times made ${rows.length} actions`);
	const expected = rows[0] && `/en/actions/${rows[0].action_id}`;
	if (places.some((place) => place !== expected)) {
		problem(`the posts of one form went to ${places.join(', ')}, not all to ${expected}`);
	}
	return rows.length;
}

async function main() {
	const began = Date.now();
	await start({ quiet: true });
	await reset({ quiet: true });
	const run = Date.now().toString(36);
	// The outbox dispatcher every second, so that waiting emails go out soon after the SMTP
	// server is back.
	const app = await startBuiltApp({
		port: PORT,
		name: 'faults-app',
		env: { MAIL_DISPATCH_INTERVAL_SECONDS: '1' }
	});
	try {
		const people = [];
		for (let i = 0; i < PEOPLE; i++) {
			// The sign-in form counts every attempt per client address (20 per 15 minutes):
			// these people all sign in from 127.0.0.1.
			if (i % 10 === 0) await db(`delete from private.throttle_attempts where action = 'sign_in'`);
			people.push(await person(i, run));
		}
		const organiser = await signIn(BASE, ORGANISER, DEMO_PASSWORD);
		const resubmitter = await person(PEOPLE, run);
		console.log(
			`${people.length} people signed in on ${BASE}; load: a page every ${PAGE_EVERY_MS} ms, a registration every ${REGISTER_EVERY_MS} ms`
		);

		// The stack just reset: PostgREST may still be loading its schema cache.
		await recovery(people, Date.now());
		const stopLoad = startLoad(people);
		await sleep(STEADY_MS);
		let mailBack = 0;
		for (const component of ['rest', 'auth', 'mail', 'postgres']) {
			const restarting = await outage(component, people, { organiser, run });
			if (component === 'mail') mailBack = restarting;
		}
		await stopLoad();

		// What was acknowledged and what was refused, against the database.
		const stored = new Set(
			(
				await db(
					`select u.email || ' ' || r.event_id as key from public.event_registrations r
					   join auth.users u on u.id = r.user_id where u.email like $1`,
					[`faults-${run}-%`]
				)
			).map((row) => row.key)
		);
		const byOutcome = { acknowledged: [], refused: [], unanswered: [] };
		for (const [key, outcome] of registrations) byOutcome[outcome].push(key);
		const lost = byOutcome.acknowledged.filter((key) => !stored.has(key));
		const ghost = byOutcome.refused.filter((key) => stored.has(key));
		if (lost.length)
			problem(`${lost.length} acknowledged registration(s) missing: ${lost.join('; ')}`);
		if (ghost.length)
			problem(`${ghost.length} refused registration(s) stored: ${ghost.join('; ')}`);

		const mail = await emailsCheck(run, mailBack);
		const twice = await doubleSubmit(resubmitter, organiser);

		// 503s where nothing the page needs was down (told, not failed: a restart's edges).
		for (const r of answers.filter((r) => r.status === 503 && !/^(rest|postgres) /.test(r.phase))) {
			console.log(`  note: 503 during "${r.phase}": ${r.kind} ${r.url} (${r.ms} ms)`);
		}
		for (const record of answers.filter((r) => r.bad))
			problem(`${record.phase}: ${record.kind} ${record.url}: ${record.bad}`);
		report({ began, byOutcome, stored, lost, ghost, mail, twice });
	} finally {
		await app.stop();
		// Whatever happened, every component runs again.
		for (const component of COMPONENTS) await startComponent(component).catch(() => undefined);
	}
	if (problems.length) {
		console.error(`\ntest:faults: ${problems.length} problem(s)`);
		process.exit(1);
	}
	console.log('\ntest:faults: passed');
}

function report({ began, byOutcome, stored, lost, ghost, mail, twice }) {
	const phases = [...new Set(answers.map((r) => r.phase))];
	const count = (rows, test) => rows.filter(test).length;
	const lines = [];
	lines.push(
		'| Phase | Requests | 2xx/3xx | 503 (Retry-After) | Other 4xx | 500 | No answer | Registrations acknowledged / refused |'
	);
	lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const name of phases) {
		const rows = answers.filter((r) => r.phase === name);
		lines.push(
			`| ${name} | ${rows.length} | ${count(rows, (r) => r.status >= 200 && r.status < 400)} | ${count(rows, (r) => r.status === 503)} | ${count(rows, (r) => r.status >= 400 && r.status < 500)} | ${count(rows, (r) => r.status >= 500 && r.status !== 503)} | ${count(rows, (r) => r.status === 0)} | ${count(rows, (r) => r.outcome === 'acknowledged')} / ${count(rows, (r) => r.outcome === 'refused')} |`
		);
	}
	const components = [
		'| Component | Down for | Everything answers again after |',
		'| --- | ---: | ---: |'
	];
	for (const s of summary)
		components.push(
			`| ${s.component} | ${(s.downMs / 1000).toFixed(1)} s | ${(s.recoveryMs / 1000).toFixed(2)} s |`
		);
	const totals = [
		`- Requests: ${answers.length}; HTTP 500: ${count(answers, (r) => r.status >= 500 && r.status !== 503)}; 503 with Retry-After and the reader's words: ${count(answers, (r) => r.status === 503 && !r.bad)}.`,
		`- Registrations: ${byOutcome.acknowledged.length} acknowledged, ${stored.size} stored (of those acknowledged, missing: ${lost.length}); ${byOutcome.refused.length} refused, of which stored: ${ghost.length}; ${byOutcome.unanswered.length} unanswered.`,
		`- Emails: ${mail.outbox} in the outbox, ${mail.retried} needed more than one attempt (the SMTP outage), ${mail.waiting} still waiting, ${mail.delivered} delivered since the mail server returned for ${mail.sentSince} marked sent, ${mail.twice} sent twice.`,
		`- A registration posted twice at once and once more: ${twice.registrations} registration stored; the new-action form sent the same way: ${twice.actions} joint action.`,
		`- Run time: ${((Date.now() - began) / 1000).toFixed(0)} s.`
	];
	const text = [...lines, '', ...components, '', ...totals].join('\n');
	console.log(`\n${text}`);
	fs.mkdirSync(path.join(DATA_DIR, 'test-reports'), { recursive: true });
	fs.writeFileSync(path.join(DATA_DIR, 'test-reports', 'faults.md'), `${text}\n`);
	if (WRITE) writeDoc(text);
}

function writeDoc(text) {
	const file = path.join(ROOT, 'docs', 'reliability.md');
	const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const marker = '<!-- test:faults -->';
	const block = `${marker}\nLast run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (\`npm run test:faults -- --write\`).\n\n${text}\n${marker}`;
	const parts = previous.split(marker);
	const next = parts.length === 3 ? `${parts[0]}${block}${parts[2]}` : `${previous}\n${block}\n`;
	fs.writeFileSync(file, next);
	console.log(`wrote ${path.relative(ROOT, file)}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
