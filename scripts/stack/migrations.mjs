// Applies supabase/migrations the way the Supabase CLI does: files named
// <version>_<name>.sql in version order, each in one transaction together with its row
// in supabase_migrations.schema_migrations, skipping versions already recorded.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './config.mjs';
import { StackError } from './proc.mjs';
import { applySqlFile, indent, psql, query } from './postgres.mjs';

export const MIGRATIONS_DIR = path.join(ROOT, 'supabase', 'migrations');
export const SEED_FILE = path.join(ROOT, 'supabase', 'seed.sql');
export const BOOTSTRAP_FILE = path.join(ROOT, 'scripts', 'stack', 'bootstrap.sql');

// The Supabase CLI's pattern (pkg/migration/file.go): leading digits, underscore, name.
const MIGRATION_NAME = /^([0-9]+)_(.*)\.sql$/;

/** Migration files in apply order: { version, name, file }. */
export function migrationFiles() {
	if (!fs.existsSync(MIGRATIONS_DIR)) return [];
	return fs
		.readdirSync(MIGRATIONS_DIR)
		.filter((entry) => entry.endsWith('.sql'))
		.sort()
		.flatMap((entry) => {
			const match = MIGRATION_NAME.exec(entry);
			if (!match) {
				console.warn(`Skipping supabase/migrations/${entry}: name must be <timestamp>_<name>.sql`);
				return [];
			}
			return [{ version: match[1], name: match[2], file: path.join(MIGRATIONS_DIR, entry) }];
		});
}

/** True when the Supabase image bootstrap has been applied to this database. */
export async function isBootstrapped() {
	const { rows } = await query(
		"select to_regclass('supabase_migrations.schema_migrations') is not null as done"
	);
	return rows[0].done;
}

/** Applies scripts/stack/bootstrap.sql (roles, auth and extensions schemas) once. */
export function applyBootstrap() {
	applySqlFile(BOOTSTRAP_FILE, 'Database bootstrap');
}

const quoteLiteral = (text) => `'${text.replaceAll("'", "''")}'`;

/** Applies pending migrations; resolves the list of files applied. */
export async function applyMigrations({ log = () => {} } = {}) {
	const { rows } = await query('select version from supabase_migrations.schema_migrations');
	const applied = new Set(rows.map((row) => row.version));
	const done = [];
	for (const migration of migrationFiles()) {
		if (applied.has(migration.version)) continue;
		const content = fs.readFileSync(migration.file, 'utf8');
		let tag;
		do tag = `$m${randomBytes(6).toString('hex')}$`;
		while (content.includes(tag));
		// The statements column holds the file's text as one element (the CLI splits it;
		// only the version is ever compared).
		const script = [
			'begin;',
			// psql quotes file names in meta-commands with '' for a single quote.
			`\\i ${quoteLiteral(migration.file)}`,
			'insert into supabase_migrations.schema_migrations (version, name, statements)',
			`values (${quoteLiteral(migration.version)}, ${quoteLiteral(migration.name)}, array[${tag}${content}${tag}]);`,
			'commit;',
			''
		].join('\n');
		const { ok, output } = psql([], script);
		if (!ok) {
			throw new StackError(
				`Migration failed: supabase/migrations/${path.basename(migration.file)}\n${indent(output)}\n` +
					'  Nothing of this migration was applied (it ran in one transaction). Fix it, then run\n' +
					'  `npm run stack:start` (applies what is pending) or `npm run stack:reset` (fresh database, with seed).'
			);
		}
		log(`          applied supabase/migrations/${path.basename(migration.file)}`);
		done.push(migration.file);
	}
	return done;
}

/** Applies supabase/seed.sql if it exists; resolves true when it did. */
export function applySeed() {
	if (!fs.existsSync(SEED_FILE)) return false;
	applySqlFile(SEED_FILE, 'Seed');
	return true;
}

const seedHash = () => createHash('sha256').update(fs.readFileSync(SEED_FILE)).digest('hex');

/** Records which seed the database was made from, where the Supabase CLI records it. */
export async function recordSeed() {
	if (!fs.existsSync(SEED_FILE)) return;
	await query(
		`create table if not exists supabase_migrations.seed_files (path text primary key, hash text not null);
		 insert into supabase_migrations.seed_files (path, hash) values ('supabase/seed.sql', '${seedHash()}')
		 on conflict (path) do update set hash = excluded.hash`
	);
}

/** True when supabase/seed.sql changed since this database was seeded. */
export async function seedChanged() {
	if (!fs.existsSync(SEED_FILE)) return false;
	const { rows } = await query(
		`select hash from supabase_migrations.seed_files where path = 'supabase/seed.sql'`
	).catch(() => ({ rows: [] }));
	return rows[0]?.hash !== seedHash();
}

/** Tells PostgREST to reload its schema cache. */
export async function reloadPostgrestSchema() {
	await query("notify pgrst, 'reload schema'");
}
