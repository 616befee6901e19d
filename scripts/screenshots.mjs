// Screenshots of hub pages at phone and desktop widths, for looking at what we build.
// Usage: node scripts/screenshots.mjs [base-url] [path ...]  → .data/screenshots/*.png
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [base = 'http://localhost:3000', ...paths] = process.argv.slice(2);
const targets = paths.length > 0 ? paths : ['/en', '/fr'];
const out = new URL('../.data/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update']
});
try {
	for (const [label, viewport] of [
		['phone', { width: 360, height: 800 }],
		['desktop', { width: 1280, height: 900 }]
	]) {
		const page = await browser.newPage({ viewport });
		for (const path of targets) {
			await page.goto(base + path, { waitUntil: 'networkidle' });
			const file = `${out}${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${label}.png`;
			await page.screenshot({ path: file, fullPage: true });
			console.log(file);
		}
		await page.close();
	}
} finally {
	await browser.close();
}
