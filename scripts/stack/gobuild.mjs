// Upstream Go programs the stack runs or checks with (Supabase Auth, the Supabase CLI,
// SeaweedFS), each built once from source into a cache keyed by its pinned commit: by
// `go install` where the module proxy serves the module, otherwise from the unmodified source
// archive of the pinned tag named by an environment variable (some proxies answer 403 for
// these modules while serving their dependencies). A module `go install` refuses (its go.mod
// has replace directives) names `download`: its pinned version is fetched with
// `go mod download` (checked by the go.sum database) and built with `go build`. A failed build is recorded with every attempt's output, and
// retried at most once an hour unless forced.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE_DIR, ROOT } from './config.mjs';

const MIN_GO = [1, 25, 8];
const RETRY_AFTER_MS = 60 * 60 * 1000;
const BUILD_TIMEOUT_MS = 20 * 60 * 1000;

const run = (command, args, options) =>
	spawnSync(command, args, {
		encoding: 'utf8',
		timeout: BUILD_TIMEOUT_MS,
		maxBuffer: 16 * 1024 * 1024,
		...options,
		env: { ...process.env, CGO_ENABLED: '0', ...options.env }
	});

const outputOf = (result, what) =>
	`${result.stderr ?? ''}${result.stdout ?? ''}`.trim() ||
	String(result.error ?? `${what} exited with ${result.status}`);

/** The Go toolchain's version as [major, minor, patch], or null when Go is missing. */
function goVersion() {
	const result = spawnSync('go', ['version'], { encoding: 'utf8' });
	if (result.error || result.status !== 0) return null;
	const match = /go(\d+)\.(\d+)(?:\.(\d+))?/.exec(result.stdout);
	return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
}

const atLeast = (version, min) => {
	for (let i = 0; i < min.length; i++) {
		if (version[i] !== min[i]) return version[i] > min[i];
	}
	return true;
};

/** The folder of an extracted archive that holds the module's go.mod (its single top folder). */
function moduleFolder(dir) {
	if (fs.existsSync(path.join(dir, 'go.mod'))) return dir;
	const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
	return entries.length === 1 ? moduleFolder(path.join(dir, entries[0].name)) : null;
}

/**
 * A pinned Go program: { title, version, commit, module, binary, sourceEnv, sourceSha256,
 * buildMinutes }, or with `download: { version, package }` instead of the source fields.
 * `cacheDir` and `bin` say where it lands; `availability()` builds it when asked.
 */
export function goTool(spec) {
	const cacheDir = path.join(CACHE_DIR, spec.binary, spec.commit);
	const bin = path.join(cacheDir, spec.binary);
	const errorFile = path.join(cacheDir, 'build-error.txt');
	// v2.x tags of these modules are not installable with `go install` (their module paths
	// lack /v2); the commit is.
	const ref = spec.download
		? `${spec.module}@${spec.download.version}`
		: `${spec.module}@${spec.commit}`;
	const installCommand = spec.download
		? `go mod download -json ${ref}; CGO_ENABLED=0 go build -o ${path.relative(ROOT, bin)} ${spec.download.package} (in a copy of its folder)`
		: `CGO_ENABLED=0 GOBIN=${path.relative(ROOT, cacheDir)} go install ${ref}`;

	const present = () => {
		try {
			fs.accessSync(bin, fs.constants.X_OK);
			return true;
		} catch {
			return false;
		}
	};

	/** One line summarising a recorded build failure (the file keeps the full text). */
	const summarise = (text) => {
		const line = text
			.split('\n')
			.filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('$'))
			.map((l) => l.trim().replaceAll(`${ref}: `, ''))
			.join(' ')
			.replace(/\s+/g, ' ');
		return line.length > 400 ? `${line.slice(0, 397)}...` : line;
	};

	const recordFailure = (text) => {
		fs.mkdirSync(cacheDir, { recursive: true });
		fs.writeFileSync(
			errorFile,
			`# ${new Date().toISOString()} ${spec.title} ${spec.version} could not be built\n$ ${installCommand}\n${text.trim()}\n`
		);
	};

	const recordedFailure = () => {
		try {
			const stat = fs.statSync(errorFile);
			return { text: fs.readFileSync(errorFile, 'utf8'), age: Date.now() - stat.mtimeMs };
		} catch {
			return null;
		}
	};

	/** First way: `go install` of the pinned commit (works where the module proxy serves it). */
	const goInstall = () => {
		const result = run('go', ['install', ref], {
			cwd: cacheDir, // outside the app's module tree
			env: { GOBIN: cacheDir }
		});
		return result.status === 0 && present()
			? { ok: true }
			: { ok: false, text: outputOf(result, 'go install') };
	};

	/**
	 * For a module `go install` refuses: `go mod download` of the pinned version, then
	 * `go build` of its package in a writable copy (the module cache is read-only).
	 */
	const downloadAndBuild = () => {
		const download = run('go', ['mod', 'download', '-json', ref], { cwd: cacheDir, env: {} });
		let dir;
		try {
			dir = JSON.parse(download.stdout).Dir;
		} catch {
			dir = undefined;
		}
		if (download.status !== 0 || !dir) {
			return { ok: false, text: outputOf(download, 'go mod download') };
		}
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${spec.binary}-`));
		try {
			const folder = path.join(tmp, 'src');
			fs.cpSync(dir, folder, { recursive: true });
			const writable = run('chmod', ['-R', 'u+w', folder], {});
			if (writable.status !== 0) return { ok: false, text: outputOf(writable, 'chmod') };
			const build = run('nice', ['-n', '10', 'go', 'build', '-o', bin, spec.download.package], {
				cwd: folder,
				env: {},
				timeout: Math.max(BUILD_TIMEOUT_MS, spec.buildMinutes * 4 * 60 * 1000)
			});
			return build.status === 0 && present()
				? { ok: true }
				: { ok: false, text: outputOf(build, 'go build') };
		} finally {
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	};

	/** Second way: `go build` from an unmodified source archive (checked) or an extracted folder. */
	const buildFromSource = (source) => {
		const resolved = path.resolve(ROOT, source);
		let stat;
		try {
			stat = fs.statSync(resolved);
		} catch {
			return { ok: false, text: `${spec.sourceEnv}=${source}: no such file or folder` };
		}
		let folder = resolved;
		let tmp = null;
		try {
			if (stat.isFile()) {
				const digest = createHash('sha256').update(fs.readFileSync(resolved)).digest('hex');
				if (digest !== spec.sourceSha256) {
					return {
						ok: false,
						text:
							`${spec.sourceEnv}=${source} has sha256 ${digest}; the archive of ` +
							`${spec.version} has ${spec.sourceSha256}`
					};
				}
				tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${spec.binary}-`));
				const untar = run('tar', ['-xzf', resolved, '-C', tmp], {});
				if (untar.status !== 0) return { ok: false, text: outputOf(untar, 'tar') };
				folder = moduleFolder(tmp);
				if (!folder) return { ok: false, text: `${source}: no go.mod in the archive` };
			}
			const build = run('go', ['build', '-o', bin, '.'], { cwd: folder, env: {} });
			return build.status === 0 && present()
				? { ok: true }
				: { ok: false, text: outputOf(build, 'go build') };
		} finally {
			if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
		}
	};

	/**
	 * Whether the program can run: { available: true, bin } or { available: false, reason }.
	 * With `build`, a missing binary is made: `go install` of the pinned commit, then `go build`
	 * from the archive named by spec.sourceEnv when set. Without `build`, nothing is tried.
	 */
	function availability({ build = false, force = false, log = () => {} } = {}) {
		if (present()) return { available: true, bin };
		const previous = recordedFailure();
		const reasonFrom = (text) =>
			`${spec.title} ${spec.version} could not be built: ${summarise(text)} ` +
			`(full error: ${path.relative(ROOT, errorFile)})`;
		if (!build || (previous && previous.age < RETRY_AFTER_MS && !force)) {
			if (previous) return { available: false, reason: reasonFrom(previous.text) };
			return {
				available: false,
				reason: `${spec.title} ${spec.version} is not built yet (${spec.buildHint})`
			};
		}

		const go = goVersion();
		if (!go || !atLeast(go, MIN_GO)) {
			const found = go ? `Go ${go.join('.')} is too old` : 'Go is not installed';
			recordFailure(
				`${found}; building ${spec.title} needs Go >= ${MIN_GO.join('.')}.\n` +
					'Install it from https://go.dev/doc/install (e.g. tar -C /usr/local -xzf go1.25.8.linux-amd64.tar.gz; export PATH=$PATH:/usr/local/go/bin)'
			);
			return { available: false, reason: reasonFrom(recordedFailure().text) };
		}

		fs.mkdirSync(cacheDir, { recursive: true });
		const cache = path.relative(ROOT, cacheDir);
		if (spec.download) {
			log(
				`Building ${spec.title} ${spec.version} (once, about ${spec.buildMinutes} min; cached in ${cache}) ...`
			);
			const built = downloadAndBuild();
			if (built.ok) {
				fs.rmSync(errorFile, { force: true });
				return { available: true, bin };
			}
			recordFailure(`${installCommand}:\n${built.text}`);
			return { available: false, reason: reasonFrom(recordedFailure().text) };
		}
		log(`Building ${spec.title} ${spec.version} (once; cached in ${cache}) with go install ...`);
		const installed = goInstall();
		if (installed.ok) {
			fs.rmSync(errorFile, { force: true });
			return { available: true, bin };
		}
		const tried = [`1. go install ${ref}:\n${installed.text}`];
		const source = process.env[spec.sourceEnv];
		if (source) {
			log(
				`go install was refused; building ${spec.title} from ${spec.sourceEnv}=${source} (about ${spec.buildMinutes} min) ...`
			);
			const built = buildFromSource(source);
			if (built.ok) {
				fs.rmSync(errorFile, { force: true });
				return { available: true, bin };
			}
			tried.push(`2. go build from ${spec.sourceEnv}=${source}:\n${built.text}`);
		} else {
			tried.push(
				`2. ${spec.sourceEnv} is not set: set it to the source archive of ${spec.version} ` +
					`(${spec.archiveUrl} or its git archive, see README) or to an extracted folder of it`
			);
		}
		recordFailure(tried.join('\n'));
		return { available: false, reason: reasonFrom(recordedFailure().text) };
	}

	return { cacheDir, bin, errorFile, availability };
}
