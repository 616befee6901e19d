import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Markdown written by organisations → HTML safe to put in a page. Marked does not sanitise,
 * so its output goes through an allowlist (https://github.com/apostrophecms/sanitize-html):
 * no script, no style, no event handler, no raw HTML that escapes, links only to http(s)/mailto.
 * Headings start at h2 (the page has its own h1). Control characters never reach the page.
 */
export function renderMarkdown(source: string): string {
	// Text written before the forms refused control characters may still hold some: line
	// breaks become LF, the rest (NUL, VT, ESC…) is dropped; HTML allows none of them.
	const clean = source.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '');
	const html = (marked.parse(clean) as string).trim();
	return sanitizeHtml(html, {
		allowedTags: [
			'p',
			'br',
			'hr',
			'h2',
			'h3',
			'h4',
			'strong',
			'em',
			'del',
			'blockquote',
			'code',
			'pre',
			'ul',
			'ol',
			'li',
			'a',
			'table',
			'thead',
			'tbody',
			'tr',
			'th',
			'td'
		],
		allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'], ol: ['start'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		allowProtocolRelative: false,
		disallowedTagsMode: 'discard',
		transformTags: {
			h1: 'h2',
			h5: 'h4',
			h6: 'h4',
			a: (tagName, attribs) => ({
				tagName,
				attribs: { ...attribs, rel: 'nofollow noopener ugc' }
			})
		},
		allowedSchemesAppliedToAttributes: ['href']
	});
}

/**
 * The first words of a Markdown text as plain text, for a page's meta description (search
 * results show it): links and images become their text, marks and block markers go, white
 * space folds; at most `max` characters, cut with an ellipsis.
 */
export function plainSummary(source: string, max = 160): string {
	const text = source
		.replace(/[^\P{Cc}\n\t]/gu, '')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
		.replace(/\*\*|__|~~|[*_`]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
