import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

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
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
