import { describe, expect, it } from 'vitest';
import { checkPdf, MAX_PDF_BYTES, safeFilename } from '#lib/server/paperFiles';

const encode = (text: string) => new TextEncoder().encode(text);

describe('checkPdf', () => {
	it('accepts a PDF by its content', () => {
		expect(checkPdf(encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'))).toBeNull();
	});

	it('refuses a renamed text or image file', () => {
		expect(checkPdf(encode('Hello, I am not a PDF'))).toBe('validation:pdf_not_pdf');
		expect(checkPdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(
			'validation:pdf_not_pdf'
		);
	});

	it('refuses a truncated PDF (no end-of-file marker)', () => {
		expect(checkPdf(encode('%PDF-1.7\n1 0 obj\n<<>>'))).toBe('validation:pdf_not_pdf');
	});

	it('refuses empty and oversize files', () => {
		expect(checkPdf(new Uint8Array())).toBe('validation:pdf_empty');
		expect(checkPdf(new Uint8Array(MAX_PDF_BYTES + 1))).toBe('validation:pdf_too_large');
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
