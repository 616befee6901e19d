// The stack's port plumbing (scripts/stack/proc.mjs): who holds a port, so that a start can
// tell a process of this checkout left without its pid file from someone else's program.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
	assertPortFree,
	isAlive,
	portIsFree,
	portOwners,
	waitForFreePort
} from '../../scripts/stack/proc.mjs';

const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A free port chosen by the kernel. */
async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** A child Node process, run from `cwd`, listening on `port` until killed. */
async function listener(port: number, cwd: string): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		[
			'-e',
			`require('net').createServer().listen(${port}, '127.0.0.1', () => console.log('up'))`,
			'stack-ports-test'
		],
		{ cwd, stdio: ['ignore', 'pipe', 'inherit'] }
	);
	children.push(child);
	await new Promise<void>((resolve, reject) => {
		child.stdout!.once('data', () => resolve());
		child.once('exit', (code) => reject(new Error(`listener exited (${code})`)));
	});
	return child;
}

describe('port owners', () => {
	it('names the process listening on a port, with its command line and directory', async () => {
		const port = await freePort();
		const dir = fs.realpathSync(os.tmpdir());
		const child = await listener(port, dir);

		expect(await portIsFree(port)).toBe(false);
		const owners = portOwners(port);
		expect(owners).toHaveLength(1);
		expect(owners[0]).toMatchObject({ pid: child.pid, cwd: dir });
		expect(owners[0]!.command).toContain('stack-ports-test');

		await expect(assertPortFree(port, 'auth')).rejects.toThrow(
			new RegExp(`Port ${port} \\(auth\\) is already in use[\\s\\S]*pid ${child.pid} in ${dir}`)
		);
	});

	it('finds no owner for a free port', async () => {
		const port = await freePort();
		expect(portOwners(port)).toEqual([]);
		await assertPortFree(port, 'auth');
	});

	it('waits for a port its holder is giving up, and gives up on one that stays held', async () => {
		const port = await freePort();
		const child = await listener(port, process.cwd());
		expect(await waitForFreePort(port, 200)).toBe(false);

		setTimeout(() => child.kill('SIGTERM'), 300);
		expect(await waitForFreePort(port, 5000)).toBe(true);
		// Its sockets close as it exits; the process itself is gone a moment later.
		await expect.poll(() => isAlive(child.pid!), { timeout: 2000 }).toBe(false);
	});
});
