import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFilename, checkPdf, MAX_PDF_BYTES, safeFilename } from '#lib/server/paperFiles';
import { makePdf } from '../pdf';

const encode = (text: string) => new TextEncoder().encode(text);

describe('checkPdf', () => {
	it('accepts a PDF by its content, with its dictionaries plain or in a compressed object stream', () => {
		expect(checkPdf(makePdf('Position paper'))).toBeNull();
		expect(checkPdf(makePdf('Position paper', { compressed: true }))).toBeNull();
	});

	it('accepts every PDF of the demo seed', () => {
		const folder = 'supabase/seed-files';
		const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.pdf')
		);
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			expect(checkPdf(readFileSync(path.join(folder, file))), file).toBeNull();
		}
	});

	it('refuses a renamed text or image file', () => {
		expect(checkPdf(encode('Hello, I am not a PDF'))).toBe('validation:pdf_not_pdf');
		expect(checkPdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(
			'validation:pdf_not_pdf'
		);
	});

	it('tells a truncated PDF from a file that is not one: cut anywhere, it is refused as incomplete', () => {
		const pdf = makePdf('Cut off while downloading');
		for (const length of [20, Math.floor(pdf.length / 2), pdf.length - 7, pdf.length - 2]) {
			expect(checkPdf(pdf.subarray(0, length)), `first ${length} bytes`).toBe(
				'validation:pdf_truncated'
			);
		}
		// An end marker without the pointer to the cross-reference, or one pointing past the end.
		expect(checkPdf(encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'))).toBe(
			'validation:pdf_truncated'
		);
		expect(checkPdf(encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n999\n%%EOF\n'))).toBe(
			'validation:pdf_truncated'
		);
	});

	it('refuses JavaScript and launch actions, plain, compressed or with escaped names', () => {
		const script = '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>';
		expect(checkPdf(makePdf('x', { catalog: script }))).toBe('validation:pdf_script');
		expect(checkPdf(makePdf('x', { catalog: script, compressed: true }))).toBe(
			'validation:pdf_script'
		);
		// `#4A` is J: a name written with escapes is the same name (ISO 32000-1 §7.3.5).
		expect(
			checkPdf(makePdf('x', { catalog: '/OpenAction << /S /#4AavaScript /#4AS 7 0 R >>' }))
		).toBe('validation:pdf_script');
		expect(checkPdf(makePdf('x', { catalog: '/OpenAction << /S /Launch /F (calc.exe) >>' }))).toBe(
			'validation:pdf_script'
		);
	});

	it('refuses embedded files and attachments, plain or compressed', () => {
		const attachment = '/Names << /EmbeddedFiles << /Names [(a.exe) 7 0 R] >> >>';
		expect(checkPdf(makePdf('x', { catalog: attachment }))).toBe('validation:pdf_embedded_file');
		expect(checkPdf(makePdf('x', { catalog: attachment, compressed: true }))).toBe(
			'validation:pdf_embedded_file'
		);
	});

	it('refuses an encrypted PDF, whose compressed objects it cannot read', () => {
		expect(checkPdf(makePdf('x', { trailer: '/Encrypt 9 0 R' }))).toBe('validation:pdf_encrypted');
	});

	it('does not take the words of a page, or bytes of an image, for an action', () => {
		// The text "/JavaScript" drawn on a page, and random binary streams, are page contents.
		expect(checkPdf(makePdf('See /JavaScript and /EmbeddedFiles in ISO 32000'))).toBeNull();
		const image = Buffer.alloc(4096, '/JS /Launch ');
		const pdf = makePdf('x').toString('latin1');
		const withImage = pdf.replace(
			'5 0 obj\n',
			`5 0 obj\n<< /Length ${image.length} >>\nstream\n${image.toString('latin1')}\nendstream\nendobj\n99 0 obj\n`
		);
		expect(checkPdf(Buffer.from(withImage, 'latin1'))).toBeNull();
	});

	it('refuses empty and oversize files', () => {
		expect(checkPdf(new Uint8Array())).toBe('validation:pdf_empty');
		expect(checkPdf(new Uint8Array(MAX_PDF_BYTES + 1))).toBe('validation:pdf_too_large');
	});
});

describe('checkFilename', () => {
	it.each(['rapport.pdf', 'Prise de position — détention.pdf', 'تقرير.pdf', 'a'.repeat(255)])(
		'takes %j',
		(name) => {
			expect(checkFilename(name)).toBeNull();
		}
	);

	it.each([
		'../../etc/passwd.pdf',
		'reports/2026.pdf',
		'C:\\Users\\x\\note.pdf',
		'note\u0000.pdf',
		'note\n.pdf',
		'note\u007f.pdf',
		'note\u202efdp.exe',
		'a'.repeat(256)
	])('refuses %j', (name) => {
		expect(checkFilename(name)).toBe('validation:file_name_invalid');
	});
});

describe('safeFilename', () => {
	it('keeps a readable ASCII name ending in .pdf', () => {
		expect(safeFilename('Prise de position — détention.pdf')).toBe(
			'Prise-de-position-detention.pdf'
		);
		expect(safeFilename('../../etc/passwd')).toBe('etc-passwd.pdf');
		expect(safeFilename('"; rm -rf /')).toBe('rm-rf.pdf');
		expect(safeFilename('')).toBe('document.pdf');
	});
});
