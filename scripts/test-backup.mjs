// npm test's backup check (issue 18): backup → change and delete data and files → restore →
// everything as at backup time: the rows of every table, the stored files' checksums, and
// people can sign in (Auth) and read (PostgREST) again. Also: a damaged backup is refused
// before anything is changed. Runs last in `npm test`: it replaces the stack's database.
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_URL, DATA_DIR, anonKey } from './stack/config.mjs';
import { backup, restore, STORAGE_DIR, tableCounts, verify } from './backup.mjs';
import { psqlRows } from './stack/postgres.mjs';

const PERSON = { email: 'member@dci-nl.demo', password: 'demo-password-2026' };
const failures = [];
let checks = 0;
function expect(ok, what) {
	checks += 1;
	console.log(`${ok ? '✔' : '✘'} ${what}`);
	if (!ok) failures.push(what);
}

const sql = (script) => psqlRows(script).join('\n');

const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const differences = (a, b) =>
	[...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]);

/** Signs the person in through Auth, then reads one item through PostgREST with the session. */
async function signInAndRead() {
	const token = await fetch(`${API_URL}/auth/v1/token?grant_type=password`, {
		method: 'POST',
		headers: { apikey: anonKey, 'content-type': 'application/json' },
		body: JSON.stringify(PERSON)
	});
	if (!token.ok) return `sign-in answered ${token.status}`;
	const { access_token: accessToken } = await token.json();
	const read = await fetch(`${API_URL}/rest/v1/items?select=id&limit=1`, {
		headers: { apikey: anonKey, authorization: `Bearer ${accessToken}` }
	});
	if (!read.ok) return `reading items answered ${read.status}`;
	return (await read.json()).length === 1 ? 'ok' : 'no item readable';
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-'));
const probeKey = `backup-check/${randomBytes(8).toString('hex')}.bin`;
const probe = path.join(STORAGE_DIR, probeKey);
const lateKey = `backup-check/${randomBytes(8).toString('hex')}-late.bin`;
const asideBefore = new Set(
	fs.readdirSync(DATA_DIR).filter((n) => n.startsWith('storage.before-restore-'))
);
try {
	fs.mkdirSync(path.dirname(probe), { recursive: true });
	fs.writeFileSync(probe, randomBytes(256 * 1024));
	const probeSum = sha256(probe);
	const before = tableCounts();
	const people = Number(sql('select count(*) from auth.users'));

	const manifest = backup(path.join(folder, 'backup'));
	expect(
		manifest.files.some((f) => f.key === probeKey && f.sha256 === probeSum),
		`the backup holds the stored files with their checksums (${manifest.files.length} files)`
	);
	expect(differences(manifest.counts, before).length === 0, 'the manifest counts every table');

	// What a bad day does: content and a person gone, a file changed, another added.
	sql(`truncate public.items cascade; delete from auth.users where email = '${PERSON.email}';`);
	fs.writeFileSync(probe, 'overwritten');
	fs.mkdirSync(path.dirname(path.join(STORAGE_DIR, lateKey)), { recursive: true });
	fs.writeFileSync(path.join(STORAGE_DIR, lateKey), 'after the backup');
	expect(
		Number(sql('select count(*) from public.items')) === 0,
		'the data is changed before the restore'
	);

	// A damaged backup is refused before anything changes.
	const copy = path.join(folder, 'damaged');
	fs.cpSync(path.join(folder, 'backup'), copy, { recursive: true });
	fs.appendFileSync(path.join(copy, 'files', probeKey), 'x');
	let refused = '';
	try {
		verify(copy);
	} catch (error) {
		refused = error.message;
	}
	expect(
		refused.includes(`files/${probeKey}`),
		'a damaged backup is refused, naming the damaged file'
	);

	await restore(path.join(folder, 'backup'));
	const after = tableCounts();
	const differing = differences(before, after);
	expect(
		differing.length === 0,
		`every table has its rows of backup time again (${Object.keys(after).length} tables)` +
			(differing.length ? `; differing: ${differing.join(', ')}` : '')
	);
	expect(Number(sql('select count(*) from auth.users')) === people, 'every person is back');
	expect(
		fs.existsSync(probe) && sha256(probe) === probeSum,
		'a stored file has its checksum of backup time'
	);
	expect(
		!fs.existsSync(path.join(STORAGE_DIR, lateKey)),
		'a file stored after the backup is not in the restored files'
	);

	// PostgREST and Auth reconnect on their own; give them a few seconds.
	let answer = '';
	for (let i = 0; i < 40 && answer !== 'ok'; i++) {
		answer = await signInAndRead().catch((error) => String(error));
		if (answer !== 'ok') await new Promise((r) => setTimeout(r, 500));
	}
	expect(
		answer === 'ok',
		`the deleted person signs in again and reads through PostgREST (${answer})`
	);
} finally {
	fs.rmSync(folder, { recursive: true, force: true });
	fs.rmSync(path.join(STORAGE_DIR, 'backup-check'), { recursive: true, force: true });
	for (const name of fs.readdirSync(DATA_DIR)) {
		if (name.startsWith('storage.before-restore-') && !asideBefore.has(name)) {
			fs.rmSync(path.join(DATA_DIR, name), { recursive: true, force: true });
		}
	}
}

console.log(`${checks - failures.length} of ${checks} backup and restore checks passed`);
process.exit(failures.length > 0 ? 1 : 0);
