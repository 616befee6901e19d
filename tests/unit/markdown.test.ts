import { describe, expect, it } from 'vitest';
import { plainSummary, renderMarkdown } from '#lib/server/markdown';

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

	// The exact safe output: the text around is kept and the dangerous part is gone (an
	// empty output, or one that dropped the link text, would not do).
	it.each([
		['Avant <script>alert(1)</script> après', '<p>Avant  après</p>'],
		['Photo <img src=x onerror=alert(1)> ici', '<p>Photo  ici</p>'],
		['[click](javascript:alert(1))', '<p><a rel="nofollow noopener ugc">click</a></p>'],
		[
			'<a href="https://x.org" onclick="steal()">x</a>',
			'<p><a href="https://x.org" rel="nofollow noopener ugc">x</a></p>'
		],
		[
			'Avant\n\n<iframe src="https://evil.example"></iframe>\n\naprès',
			'<p>Avant</p>\n<p>après</p>'
		],
		['Avant <style>body{display:none}</style> après', '<p>Avant  après</p>'],
		['[x](//evil.example/path)', '<p><a rel="nofollow noopener ugc">x</a></p>']
	])('removes what could run or escape: %s', (source, safe) => {
		expect(renderMarkdown(source)).toBe(safe);
	});
});

describe('plainSummary (a page meta description)', () => {
	it('keeps the words of a Markdown text without its marks', () => {
		expect(
			plainSummary(
				'Une journée sur la **participation** des [enfants](https://example.org).\n\n## Programme\n\n- `Accueil`\n> Citation'
			)
		).toBe('Une journée sur la participation des enfants. Programme Accueil Citation');
	});

	it('cuts a long text with an ellipsis, within the limit', () => {
		const summary = plainSummary('mot '.repeat(100), 40);
		expect(summary.length).toBeLessThanOrEqual(40);
		expect(summary.endsWith('…')).toBe(true);
		expect(plainSummary('')).toBe('');
	});
});
