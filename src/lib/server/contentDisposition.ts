/**
 * The one Content-Disposition header of every download (CSV, .ics, PDF): an ASCII fallback
 * name (letters, digits, dashes) and the UTF-8 name (RFC 6266 §4.3, RFC 8187), so no quote,
 * backslash, slash, control character or line break of a title can reach the header or a
 * file system, and a name in any script still arrives whole where the browser reads
 * `filename*`.
 */
export function contentDisposition(
	baseName: string,
	extension: string,
	type: 'attachment' | 'inline' = 'attachment'
): string {
	const ext = extension.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'bin';
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
			.toWellFormed()
			.replace(/[\p{Cc}\p{Zl}\p{Zp}\\/:*?"<>|]+/gu, '-')
			.trim()
			.slice(0, 120)
			.toWellFormed() || 'download'
	).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${type}; filename="${ascii}.${ext}"; filename*=UTF-8''${utf8}.${ext}`;
}
