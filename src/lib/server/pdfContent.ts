// What a PDF carries besides pages, read from its bytes without rendering it: the hub refuses
// PDFs that run code or carry other files (see README "Files"), and tells a cut-off file from
// a file that is not a PDF at all. Names are read where PDF keeps them (ISO 32000-1 §7.3.5):
// in the dictionaries between objects' streams, and inside compressed object streams
// (§7.5.7), which is where PDF 1.5+ writers put most dictionaries. Other streams (page
// contents, images, fonts) hold no actions and are not read: their binary data would
// contain any short name by chance.
import { inflateSync } from 'node:zlib';

export interface PdfContent {
	/** The file ends as a complete PDF does: `startxref <offset> %%EOF` (§7.5.5), offset inside it. */
	complete: boolean;
	/** JavaScript or launch actions (§12.6.4.16, §12.6.4.5). */
	script: boolean;
	/** Embedded files, file attachments, rich media (§7.11.4, §12.5.6.15, Adobe extension). */
	embeddedFile: boolean;
	/** Encrypted (§7.6): its object streams cannot be read, so what they hold is unknown. */
	encrypted: boolean;
}

const SCRIPT_NAMES = new Set(['JavaScript', 'JS', 'Launch']);
const EMBEDDED_NAMES = new Set(['EmbeddedFile', 'EmbeddedFiles', 'FileAttachment', 'RichMedia']);

/** At most this much inflated from one object stream, and from all of them (no zip bomb). */
const MAX_INFLATED_STREAM = 16 * 1024 * 1024;
const MAX_INFLATED_TOTAL = 64 * 1024 * 1024;

/** PDF names (`/Name`, with `#xx` escapes decoded) in a piece of PDF syntax. */
function* namesIn(text: string): Generator<string> {
	for (const match of text.matchAll(/\/([^\0\t\n\f\r ()<>[\]{}/%]+)/g)) {
		yield match[1]!.replace(/#([0-9a-f]{2})/gi, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16))
		);
	}
}

/** Whether the file ends with a cross-reference pointer into itself and the end marker. */
function endsComplete(bytes: Uint8Array): boolean {
	const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
	const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
	return match !== null && Number(match[1]) < bytes.length;
}

/** Reads a PDF's bytes (already known to start like one) for what the hub refuses. */
export function inspectPdf(bytes: Uint8Array): PdfContent {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	const found = { script: false, embeddedFile: false, encrypted: false };
	const note = (piece: string) => {
		for (const name of namesIn(piece)) {
			if (SCRIPT_NAMES.has(name)) found.script = true;
			else if (EMBEDDED_NAMES.has(name)) found.embeddedFile = true;
			else if (name === 'Encrypt') found.encrypted = true;
		}
	};

	let inflatedTotal = 0;
	const streamStart = /(?<![A-Za-z])stream\r?\n/g;
	let position = 0;
	for (;;) {
		streamStart.lastIndex = position;
		const start = streamStart.exec(text);
		if (!start) break;
		const between = text.slice(position, start.index);
		note(between);
		const dataStart = start.index + start[0].length;
		const dataEnd = text.indexOf('endstream', dataStart);
		if (dataEnd < 0) break; // cut off inside a stream: `complete` says so
		// This stream's own dictionary: from its object's header to the `stream` keyword.
		const header = between.slice(Math.max(0, between.lastIndexOf('obj')));
		const names = new Set(namesIn(header));
		if (names.has('ObjStm') && names.has('FlateDecode') && inflatedTotal < MAX_INFLATED_TOTAL) {
			try {
				const inflated = inflateSync(bytes.subarray(dataStart, dataEnd), {
					maxOutputLength: Math.min(MAX_INFLATED_STREAM, MAX_INFLATED_TOTAL - inflatedTotal)
				});
				inflatedTotal += inflated.length;
				note(inflated.toString('latin1'));
			} catch {
				// A damaged or oversized object stream: readers skip it too; nothing to note.
			}
		}
		position = dataEnd + 'endstream'.length;
	}
	note(text.slice(position));
	return { complete: endsComplete(bytes), ...found };
}
