/**
 * CSV for spreadsheets (RFC 4180 quoting, CRLF lines, UTF-8 with a byte-order mark so that
 * Excel reads accents correctly). Cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) get a leading apostrophe, as OWASP
 * advises: https://owasp.org/www-community/attacks/CSV_Injection
 */

/** Excel's list separator: a semicolon where the decimal mark is a comma (fr, nl, de, es). */
export function csvDelimiter(locale: string): ',' | ';' {
	return locale === 'en' ? ',' : ';';
}

/** One cell: neutralised when it looks like a formula, quoted when it must be. */
export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	const mustQuote =
		text.includes(delimiter) || /["\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
	return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: header row and rows, with the byte-order mark. */
export function toCsv(
	header: string[],
	rows: (string | number | null | undefined)[][],
	delimiter: ',' | ';' = ','
): string {
	const line = (cells: (string | number | null | undefined)[]) =>
		cells.map((cell) => csvCell(cell, delimiter)).join(delimiter);
	return '\uFEFF' + [header, ...rows].map(line).join('\r\n') + '\r\n';
}

/**
 * A Content-Disposition header for a download: an ASCII fallback name (letters, digits,
 * dashes) and the UTF-8 name (RFC 6266 / RFC 5987), so no quote, slash or line break of a
 * title can reach the header.
 */
export function attachmentDisposition(baseName: string, extension: string): string {
	const ascii =
		baseName
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80)
			.toLowerCase() || 'download';
	const utf8 = encodeURIComponent(
		baseName
			.replace(/[\p{Cc}\\/:*?"<>|]+/gu, '-')
			.trim()
			.slice(0, 120) || 'download'
	).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${utf8}.${extension}`;
}
