// Backup and restore of the local stack (issue 18): the database and the stored files, with a
// manifest of checksums that a restore checks before it changes anything.
//   npm run db:backup [-- <folder>]   → .data/backups/<UTC time>/ unless a folder is given
//   npm run db:restore <folder>       replaces the stack's database and files with the backup's
// The database is pg_dump's custom format of the whole database (every schema: ours, Auth's
// people and sessions, the migrations' record): one consistent snapshot, taken while the hub
// runs. Files are copied after it, so a file uploaded meanwhile is in the backup unreferenced
// (harmless) rather than referenced and missing. Roles belong to the cluster and come from the
// stack's bootstrap. A hosted project is backed up differently: README "Backups".
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, DB_URL, HOST, PORTS, ROOT } from './stack/config.mjs';
import { migrationFiles, reloadPostgrestSchema } from './stack/migrations.mjs';
import { PG_MAJOR, psqlRows } from './stack/postgres.mjs';

const FORMAT = 1;
const DATABASE = 'postgres';
const ADMIN_URL = `postgresql://postgres:postgres@${HOST}:${PORTS.db}/template1`;
/** Where the app keeps uploaded files with the local disk driver (src/lib/server/storage). */
export const STORAGE_DIR = path.resolve(ROOT, process.env.STORAGE_DIR || '.data/storage');

class BackupError extends Error {}

function tool(name) {
	const dir = process.env.PG_BINDIR || `/usr/lib/postgresql/${PG_MAJOR}/bin`;
	const bin = [path.join(dir, name), `/usr/bin/${name}`].find((file) => fs.existsSync(file));
	if (!bin) throw new BackupError(`${name} not found: apt-get install postgresql-${PG_MAJOR}`);
	return bin;
}

function run(name, args) {
	const result = spawnSync(tool(name), args, {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, PGCONNECT_TIMEOUT: '5' }
	});
	if (result.status !== 0) {
		throw new BackupError(`${name} failed: ${(result.stderr || String(result.error)).trim()}`);
	}
	return result.stdout;
}

const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file under `dir`, as paths relative to it (sorted; none when it does not exist). */
function filesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && !entry.name.endsWith('.partial'))
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

/** Rows per table of the hub's schemas and Auth's, for the manifest and for comparing. */
export function tableCounts(url = DB_URL) {
	const lines = psqlRows(
		`select format('%s.%s=%s', table_schema, table_name,
		  (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', table_schema, table_name), false, true, '')))[1]::text)
		 from information_schema.tables
		 where table_schema in ('public', 'private', 'auth') and table_type = 'BASE TABLE'
		 order by 1;`,
		url
	);
	return Object.fromEntries(
		lines.map((line) => {
			const at = line.lastIndexOf('=');
			return [line.slice(0, at), Number(line.slice(at + 1))];
		})
	);
}

/** Writes a backup into `folder` (made; must not exist yet); resolves its manifest. */
export function backup(folder) {
	if (fs.existsSync(folder)) throw new BackupError(`${folder} exists already: name a new folder`);
	fs.mkdirSync(path.join(folder, 'files'), { recursive: true });
	const started = Date.now();
	const dump = path.join(folder, 'database.dump');
	run('pg_dump', ['--format=custom', '--file', dump, DB_URL]);
	const counts = tableCounts();

	const files = filesUnder(STORAGE_DIR).map((key) => {
		const target = path.join(folder, 'files', key);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(path.join(STORAGE_DIR, key), target);
		return { key, bytes: fs.statSync(target).size, sha256: sha256(target) };
	});

	const manifest = {
		format: FORMAT,
		createdAt: new Date().toISOString(),
		postgres: PG_MAJOR,
		migrations: migrationFiles().map((m) => m.version),
		database: { file: 'database.dump', bytes: fs.statSync(dump).size, sha256: sha256(dump) },
		files,
		counts
	};
	fs.writeFileSync(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	manifest.seconds = (Date.now() - started) / 1000;
	return manifest;
}

/** The backup's manifest once every checksum in it holds (nothing is changed before). */
export function verify(folder) {
	const file = path.join(folder, 'manifest.json');
	if (!fs.existsSync(file)) throw new BackupError(`${folder} holds no manifest.json: not a backup`);
	const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (manifest.format !== FORMAT) throw new BackupError(`unknown backup format ${manifest.format}`);
	const problems = [];
	const dump = path.join(folder, manifest.database.file);
	if (!fs.existsSync(dump) || sha256(dump) !== manifest.database.sha256) {
		problems.push(`${manifest.database.file} is missing or damaged`);
	}
	for (const entry of manifest.files) {
		const copy = path.join(folder, 'files', entry.key);
		if (!fs.existsSync(copy) || sha256(copy) !== entry.sha256) {
			problems.push(`files/${entry.key} is missing or damaged`);
		}
	}
	if (problems.length > 0) {
		throw new BackupError(`the backup does not match its manifest:\n  ${problems.join('\n  ')}`);
	}
	const newer = migrationFiles()
		.map((m) => m.version)
		.filter((version) => !manifest.migrations.includes(version));
	return { manifest, newer };
}

/** Replaces the stack's database and stored files with the backup's. */
export async function restore(folder) {
	const started = Date.now();
	const { manifest, newer } = verify(folder);
	// The whole database is replaced: PostgREST and Auth lose their connections and make new ones.
	psqlRows(`drop database if exists ${DATABASE} with (force);`, ADMIN_URL);
	// --create makes the database from the dump, with its own settings (search_path).
	run('pg_restore', [
		'--create',
		'--exit-on-error',
		'--dbname',
		ADMIN_URL,
		path.join(folder, manifest.database.file)
	]);

	// The files as they were: the current ones are set aside, never deleted by a restore.
	if (fs.existsSync(STORAGE_DIR)) {
		const aside = path.join(DATA_DIR, `storage.before-restore-${Date.now()}`);
		fs.renameSync(STORAGE_DIR, aside);
	}
	fs.mkdirSync(STORAGE_DIR, { recursive: true });
	for (const entry of manifest.files) {
		const target = path.join(STORAGE_DIR, entry.key);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(path.join(folder, 'files', entry.key), target);
	}
	await reloadPostgrestSchema();
	return { manifest, newer, seconds: (Date.now() - started) / 1000 };
}

const timestamp = () => new Date().toISOString().replace(/[:.]/g, '-');

if (import.meta.url === `file://${process.argv[1]}`) {
	const [command, argument] = process.argv.slice(2);
	try {
		if (command === 'backup') {
			const folder = path.resolve(argument ?? path.join(DATA_DIR, 'backups', timestamp()));
			const manifest = backup(folder);
			const rows = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
			console.log(
				`Backup written to ${folder}: the database ` +
					`(${(manifest.database.bytes / 1e6).toFixed(1)} MB, ${rows} rows in ` +
					`${Object.keys(manifest.counts).length} tables) and ${manifest.files.length} files, ` +
					`in ${manifest.seconds.toFixed(1)} s.`
			);
		} else if (command === 'restore' && argument) {
			const { manifest, newer, seconds } = await restore(path.resolve(argument));
			console.log(
				`Restored the backup of ${manifest.createdAt}: database and ${manifest.files.length} files, in ${seconds.toFixed(1)} s.`
			);
			if (newer.length > 0) {
				console.log(
					`It predates migrations ${newer.join(', ')}: \`npm run stack:start\` applies them.`
				);
			}
		} else {
			console.error('Usage: npm run db:backup [-- <folder>] | npm run db:restore <folder>');
			process.exit(2);
		}
	} catch (error) {
		if (!(error instanceof BackupError)) throw error;
		console.error(`${command}: ${error.message}`);
		process.exit(1);
	}
}
