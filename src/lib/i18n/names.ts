/**
 * Country and language codes as filter options: each with its name in the reader's language,
 * in the reader's alphabetical order (an unknown code stands for itself).
 */
export function namedOptions(
	codes: readonly string[],
	names: Intl.DisplayNames,
	locale: string
): { value: string; label: string }[] {
	const collator = new Intl.Collator(locale);
	return codes
		.map((code) => ({ value: code, label: names.of(code) ?? code }))
		.sort((a, b) => collator.compare(a.label, b.label));
}
