import { createHash, randomUUID } from 'node:crypto';
import { notAllowed } from './errors';
import type { Client } from './supabase';
import { MAX_PDF_BYTES } from '../pdf';
import { inspectPdf } from './pdfContent';
import type { FileStorage } from './storage';

export { MAX_PDF_BYTES };

export type PdfProblem =
	| 'validation:pdf_empty'
	| 'validation:pdf_too_large'
	| 'validation:pdf_not_pdf'
	| 'validation:pdf_truncated'
	| 'validation:pdf_script'
	| 'validation:pdf_embedded_file'
	| 'validation:pdf_encrypted';

/**
 * Why these bytes cannot be a paper's PDF (an i18n key), or null. By content, never by name:
 * a PDF starts with `%PDF-1.x` (or 2.0) within its first 1024 bytes (ISO 32000-1 §7.5.2) and
 * ends with `startxref`, an offset and `%%EOF` (§7.5.5); a file that starts right but does not
 * end so was cut off. PDFs with JavaScript, launch actions, embedded files or encryption are
 * refused, not flagged: a paper is opened by every reader of the network, and an encrypted
 * one could hide either (README, "Files").
 */
export function checkPdf(bytes: Uint8Array): PdfProblem | null {
	if (bytes.length === 0) return 'validation:pdf_empty';
	if (bytes.length > MAX_PDF_BYTES) return 'validation:pdf_too_large';
	const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
	if (!/%PDF-(1\.[0-7]|2\.0)/.test(head)) return 'validation:pdf_not_pdf';
	const content = inspectPdf(bytes);
	if (!content.complete) return 'validation:pdf_truncated';
	if (content.encrypted) return 'validation:pdf_encrypted';
	if (content.script) return 'validation:pdf_script';
	if (content.embeddedFile) return 'validation:pdf_embedded_file';
	return null;
}

/** Longest file name kept (in characters); longer names are refused, not cut. */
export const MAX_FILENAME_LENGTH = 255;

/**
 * Why a file name as sent cannot be taken (an i18n key), or null. Browsers send a file's
 * own name without its folders; a name with path parts (`/`, `\\`), control characters or
 * bidirectional overrides (which make `fdp.exe` read as `exe.pdf`) was made by hand, and is
 * refused rather than silently changed.
 */
export function checkFilename(name: string): 'validation:file_name_invalid' | null {
	if (name.length > MAX_FILENAME_LENGTH) return 'validation:file_name_invalid';
	// The rule guards against control characters put in a pattern by accident; here they are
	// exactly what the pattern looks for.
	// eslint-disable-next-line no-control-regex
	if (/[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(name)) {
		return 'validation:file_name_invalid';
	}
	return null;
}

/** A download name that is safe in a header and on every file system. */
export function safeFilename(name: string, fallback = 'document.pdf'): string {
	const base = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 120);
	if (!base) return fallback;
	return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

/** The file storage refused or could not be reached: nothing was kept (no row, no object). */
export class FileNotStored extends Error {
	constructor(cause: unknown) {
		super(`the file could not be stored: ${cause instanceof Error ? cause.message : cause}`, {
			cause
		});
		this.name = 'FileNotStored';
	}
}

export interface UploadInput {
	paperId: string;
	versionId: string;
	locale: string;
	filename: string;
	bytes: Uint8Array;
}

/**
 * Stores a paper's PDF and its metadata row so that neither exists without the other:
 * bytes first under a fresh key, then the row as the caller (RLS decides whether they may);
 * if the row is refused or fails, the bytes are removed before the error goes on.
 * (A crash between the two steps can leave only an unreferenced object under a random key,
 * which no row points to and so nobody can ever download.)
 */
export async function uploadPaperFile(supabase: Client, storage: FileStorage, input: UploadInput) {
	const storageKey = `papers/${input.paperId}/${randomUUID()}.pdf`;
	try {
		await storage.put(storageKey, input.bytes, 'application/pdf');
	} catch (caught) {
		// A PUT cut off half-way stores nothing on S3 (an object exists only once complete);
		// on local disk only a `.partial` file under a random name could stay.
		throw new FileNotStored(caught);
	}
	const { data, error } = await supabase
		.from('paper_files')
		.insert({
			paper_id: input.paperId,
			version_id: input.versionId,
			locale: input.locale,
			storage_key: storageKey,
			filename: safeFilename(input.filename),
			size_bytes: input.bytes.length,
			sha256: createHash('sha256').update(input.bytes).digest('hex')
		})
		.select('id')
		.single();
	if (error) {
		await storage.delete(storageKey);
		throw error;
	}
	return { id: data.id, storageKey };
}

/** A file's bytes for the caller, or null when RLS hides its row (or the object is missing). */
export async function download(supabase: Client, storage: FileStorage, fileId: string) {
	const { data, error } = await supabase
		.from('paper_files')
		.select('storage_key, filename, size_bytes, sha256, locale, paper_id')
		.eq('id', fileId)
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;
	const bytes = await storage.get(data.storage_key);
	if (!bytes) return null;
	return { ...data, bytes };
}

/** Removes a file of a version nobody signed yet: the row as the caller (RLS), then its bytes. */
export async function removePaperFile(
	supabase: Client,
	storage: FileStorage,
	paperId: string,
	fileId: string
) {
	const { data, error } = await supabase
		.from('paper_files')
		.delete()
		.eq('id', fileId)
		.eq('paper_id', paperId)
		.select('storage_key');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
	await storage.delete(data[0]!.storage_key);
}
