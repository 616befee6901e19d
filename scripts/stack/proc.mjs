// Process plumbing for the stack: detached services with pid files and logs, port
// checks, readiness polling with the log tail on failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOG_DIR, RUN_DIR } from './config.mjs';

/** An expected failure: the CLI prints its message (no stack trace) and exits 1. */
export class StackError extends Error {
	name = 'StackError';
}

export const pidFile = (name) => path.join(RUN_DIR, `${name}.pid`);
export const logFile = (name) => path.join(LOG_DIR, `${name}.log`);

export function ensureDirs() {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	fs.mkdirSync(RUN_DIR, { recursive: true });
}

/** True while a process exists (EPERM: it exists but belongs to another user). */
export function isAlive(pid) {
	try {
		process.kill(pid, 0);
	} catch (error) {
		return error.code === 'EPERM';
	}
	// A zombie exists until reaped, but is no longer running. A multi-threaded program whose
	// main thread has exited shows Z too while its other threads still run (and hold its
	// ports): it is alive as long as /proc lists more than one task.
	try {
		if (!/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))) return true;
		return fs.readdirSync(`/proc/${pid}/task`).length > 1;
	} catch {
		return true;
	}
}

/** The command line of a process ('' when unknown). */
export function commandLine(pid) {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}

export function readPidFile(file) {
	try {
		const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

/**
 * The pid of our running service `name`, or null. A pid file whose process is gone, or
 * whose pid now belongs to an unrelated program (pid reuse), is removed.
 */
export function runningPid(name, commandMatch) {
	const file = pidFile(name);
	const pid = readPidFile(file);
	if (pid === null) return null;
	if (isAlive(pid) && (!commandMatch || commandLine(pid).includes(commandMatch))) return pid;
	fs.rmSync(file, { force: true });
	return null;
}

/** Resolves true when nothing listens on 127.0.0.1:port (we can bind it ourselves). */
export function portIsFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
	});
}

/** Resolves true once 127.0.0.1:port is free, false when `timeoutMs` passes first. */
export async function waitForFreePort(port, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await portIsFree(port)) return true;
		if (Date.now() > deadline) return false;
		await sleep(50);
	}
}

/** The inodes of the TCP sockets listening on `port` (any address, IPv4 or IPv6). */
function listeningInodes(port) {
	const inodes = new Set();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = fs.readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			// local_address is ADDR:PORT in hex; state 0A is LISTEN; field 9 is the inode.
			const local = fields[1]?.split(':');
			if (fields[3] === '0A' && local && Number.parseInt(local[1], 16) === port)
				inodes.add(fields[9]);
		}
	}
	return inodes;
}

/**
 * The processes listening on `port`, as far as this user may see them (/proc: their open
 * sockets), each with its command line and working directory.
 */
export function portOwners(port) {
	const inodes = listeningInodes(port);
	if (inodes.size === 0) return [];
	const owners = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let links = [];
		try {
			links = fs.readdirSync(`/proc/${entry}/fd`).map((fd) => {
				try {
					return fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
				} catch {
					return '';
				}
			});
		} catch {
			continue; // gone, or another user's
		}
		if (!links.some((link) => inodes.has(/^socket:\[(\d+)\]$/.exec(link)?.[1]))) continue;
		let cwd = '';
		try {
			cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
		} catch {
			/* unknown */
		}
		owners.push({ pid: Number(entry), command: commandLine(Number(entry)).trim(), cwd });
	}
	return owners;
}

/** What holds `port`, one indented line per process ('' when /proc does not tell). */
export function describePortOwners(port) {
	return portOwners(port)
		.map((o) => `\n  pid ${o.pid} in ${o.cwd || '?'}: ${o.command || '?'}`)
		.join('');
}

/** Throws a StackError naming what holds `port`, as far as /proc tells. */
export async function assertPortFree(port, service) {
	if (await portIsFree(port)) return;
	const who = describePortOwners(port);
	throw new StackError(
		`Port ${port} (${service}) is already in use by a process this stack did not start.${who}\n` +
			`  Find it with: ss -ltnp 'sport = :${port}'\n` +
			`  Stop it, or choose another port (see PORTS in scripts/stack/config.mjs).`
	);
}

/** The last `lines` lines of a service's log, indented, for error messages. */
export function logTail(name, lines = 20) {
	try {
		const text = fs.readFileSync(logFile(name), 'utf8').trimEnd();
		const tail = text.split('\n').slice(-lines);
		return tail.map((line) => `    ${line}`).join('\n');
	} catch {
		return '    (no log)';
	}
}

/**
 * Starts `command` detached (own process group), output appended to .data/logs/<name>.log
 * (the previous run's log kept as <name>.log.1), pid in .data/run/<name>.pid.
 * `uid`/`gid` run it as another user: the log descriptor is opened here, so that user
 * needs no access to .data.
 */
export async function spawnService(name, command, args, { env, uid, gid, cwd } = {}) {
	ensureDirs();
	const log = logFile(name);
	if (fs.existsSync(log)) fs.renameSync(log, `${log}.1`);
	const fd = fs.openSync(log, 'a', 0o644);
	fs.writeSync(fd, `--- ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
	const child = spawn(command, args, {
		detached: true,
		stdio: ['ignore', fd, fd],
		env: env ?? process.env,
		cwd: cwd ?? '/',
		...(uid === undefined ? {} : { uid, gid })
	});
	fs.closeSync(fd);
	const exit = { code: null, signal: null, exited: false };
	child.on('exit', (code, signal) => Object.assign(exit, { code, signal, exited: true }));
	await new Promise((resolve, reject) => {
		child.once('spawn', resolve);
		child.once('error', (error) =>
			reject(new StackError(`Could not start ${name} (${command}): ${error.message}`))
		);
	});
	fs.writeFileSync(pidFile(name), `${child.pid}\n`);
	child.unref();
	return { pid: child.pid, exit };
}

/**
 * Polls `check()` until it resolves true. Fails with the log tail when the process
 * exits first or `timeoutMs` passes.
 */
export async function waitUntilReady(name, { check, exit, timeoutMs = 20_000, what }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check().catch(() => false)) return;
		if (exit?.exited) {
			fs.rmSync(pidFile(name), { force: true });
			const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
			throw new StackError(
				`${name} exited (${how}) before it was ready. Last lines of ${logFile(name)}:\n${logTail(name)}`
			);
		}
		if (Date.now() > deadline) {
			throw new StackError(
				`${name} was not ready after ${timeoutMs / 1000} s (${what}). Last lines of ${logFile(name)}:\n${logTail(name)}`
			);
		}
		await sleep(100);
	}
}

/** GET `url`, true when it answers `status` (default: any 2xx). */
export async function httpOk(url, status) {
	const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
	await response.arrayBuffer();
	return status === undefined ? response.ok : response.status === status;
}

/** SIGTERM to the process group, SIGKILL after `timeoutMs`; resolves when gone. */
export async function killGroup(pid, { signal = 'SIGTERM', timeoutMs = 5000 } = {}) {
	const send = (sig) => {
		try {
			process.kill(-pid, sig);
		} catch {
			try {
				process.kill(pid, sig);
			} catch {
				/* already gone */
			}
		}
	};
	send(signal);
	const deadline = Date.now() + timeoutMs;
	while (isAlive(pid)) {
		if (Date.now() > deadline) {
			send('SIGKILL');
			await sleep(200);
			break;
		}
		await sleep(50);
	}
}
