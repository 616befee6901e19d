/**
 * CSV for spreadsheets (RFC 4180 quoting, CRLF lines, UTF-8 with a byte-order mark so that
 * Excel reads accents correctly). Cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) get a leading apostrophe, as OWASP
 * advises: https://owasp.org/www-community/attacks/CSV_Injection
 */

/**
 * Excel's list separator: a semicolon where the decimal mark is a comma (fr, nl, de, es); in
 * Arabic too, as the Maghreb's sections work in French-language Windows (a file opened where
 * the separator is a comma needs Excel's Data › From Text). Only English gets commas.
 */
export function csvDelimiter(locale: string): ',' | ';' {
	return locale === 'en' ? ',' : ';';
}

/** One cell: neutralised when it looks like a formula, quoted when it must be. */
export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
	let text = value === null || value === undefined ? '' : String(value);
	// Line breaks as LF inside the quoted cell; every other control character but a tab is
	// dropped first, so none can hide a formula behind it (\0=cmd) or garble the file.
	text = text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n\t]/gu, '');
	if (/^[=+\-@\t\r\n]/.test(text)) text = `'${text}`;
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
