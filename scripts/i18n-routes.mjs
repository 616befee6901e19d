#!/usr/bin/env node
// Which translation namespaces each page of the [lang] layout names, read from the code the
// page runs: the table of src/lib/i18n/routes.ts, that tests/unit/routeNamespaces.test.ts
// compares with this scan.
//
//   npm run i18n:routes             prints the table
//   npm run i18n:routes -- --write  writes it into src/lib/i18n/routes.ts
//
// What a page runs: its +page.svelte and the layouts and error pages above it, and, when the
// page has form actions, its +page.server.ts, because a refused form comes back with message
// keys (`validation:…`, `errors:…`, what a refusal is mapped to) that the page translates.
// From there every import is followed, but only into what is imported: `import { authErrorKey }
// from '#lib/server/errors'` brings in that function and whatever of its module it uses, not
// the keys of every other function there (the page would otherwise ship the events' and papers'
// refusals with a sign-in form). A Svelte component, a module imported whole (`import * as`,
// a default import) and a module's top-level code count whole. A namespace is named by a quoted
// `ns:` prefix (`'events:title'`, `` `actions:area_${a}` ``) or passed as `ns="papers"`;
// comments do not count.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const ROUTES = path.join(SRC, 'routes');
const LOCALES = path.join(SRC, 'lib', 'i18n', 'locales');
export const ROUTES_FILE = path.join(SRC, 'lib', 'i18n', 'routes.ts');

/** The namespaces: the files of the English source (src/lib/i18n/locales/en/<ns>.json). */
export const NAMESPACE_FILES = fs
	.readdirSync(path.join(LOCALES, 'en'))
	.filter((file) => file.endsWith('.json'))
	.map((file) => file.slice(0, -'.json'.length))
	.sort();

/** What every page has (BASE_NAMESPACES of routes.ts): not listed per page. */
const BASE = ['common'];

const named = new RegExp(`['"\`](${NAMESPACE_FILES.join('|')}):`, 'g');
const passed = new RegExp(`\\bns=["'{]*(${NAMESPACE_FILES.join('|')})\\b`, 'g');

function withoutComments(code) {
	return code
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/^\s*\/\/.*$/gm, '');
}

function namespacesIn(code, found) {
	const text = withoutComments(code);
	for (const [, namespace] of text.matchAll(named)) found.add(namespace);
	for (const [, namespace] of text.matchAll(passed)) found.add(namespace);
}

function resolveImport(from, specifier) {
	let base;
	if (specifier.startsWith('#lib/')) base = path.join(SRC, 'lib', specifier.slice('#lib/'.length));
	else if (specifier === '#lib') base = path.join(SRC, 'lib');
	else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
	else return null;
	const candidates = [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')];
	return (
		candidates.find(
			(file) =>
				fs.existsSync(file) &&
				fs.statSync(file).isFile() &&
				!file.endsWith('.json') &&
				!file.endsWith('.css')
		) ?? null
	);
}

/** The TypeScript of a file: a module as it is, a component's `<script>` blocks. */
function scriptOf(file) {
	const code = fs.readFileSync(file, 'utf8');
	if (!file.endsWith('.svelte')) return code;
	return [...code.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

const parsed = new Map();
/** A module's top level: its declarations by name, its imports, its re-exports, the rest. */
function moduleOf(file) {
	let module = parsed.get(file);
	if (module) return module;
	const source = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, true);
	module = {
		source,
		declarations: new Map(), // local name → statements
		exported: new Map(), // exported name → local name
		imports: new Map(), // local name → { file, name } (name '*' for the whole module)
		reexports: [], // { file, from, to } ('*' for export *)
		other: [] // top-level code that runs when the module is loaded
	};
	const declare = (name, statement) => {
		module.declarations.set(name, [...(module.declarations.get(name) ?? []), statement]);
	};
	const isExported = (statement) =>
		ts.canHaveModifiers(statement) &&
		(ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
	const isDefault = (statement) =>
		ts.canHaveModifiers(statement) &&
		(ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
	for (const statement of source.statements) {
		if (ts.isImportDeclaration(statement)) {
			const target = resolveImport(file, statement.moduleSpecifier.text);
			const clause = statement.importClause;
			if (!target) continue;
			if (!clause) {
				module.other.push({ file: target, name: '*' }); // import './x' runs x
				continue;
			}
			if (clause.name) module.imports.set(clause.name.text, { file: target, name: 'default' });
			const bindings = clause.namedBindings;
			if (bindings && ts.isNamespaceImport(bindings)) {
				module.imports.set(bindings.name.text, { file: target, name: '*' });
			} else if (bindings) {
				for (const element of bindings.elements) {
					module.imports.set(element.name.text, {
						file: target,
						name: (element.propertyName ?? element.name).text
					});
				}
			}
		} else if (ts.isExportDeclaration(statement)) {
			const target = statement.moduleSpecifier
				? resolveImport(file, statement.moduleSpecifier.text)
				: null;
			const clause = statement.exportClause;
			if (!clause) {
				if (target) module.reexports.push({ file: target, from: '*', to: '*' });
			} else if (ts.isNamedExports(clause)) {
				for (const element of clause.elements) {
					const local = (element.propertyName ?? element.name).text;
					if (target) module.reexports.push({ file: target, from: local, to: element.name.text });
					else module.exported.set(element.name.text, local);
				}
			} else if (target) {
				module.reexports.push({ file: target, from: '*', to: clause.name.text });
			}
		} else if (ts.isExportAssignment(statement)) {
			declare('default', statement);
			module.exported.set('default', 'default');
		} else if (
			ts.isFunctionDeclaration(statement) ||
			ts.isClassDeclaration(statement) ||
			ts.isEnumDeclaration(statement)
		) {
			const name = statement.name?.text ?? 'default';
			declare(name, statement);
			if (isExported(statement)) module.exported.set(isDefault(statement) ? 'default' : name, name);
		} else if (ts.isVariableStatement(statement)) {
			const names = [];
			const collect = (binding) => {
				if (ts.isIdentifier(binding)) names.push(binding.text);
				else
					for (const element of binding.elements)
						if (!ts.isOmittedExpression(element)) collect(element.name);
			};
			for (const declaration of statement.declarationList.declarations) collect(declaration.name);
			for (const name of names) {
				declare(name, statement);
				if (isExported(statement)) module.exported.set(name, name);
			}
		} else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
			// Types: nothing of them runs.
		} else {
			module.other.push(statement);
		}
	}
	parsed.set(file, module);
	return module;
}

/** The names a piece of code uses, and the modules it imports at run time (`import('./x')`). */
function identifiersOf(node, into, dynamic) {
	if (ts.isIdentifier(node)) into.add(node.text);
	if (
		ts.isCallExpression(node) &&
		node.expression.kind === ts.SyntaxKind.ImportKeyword &&
		node.arguments[0] &&
		ts.isStringLiteralLike(node.arguments[0])
	) {
		dynamic.add(node.arguments[0].text);
	}
	ts.forEachChild(node, (child) => identifiersOf(child, into, dynamic));
}

/** Queues the modules a piece of code imports at run time, whole. */
function importDynamic(file, specifiers, queue) {
	for (const specifier of specifiers) {
		const target = resolveImport(file, specifier);
		if (target) queue.push({ file: target, name: '*' });
	}
}

/**
 * The namespaces named by what a page runs of `entries` (files used whole) and everything they
 * import, followed name by name.
 * @param {string[]} entries
 * @returns {Set<string>}
 */
export function namespacesOf(entries) {
	const found = new Set();
	const seen = new Set();
	const queue = entries.map((file) => ({ file, name: '*' }));
	for (let next = queue.pop(); next; next = queue.pop()) {
		const { file, name } = next;
		const id = `${file}#${name}`;
		if (seen.has(id) || seen.has(`${file}#*`)) continue;
		seen.add(id);
		const module = moduleOf(file);
		const statements = [];
		const use = (local) => {
			const key = `${file}@${local}`;
			if (seen.has(key)) return;
			seen.add(key);
			const imported = module.imports.get(local);
			if (imported) queue.push(imported);
			for (const statement of module.declarations.get(local) ?? []) statements.push(statement);
		};
		if (name === '*' || file.endsWith('.svelte')) {
			// The whole file: a component's markup names keys too.
			namespacesIn(fs.readFileSync(file, 'utf8'), found);
			for (const local of module.imports.keys()) use(local);
			for (const { file: target, from } of module.reexports)
				queue.push({ file: target, name: from });
			for (const statement of module.other) if (statement.file) queue.push(statement);
			const dynamic = new Set();
			identifiersOf(module.source, new Set(), dynamic);
			importDynamic(file, dynamic, queue);
			continue;
		}
		// What runs when the module is loaded, and the one export asked for.
		for (const statement of module.other) {
			if (statement.file) queue.push(statement);
			else statements.push(statement);
		}
		if (module.exported.has(name)) use(module.exported.get(name));
		for (const { file: target, from, to } of module.reexports) {
			if (to === name) queue.push({ file: target, name: from });
			else if (to === '*' && from === '*') queue.push({ file: target, name });
		}
		// Whatever of the module those statements use, followed until nothing new appears.
		for (let i = 0; i < statements.length; i++) {
			const statement = statements[i];
			namespacesIn(statement.getText(module.source), found);
			const identifiers = new Set();
			const dynamic = new Set();
			identifiersOf(statement, identifiers, dynamic);
			for (const identifier of identifiers) use(identifier);
			importDynamic(file, dynamic, queue);
		}
	}
	return found;
}

function pageFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return pageFiles(path.join(dir, entry.name));
		return entry.name === '+page.svelte' ? [path.join(dir, entry.name)] : [];
	});
}

/**
 * What each page of the [lang] layout names, beyond the namespaces every page has, by route id.
 * @returns {Record<string, string[]>}
 */
export function scanPages() {
	const pages = {};
	for (const page of pageFiles(path.join(ROUTES, '[lang=locale]')).sort()) {
		const folder = path.dirname(page);
		const entries = [page];
		for (let dir = folder; dir.startsWith(ROUTES); dir = path.dirname(dir)) {
			for (const name of ['+layout.svelte', '+layout.ts', '+error.svelte']) {
				if (fs.existsSync(path.join(dir, name))) entries.push(path.join(dir, name));
			}
		}
		const server = path.join(folder, '+page.server.ts');
		if (fs.existsSync(server) && /export const actions\b/.test(fs.readFileSync(server, 'utf8'))) {
			// The actions only: what the page's load returns is translated on the server.
			entries.push(server);
		}
		const id = '/' + path.relative(ROUTES, folder).split(path.sep).join('/');
		pages[id] = [...namespacesOf(entries)].filter((ns) => !BASE.includes(ns)).sort();
	}
	return pages;
}

/** The table as it is written in src/lib/i18n/routes.ts. */
export function tableSource(pages) {
	const lines = Object.entries(pages).map(
		([id, namespaces]) => `\t'${id}': [${namespaces.map((ns) => `'${ns}'`).join(', ')}],`
	);
	lines[lines.length - 1] = lines.at(-1).replace(/,$/, '');
	return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
	const pages = scanPages();
	if (process.argv.includes('--write')) {
		const code = fs.readFileSync(ROUTES_FILE, 'utf8');
		const table = /(export const ROUTE_NAMESPACES[^{]*\{\n)([\s\S]*?)(\n\};)/;
		if (!table.test(code)) throw new Error(`No ROUTE_NAMESPACES table in ${ROUTES_FILE}`);
		fs.writeFileSync(
			ROUTES_FILE,
			code.replace(table, (_, a, _b, c) => a + tableSource(pages) + c)
		);
		console.log(`Wrote the table of ${path.relative(ROOT, ROUTES_FILE)}`);
	} else {
		console.log(tableSource(pages));
	}
}
