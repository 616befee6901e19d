import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Modules every page loads (see `codeSplitting` below). The app's own: the locale table, the
// formatters, the translation context, the return-path check and the page title; the bundler's
// helpers. Not SvelteKit's form actions (only pages with a form use them), nor its two entry
// modules (they must stay entries), nor Svelte's legacy/async/tracing switches.
const COMMON = new RegExp(
	[
		/node_modules\/(svelte|@sveltejs\/kit|devalue|esm-env|clsx)\//,
		/src\/lib\/(i18n\/(config|format|context)\.ts|redirects\.ts|components\/PageTitle\.svelte)$/,
		/^\0(vite\/preload-helper|rolldown\/runtime)/
	]
		.map((part) => part.source)
		.join('|')
);
// The parts of the list pages (actions, papers, events, organisations): one file instead of five.
// Not ItemListPage, the actions' and the papers' page alone (the events list is the heaviest
// page, and loaded it for nothing).
const LISTS =
	/src\/lib\/components\/(ItemListHeading|ListHeading|ListFilters|ListResults|OrganisationFilter|FilterSelect|Pagination|DirectionArrow)\.svelte$|src\/lib\/paging\.ts$/;
const NOT_COMMON =
	/\/app\/forms\/|\/flags\/(legacy|async|tracing)\.js$|\/client\/(entry|payload)\.js$/;

export default defineConfig({
	plugins: [
		// SvelteKit 3 takes the project's configuration here (svelte.config.js is gone).
		sveltekit({
			preprocess: vitePreprocess(),
			adapter: adapter(),
			// SvelteKit's cross-site form check is done by src/hooks.server.ts (#lib/server/csrf),
			// the same rule with one exception: a mail client's one-click unsubscribe POST
			// (RFC 8058) has no Origin. '*' is the only way to turn SvelteKit's own check off.
			csrf: { trustedOrigins: ['*'] },
			// Every stylesheet a page needs goes into a <style> in its HTML (the largest, the
			// layout's, is 12 KB before compression; all of a page's CSS is ~4 KB gzip) instead of
			// <link>s the browser must fetch before it paints: one round trip less before the
			// first paint (Lighthouse mobile: FCP/LCP, docs/benchmarks.md, issue 14).
			inlineStyleThreshold: 64 * 1024,
			router: { resolution: 'server' },
			// Every component of the hub in runes mode, also those without props or state (the
			// footer, the home page, the error pages): compiled in legacy mode they made every page
			// load Svelte's legacy-mode switch and run its extra work in each component.
			dynamicCompileOptions: ({ filename }: { filename: string }) =>
				filename.includes('/node_modules/') ? undefined : { runes: true },
			// Content-Security-Policy with hashes/nonces for SvelteKit's own inline scripts.
			csp: {
				// Hashes of the inline scripts, not a nonce: an anonymous page kept by a shared cache
				// (README "Caching") then carries no secret shared by every visitor, and the same page
				// gives the same bytes, so SvelteKit's own ETag matches on the next request.
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					// Svelte writes `style` attributes; attributes cannot be hashed without 'unsafe-hashes'.
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	build: {
		// Translation files stay files even when small (src/lib/i18n/load.ts): cached once by the
		// browser, never inlined as data: URLs into the JavaScript.
		assetsInlineLimit: (file) => (file.includes('/src/lib/i18n/locales/') ? false : undefined),
		// SvelteKit writes a page's <link rel="modulepreload"> itself (from its manifest); Vite's
		// helper repeated that for every route in the JavaScript of every page (a table of each
		// route's chunks and the code to preload them: 2 KB gzip of each page's 50 KB budget).
		// Navigating in the app, a page's chunks then load as its module imports them (and on
		// hover, data-sveltekit-preload-data in app.html).
		modulePreload: false
	},
	environments: {
		client: {
			build: {
				rolldownOptions: {
					output: {
						codeSplitting: {
							// What every page loads, as one file: Svelte's and SvelteKit's runtime and the
							// few modules of the hub each page uses. Left to the bundler they were a dozen
							// files, each compressed on its own (its own header, dictionary and imports):
							// ~3 KB gzip more of every page's 50 KB budget (docs/benchmarks.md, issue 14).
							groups: [
								{ name: 'common', test: (id: string) => COMMON.test(id) && !NOT_COMMON.test(id) },
								{ name: 'lists', test: LISTS }
							]
						}
					}
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
