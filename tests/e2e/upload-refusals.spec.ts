import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makePdf } from '../pdf';
import { dbQuery, expect, test } from './fixtures';

/**
 * Issue 18, "Bad input → Uploads": what a person (or a hand-made request) sends to the paper
 * upload form of the built app. Each bad file gets a clear message in the page's language
 * and nothing is stored: no paper_files row, no object in the file storage (.data/storage,
 * the local driver the app runs with here). The requests are made by hand, as a script
 * would: the browser itself never sends a folder in a file name.
 */

// The Flemish coalition's draft paper; its version 1 has a Dutch PDF and no signatures.
const PAPER = '30000000-0000-4000-8000-000000000306';
const VERSION = '32000000-0000-4000-8000-000000306001';
const EDITOR = 'editor@kinderrechtencoalitie.demo';
const STORED = path.resolve('.data/storage/papers', PAPER);

// One person's uploads after another: each test counts the paper's rows and objects.
test.describe.configure({ mode: 'serial' });

async function storedObjects(): Promise<string[]> {
	try {
		return (await readdir(STORED)).sort();
	} catch {
		return [];
	}
}

async function rows(): Promise<number> {
	const [row] = await dbQuery<{ n: number }>(
		'select count(*)::int as n from paper_files where paper_id = $1',
		[PAPER]
	);
	return row!.n;
}

/** A multipart body written byte by byte: the file name goes out exactly as given. */
function multipart(
	fields: Record<string, string>,
	file: { disposition: string; bytes: Buffer; field?: string }
) {
	const boundary = `----hub${Math.random().toString(16).slice(2)}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
			)
		);
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; ${file.disposition}\r\n` +
				'Content-Type: application/pdf\r\n\r\n',
			'utf8'
		),
		file.bytes,
		Buffer.from(`\r\n--${boundary}--\r\n`)
	);
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the upload form as the signed-in page's person; the answer's status and page text. */
async function upload(
	page: Page,
	locale: string,
	file: { name?: string; disposition?: string; bytes: Buffer | ReadableStream<Uint8Array> }
) {
	const origin = new URL(page.url()).origin;
	const cookie = (await page.context().cookies(origin))
		.map(({ name, value }) => `${name}=${value}`)
		.join('; ');
	const url = `${origin}/${locale}/papers/${PAPER}/edit?/upload`;
	const fields = { version_id: VERSION, locale: 'en' };
	const disposition = file.disposition ?? `filename="${file.name}"`;
	let init: RequestInit & { duplex?: 'half' };
	if (file.bytes instanceof ReadableStream) {
		// No Content-Length: the server learns the size only while reading (chunked).
		const { body } = multipart(fields, { disposition, bytes: Buffer.alloc(0) });
		const boundary = /--(----hub[0-9a-f]+)/.exec(body.toString('latin1'))![1]!;
		const head = body.subarray(0, body.indexOf(`\r\n--${boundary}--`));
		const reader = file.bytes.getReader();
		init = {
			body: new ReadableStream<Uint8Array>({
				start: (controller) => controller.enqueue(head),
				async pull(controller) {
					const { done, value } = await reader.read();
					if (done) {
						controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
						controller.close();
					} else controller.enqueue(value);
				}
			}),
			duplex: 'half',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }
		};
	} else {
		const { body, type } = multipart(fields, { disposition, bytes: file.bytes });
		init = { body, headers: { 'content-type': type } };
	}
	const response = await fetch(url, {
		...init,
		method: 'POST',
		// As a browser posts a form without JavaScript: the answer is the page, rendered again.
		headers: { ...(init.headers as Record<string, string>), cookie, origin, accept: 'text/html' }
	});
	return { status: response.status, text: await response.text() };
}

/** What a page says, without its markup (the answer is the edit page, rendered again). */
const words = (html: string) =>
	html
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/\s+/g, ' ');

test('a PDF that is well formed is stored: row and object (the counts below can move)', async ({
	as
}) => {
	const page = await as(EDITOR, `/nl/papers/${PAPER}/edit`);
	const [beforeRows, beforeObjects] = [await rows(), await storedObjects()];
	const answer = await upload(page, 'en', {
		name: 'position-en.pdf',
		bytes: makePdf('Position', { compressed: true })
	});
	expect(answer.status).toBe(200);
	expect(await rows()).toBe(beforeRows + 1);
	expect((await storedObjects()).length).toBe(beforeObjects.length + 1);
	// Put back as it was, through the page's own remove form.
	const [row] = await dbQuery<{ id: string }>(
		`select id from paper_files where paper_id = $1 and filename = 'position-en.pdf'`,
		[PAPER]
	);
	const origin = new URL(page.url()).origin;
	const removed = await page.request.post(`${origin}/en/papers/${PAPER}/edit?/removeFile`, {
		form: { file_id: row!.id },
		headers: { origin }
	});
	expect(removed.status()).toBe(200);
	expect(await rows()).toBe(beforeRows);
	expect(await storedObjects()).toEqual(beforeObjects);
});

const pdf = makePdf('Position paper');
const refusals = [
	{
		what: 'a truncated PDF',
		file: { name: 'cut.pdf', bytes: pdf.subarray(0, pdf.length - 40) },
		status: 400,
		en: 'This PDF is incomplete: its end is missing',
		fr: 'Ce PDF est incomplet : sa fin manque'
	},
	{
		what: 'a PDF that runs JavaScript when opened',
		file: {
			name: 'script.pdf',
			bytes: makePdf('x', {
				catalog: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
				compressed: true
			})
		},
		status: 400,
		en: 'This PDF contains JavaScript or starts programs',
		fr: 'Ce PDF contient du JavaScript ou lance des programmes'
	},
	{
		what: 'a PDF with an embedded file',
		file: {
			name: 'attachment.pdf',
			bytes: makePdf('x', { catalog: '/Names << /EmbeddedFiles << /Names [(a.exe) 9 0 R] >> >>' })
		},
		status: 400,
		en: 'This PDF carries other files',
		fr: "Ce PDF contient d'autres fichiers"
	},
	{
		what: 'zero bytes',
		file: { name: 'empty.pdf', bytes: Buffer.alloc(0) },
		status: 400,
		en: 'The file is empty.',
		fr: 'Le fichier est vide.'
	},
	{
		what: 'a file name with path parts',
		file: { name: '../../../etc/cron.d/x.pdf', bytes: pdf },
		status: 400,
		en: 'This file name cannot be used',
		fr: 'Ce nom de fichier ne peut pas être utilisé'
	},
	{
		what: 'a file name with a Windows path',
		file: { name: 'C:\\Users\\x\\note.pdf', bytes: pdf },
		status: 400,
		en: 'This file name cannot be used',
		fr: 'Ce nom de fichier ne peut pas être utilisé'
	},
	{
		what: 'a file name with control characters (RFC 5987 filename*)',
		file: { disposition: "filename*=UTF-8''note%0A%07.pdf", bytes: pdf },
		status: 400,
		en: 'This file name cannot be used',
		fr: 'Ce nom de fichier ne peut pas être utilisé'
	},
	{
		what: 'a file name with a right-to-left override',
		file: { name: 'note\u202Efdp.exe', bytes: pdf },
		status: 400,
		en: 'This file name cannot be used',
		fr: 'Ce nom de fichier ne peut pas être utilisé'
	},
	{
		what: 'a multipart body over the body size limit (40 MB, with its length)',
		file: { name: 'huge.pdf', bytes: Buffer.alloc(40 * 1024 * 1024, 0x25) },
		status: 413,
		en: 'The file is larger than 25 MB.',
		fr: 'Le fichier dépasse 25 Mo.'
	}
];

for (const [index, refusal] of refusals.entries()) {
	const locale = index % 2 === 0 ? 'en' : 'fr';
	test(`${refusal.what} is refused with a clear message in ${locale}, and nothing is stored`, async ({
		as
	}) => {
		const page = await as(EDITOR, `/nl/papers/${PAPER}/edit`);
		const [beforeRows, beforeObjects] = [await rows(), await storedObjects()];
		const answer = await upload(page, locale, refusal.file);
		expect(answer.status).toBe(refusal.status);
		expect(words(answer.text)).toContain(refusal[locale as 'en' | 'fr']);
		expect(await rows()).toBe(beforeRows);
		expect(await storedObjects()).toEqual(beforeObjects);
	});
}

test('a body over the limit sent without a length (chunked) is refused in Dutch, nothing stored', async ({
	as
}) => {
	const page = await as(EDITOR, `/nl/papers/${PAPER}/edit`);
	const [beforeRows, beforeObjects] = [await rows(), await storedObjects()];
	const chunk = Buffer.alloc(1024 * 1024, 0x25);
	let sent = 0;
	const bytes = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent++ < 40) controller.enqueue(chunk);
			else controller.close();
		}
	});
	const answer = await upload(page, 'nl', { name: 'groot.pdf', bytes });
	expect(answer.status).toBe(413);
	expect(words(answer.text)).toContain('Het bestand is groter dan 25 MB.');
	expect(await rows()).toBe(beforeRows);
	expect(await storedObjects()).toEqual(beforeObjects);
});

test('a huge body on a form without a file gets a translated 413 page, not a 500', async ({
	as
}) => {
	const page = await as(EDITOR, `/nl/papers/${PAPER}/edit`);
	const origin = new URL(page.url()).origin;
	const cookie = (await page.context().cookies(origin))
		.map(({ name, value }) => `${name}=${value}`)
		.join('; ');
	const response = await fetch(`${origin}/fr/papers/${PAPER}/edit?/version`, {
		method: 'POST',
		body: `note=${'x'.repeat(30 * 1024 * 1024)}`,
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			cookie,
			origin
		}
	});
	expect(response.status).toBe(413);
	expect(words(await response.text())).toContain(
		'Ce que vous avez envoyé est trop volumineux pour le hub.'
	);
});

test('a logo over the body size limit is refused beside the logo field, the profile unchanged', async ({
	as
}) => {
	const page = await as('admin@dei-belgique.demo', '/fr/organisations/dei-belgique/profile');
	const origin = new URL(page.url()).origin;
	const cookie = (await page.context().cookies(origin))
		.map(({ name, value }) => `${name}=${value}`)
		.join('; ');
	const [before] = await dbQuery<{ logo_path: string | null; updated_at: string }>(
		`select logo_path, updated_at::text from organisations where slug = 'dei-belgique'`
	);
	const { body, type } = multipart(
		{ name: 'DEI Belgique' },
		{
			field: 'logo',
			disposition: 'filename="logo.png"',
			bytes: Buffer.alloc(30 * 1024 * 1024, 0x89)
		}
	);
	const response = await fetch(`${origin}/fr/organisations/dei-belgique/profile`, {
		method: 'POST',
		body,
		headers: { 'content-type': type, accept: 'text/html', cookie, origin }
	});
	expect(response.status).toBe(413);
	expect(words(await response.text())).toContain('Le logo dépasse 512 Ko.');
	const [after] = await dbQuery<{ logo_path: string | null; updated_at: string }>(
		`select logo_path, updated_at::text from organisations where slug = 'dei-belgique'`
	);
	expect(after).toEqual(before);
});
