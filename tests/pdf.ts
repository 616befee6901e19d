import { deflateSync } from 'node:zlib';

export interface PdfOptions {
	/** More entries of the document catalog, e.g. `/OpenAction << /S /JavaScript /JS (…) >>`. */
	catalog?: string;
	/** More entries of the trailer, e.g. `/Encrypt 9 0 R`. */
	trailer?: string;
	/**
	 * Dictionaries in a Flate-compressed object stream (PDF 1.5+, ISO 32000-1 §7.5.7), as most
	 * writers save them today, instead of plain objects.
	 */
	compressed?: boolean;
}

/**
 * A small PDF with one line of text (the seed's generator makes the same shape): a catalog,
 * its pages, a font, a content stream, a cross-reference table and `startxref … %%EOF`.
 */
export function makePdf(text: string, options: PdfOptions = {}): Buffer {
	const content = `BT /F1 18 Tf 72 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
	const dictionaries = [
		`<< /Type /Catalog /Pages 2 0 R${options.catalog ? ` ${options.catalog}` : ''} >>`,
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	const contentStream = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
	let objects: string[];
	if (options.compressed) {
		// Objects 1–4 live in object 6, a compressed object stream; 5 stays a plain stream.
		let body = '';
		const offsets: string[] = [];
		dictionaries.forEach((dictionary, index) => {
			offsets.push(`${index + 1} ${body.length}`);
			body += `${dictionary}\n`;
		});
		const header = `${offsets.join(' ')}\n`;
		const packed = deflateSync(Buffer.from(header + body, 'latin1')).toString('latin1');
		objects = [
			...dictionaries.map(() => 'null'),
			contentStream,
			`<< /Type /ObjStm /N ${dictionaries.length} /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n${packed}\nendstream`
		];
	} else {
		objects = [...dictionaries, contentStream];
	}
	let out = '%PDF-1.5\n';
	const offsets: number[] = [];
	objects.forEach((body, index) => {
		offsets.push(out.length);
		out += `${index + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	const trailer = options.trailer ? ` ${options.trailer}` : '';
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}
