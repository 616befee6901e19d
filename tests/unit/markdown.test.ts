import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/server/markdown';

describe('renderMarkdown', () => {
	it('renders headings, lists, emphasis and links', () => {
		const html = renderMarkdown(
			'## Goals\n\n- **Stop** detention\n- see [the report](https://example.org/r)'
		);
		expect(html).toContain('<h2>Goals</h2>');
		expect(html).toContain('<strong>Stop</strong>');
		expect(html).toContain(
			'<a href="https://example.org/r" rel="nofollow noopener ugc">the report</a>'
		);
	});

	it('drops control characters and reads CR and CRLF as line breaks', () => {
		expect(renderMarkdown('a\u0000b\u000bc\u001b[31md\u007f\u0085\r\ne\rf\tg')).toBe(
			'<p>abc[31md\ne\nf\tg</p>'
		);
		expect(renderMarkdown('# T\r\rx')).toBe('<h2>T</h2>\n<p>x</p>');
	});

	it('keeps the page h1 unique by starting headings at h2', () => {
		expect(renderMarkdown('# Title')).toBe('<h2>Title</h2>');
	});

	it.each([
		['<script>alert(1)</script>', '<script'],
		['<img src=x onerror=alert(1)>', 'onerror'],
		['[click](javascript:alert(1))', 'javascript:'],
		['<a href="https://x.org" onclick="steal()">x</a>', 'onclick'],
		['<iframe src="https://evil.example"></iframe>', '<iframe'],
		['<style>body{display:none}</style>', '<style'],
		['[x](//evil.example/path)', '//evil.example']
	])('removes what could run or escape: %s', (source, forbidden) => {
		expect(renderMarkdown(source)).not.toContain(forbidden);
	});
});
