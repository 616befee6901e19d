// What the benchmark scripts (scripts/bench-*.mjs) share: statistics and formatting, the
// results file docs/benchmarks.md, the stack lock of scripts/stack.mjs, building and serving
// the app, and running SQL as an API caller. Benchmarks are not tests: they print numbers
// and write their section of docs/benchmarks.md; they fail only when they cannot run.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireStackLock, releaseStackLock, reset, stop } from '../stack.mjs';
import { ROOT } from '../stack/config.mjs';

export { ROOT };
export const DOC = path.join(ROOT, 'docs', 'benchmarks.md');

// --- statistics and formatting -------------------------------------------------------

/** The p-th percentile of `values` (linear interpolation between closest ranks). */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const thousands = (n) => Number(n).toLocaleString('en-GB');
export const kb = (bytes) => (bytes / 1024).toFixed(1);
/** "key n, key n" for a { key: n } object (data set sizes, request mixes). */
export const mix = (object) =>
	Object.entries(object ?? {})
		.map(([key, n]) => `${key} ${thousands(n)}`)
		.join(', ');

/** A plain-text table for the terminal. */
export function table(header, rows) {
	const widths = header.map((h, i) =>
		Math.max(h.length, ...rows.map((row) => String(row[i]).length))
	);
	const line = (cells) =>
		cells
			.map((cell, i) => String(cell).padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for docs/benchmarks.md. */
export function markdownTable(header, rows) {
	const line = (cells) =>
		`| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A sanity check that failed: the numbers would not be about what they claim. */
export class SanityError extends Error {}

/** Records `ok:`/`FAILED:` with the message in `checks`; throws a SanityError on failure. */
export function check(condition, message, checks) {
	checks.push(`${condition ? 'ok' : 'FAILED'}: ${message}`);
	if (!condition) throw new SanityError(message);
}

/** The machine line every results section starts with. */
export function machineLine(extra = []) {
	const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
	return [
		`nproc ${nproc} (${os.cpus()[0]?.model.trim() ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GB`,
		`Node ${process.version}`,
		...extra,
		`${os.type()} ${os.release()}`
	].join(', ');
}

/** Replaces (or appends) the section headed `heading` of docs/benchmarks.md with `section`. */
export function writeDoc(heading, section) {
	fs.mkdirSync(path.dirname(DOC), { recursive: true });
	let text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
	const startAt = text.indexOf(`${heading}\n`);
	if (startAt >= 0) {
		const rest = text.slice(startAt + heading.length + 1);
		const next = rest.search(/^## /m);
		const endAt = next >= 0 ? startAt + heading.length + 1 + next : text.length;
		text = `${text.slice(0, startAt)}${section}\n${next >= 0 ? '\n' : ''}${text.slice(endAt)}`;
	} else {
		text = `${text.trimEnd()}\n\n${section}\n`;
	}
	fs.writeFileSync(DOC, text.replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n'));
}

// --- holding off other stack commands ------------------------------------------------

/**
 * Holds the lock of scripts/stack.mjs (start/stop/reset serialise on it) while a data set is
 * loaded, so another session's `stack reset` waits instead of wiping the data half-way; our
 * own reset() at the end is re-entrant (same pid). Released on exit and on SIGINT/SIGTERM,
 * after `onSignal` (e.g. stopping the served app).
 */
export async function holdStackLock({ onSignal = () => {} } = {}) {
	await acquireStackLock();
	process.once('exit', releaseStackLock);
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, async () => {
			await onSignal();
			releaseStackLock();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

export { acquireStackLock, releaseStackLock };

/**
 * The end of every run that loads a data set: back to the demo seed (stack reset) unless
 * --keep asked to leave the data loaded; the stack stopped if the run started it; the lock
 * released.
 */
export async function restoreDemo({ loaded, keep, startedStack }) {
	if (loaded && !keep) {
		console.log('\nRestoring the demo database (stack reset)…');
		await reset({ quiet: true });
	} else if (loaded) {
		console.log('\n--keep: the data set stays loaded; `npm run stack:reset` restores the demo.');
	}
	if (startedStack) await stop({ quiet: true });
	releaseStackLock();
}

// --- build and serve ----------------------------------------------------------------

/** `vite build`, unless BENCH_SKIP_BUILD is set (measure the existing build/ as it is). */
export function build() {
	if (process.env.BENCH_SKIP_BUILD) return;
	console.log('Building (vite build)…');
	const began = Date.now();
	execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
		cwd: ROOT,
		stdio: 'inherit'
	});
	console.log(`Built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
}

function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(1000);
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('timeout', () => (socket.destroy(), resolve(false)));
		socket.once('error', () => resolve(false));
	});
}

/**
 * Starts scripts/serve.mjs on `port` and resolves the child once `readyPath` answers 200.
 * Ports on the Fetch standard's "bad ports" list (4190, ManageSieve...) are refused by
 * Chromium and Node's fetch: the benchmarks use 4191 and up. `env` is added to the server's
 * environment; `logFile` takes its output (otherwise only the tail of stderr is kept).
 */
export async function serve(port, readyPath = '/en', { env = {}, logFile } = {}) {
	const base = `http://127.0.0.1:${port}`;
	if (await portInUse(port)) {
		throw new Error(
			`Port ${port} is already in use (ss -ltnp 'sport = :${port}'): stop that server first.`
		);
	}
	const log = logFile ? fs.openSync(logFile, 'w') : null;
	const child = spawn(
		process.execPath,
		[path.join(ROOT, 'scripts', 'serve.mjs'), '--port', String(port)],
		{
			cwd: ROOT,
			stdio: log === null ? ['ignore', 'ignore', 'pipe'] : ['ignore', log, log],
			env: { ...process.env, ...env }
		}
	);
	if (log !== null) fs.closeSync(log);
	let stderr = log === null ? '' : `(see ${logFile})`;
	child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	child.stderrTail = () => stderr;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (exited) {
			throw new Error(`scripts/serve.mjs exited (${exited.code ?? exited.signal}):\n${stderr}`);
		}
		try {
			const response = await fetch(`${base}${readyPath}`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return child;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`The server did not answer ${base}${readyPath} within 30 s:\n${stderr}`);
		}
		await sleep(250);
	}
}

/** Stops a child process: SIGTERM, then SIGKILL after 5 s. */
export async function kill(child) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	if ((await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) === false) {
		child.kill('SIGKILL');
		await exited;
	}
}

// --- CPU by process ----------------------------------------------------------------

const CLOCK_TICKS = 100; // USER_HZ: /proc counts CPU time in 1/100 s on Linux

/**
 * CPU seconds (user + system) used so far by each named process and all its descendants
 * (Postgres: the postmaster and its backends), read from /proc; {} where there is no /proc.
 * Two readings around a load run, divided by its requests, say what one request cost each
 * process, whatever else the machine does meanwhile. A process that exits in between takes
 * its time with it (PostgREST keeps its connections, so its backends stay).
 */
export function cpuSeconds(roots) {
	if (!fs.existsSync('/proc/self/stat')) return {};
	const processes = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// Fields after the command name (which may hold spaces): state ppid … utime stime.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		processes.push({
			pid: Number(entry),
			ppid: Number(fields[1]),
			seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
		});
	}
	const children = new Map();
	for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
	const byPid = new Map(processes.map((p) => [p.pid, p]));
	const tree = (pid) =>
		(byPid.get(pid)?.seconds ?? 0) +
		(children.get(pid) ?? []).reduce((sum, child) => sum + tree(child.pid), 0);
	return Object.fromEntries(
		Object.entries(roots).map(([name, pid]) => [name, pid ? tree(pid) : null])
	);
}

// --- in the database ----------------------------------------------------------------

/**
 * Runs `fn` in a transaction as PostgREST would run a request: `set local role` and the
 * JWT claims in request.jwt.claims. Rolled back afterwards.
 */
export async function asCaller(db, { role, claims }, fn) {
	await db.query('begin');
	try {
		await db.query(`set local role ${role}`);
		await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
		return await fn();
	} finally {
		await db.query('rollback');
	}
}

/** Planning + execution time (ms) of `sql`, from EXPLAIN ANALYZE. */
export async function explainTime(db, sql) {
	const { rows } = await db.query(`explain (analyze, format json) ${sql}`);
	const plan = rows[0]['QUERY PLAN'][0];
	return plan['Planning Time'] + plan['Execution Time'];
}
