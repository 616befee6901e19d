/** 25 MiB, the limit the database also enforces on paper_files.size_bytes. */
export const MAX_PDF_BYTES = 25 * 1024 * 1024;
