// SeaweedFS (Apache-2.0), the S3-compatible server the stack runs so that the app's S3
// storage adapter (src/lib/server/storage/s3.ts) is tested against a real one
// (tests/api/s3-storage.test.ts). Built from source like Auth (gobuild.mjs): `go install`
// refuses the module (its go.mod has replace directives), so the pinned version is fetched
// with `go mod download` and `./weed` is built from a copy of it (about 10 minutes, once).
// The stack starts it when it is built (`node scripts/stack.mjs build-s3` builds it); it is
// not needed by anything else, so a stack without it runs as before.
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, HOST, readPort } from './config.mjs';
import { goTool } from './gobuild.mjs';

export const WEED_VERSION = 'v0.0.0-20261109003541-7506e5f91cd6';

const weed = goTool({
	title: 'SeaweedFS',
	version: WEED_VERSION,
	commit: '7506e5f91cd6',
	module: 'github.com/seaweedfs/seaweedfs',
	binary: 'weed',
	download: { version: WEED_VERSION, package: './weed' },
	buildMinutes: 10,
	buildHint: 'node scripts/stack.mjs build-s3 builds it, about 10 minutes'
});

export const WEED_BIN = weed.bin;

/** { available, bin } or { available: false, reason }; `build` makes a missing binary. */
export const s3Availability = (options) => weed.availability(options);

/**
 * SeaweedFS's ports, each overridable (STACK_PORT_S3, STACK_PORT_S3_MASTER, …). Each also
 * opens its gRPC port at port + 10000, so none may be above 55535.
 */
export const S3_PORTS = Object.freeze({
	s3: readPort('s3', 54343),
	s3Master: readPort('s3Master', 54340),
	s3Volume: readPort('s3Volume', 54341),
	s3Filer: readPort('s3Filer', 54342)
});
for (const [key, port] of Object.entries(S3_PORTS)) {
	if (port + 10000 > 65535) {
		throw new Error(
			`SeaweedFS's ${key} port ${port} is above 55535: its gRPC port (+10000) would not exist`
		);
	}
}

/** Every port SeaweedFS listens on: its HTTP ports and their gRPC ports. */
export const S3_ALL_PORTS = Object.values(S3_PORTS).flatMap((port) => [port, port + 10000]);

/** The S3 endpoint, and the one bucket and key pair of the local server (local only). */
export const S3_URL = `http://${HOST}:${S3_PORTS.s3}`;
export const S3_BUCKET = 'hub-files';
export const S3_REGION = 'us-east-1';
export const S3_ACCESS_KEY_ID = 'hub-local-access-key';
export const S3_SECRET_ACCESS_KEY = 'hub-local-secret-key-never-used-outside-this-machine';

const S3_DIR = path.join(DATA_DIR, 's3');
const IDENTITIES = path.join(S3_DIR, 'identities.json');

/** The app's settings for this server (README, "Files on S3"). */
export function s3AppEnv() {
	return {
		STORAGE_DRIVER: 's3',
		STORAGE_S3_ENDPOINT: S3_URL,
		STORAGE_S3_REGION: S3_REGION,
		STORAGE_S3_BUCKET: S3_BUCKET,
		STORAGE_S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID,
		STORAGE_S3_SECRET_ACCESS_KEY: S3_SECRET_ACCESS_KEY
	};
}

/** Whether anything answers HTTP on the S3 port (an anonymous request gets AccessDenied). */
async function answers() {
	try {
		await fetch(`${S3_URL}/`, { signal: AbortSignal.timeout(2000) });
		return true;
	} catch {
		return false;
	}
}

/** Whether the master can place a file: it leads, and a volume server has joined. */
async function canPlaceFile() {
	try {
		const assign = await fetch(`http://${HOST}:${S3_PORTS.s3Master}/dir/assign`, {
			signal: AbortSignal.timeout(2000)
		});
		return typeof (await assign.json())?.fid === 'string';
	} catch {
		return false;
	}
}

/**
 * Resolves once a PUT would be served at once. After a restart with stored data the master
 * holds writes for three heartbeats (15 s, "warming up") while volume servers report in; a
 * PUT meanwhile waits rather than fails, but a test that stops the server wants to know.
 */
export async function waitUntilWritable(timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!((await answers()) && (await canPlaceFile()))) {
		if (Date.now() > deadline) throw new Error(`SeaweedFS at ${S3_URL} takes no writes yet`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The stack's service entry (scripts/stack.mjs SERVICES); started only once it is built. */
export const s3Service = {
	name: 's3',
	url: S3_URL,
	port: S3_PORTS.s3,
	ports: S3_ALL_PORTS,
	match: WEED_BIN,
	optional: true,
	availability: () => s3Availability(),
	// One identity with every right on the server; data under .data/s3 (kept across starts).
	prepare: () => {
		fs.mkdirSync(path.join(S3_DIR, 'data'), { recursive: true });
		fs.writeFileSync(
			IDENTITIES,
			`${JSON.stringify(
				{
					identities: [
						{
							name: 'hub',
							credentials: [{ accessKey: S3_ACCESS_KEY_ID, secretKey: S3_SECRET_ACCESS_KEY }],
							actions: ['Admin', 'Read', 'Write', 'List', 'Tagging']
						}
					]
				},
				null,
				2
			)}\n`
		);
	},
	command: () => [
		WEED_BIN,
		[
			'server',
			`-dir=${path.join(S3_DIR, 'data')}`,
			`-ip=${HOST}`,
			`-ip.bind=${HOST}`,
			`-master.port=${S3_PORTS.s3Master}`,
			`-volume.port=${S3_PORTS.s3Volume}`,
			`-filer.port=${S3_PORTS.s3Filer}`,
			// Small volumes: a test stack stores megabytes, not the default 30 GB per volume.
			'-master.volumeSizeLimitMB=256',
			// One master: it need not wait 10 s (the default) to take the lead after a restart.
			'-master.electionTimeout=1s',
			'-s3',
			`-s3.port=${S3_PORTS.s3}`,
			`-s3.config=${IDENTITIES}`,
			// Not used here, and their fixed default ports (8181, 9101) would clash.
			'-s3.port.iceberg=0',
			'-s3.port.lance=0',
			'-master.telemetry=false'
		]
	],
	env: () => process.env,
	// Up as soon as S3 answers (writes may wait for the master's warm-up: waitUntilWritable).
	ready: answers,
	readyWhat: `any HTTP answer from ${S3_URL}`,
	timeoutMs: 60_000
};
