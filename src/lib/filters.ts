import type { I18nContext } from '#lib/i18n/context';
import { namesOf, sortByName } from '#lib/i18n/format';
import { WORK_AREAS } from '#lib/workAreas';

/** The props of a `FilterSelect`: one filter of a list page's filter form. */
export interface FilterProps {
	/** The query-string parameter, also the id suffix (`filter-<name>`). */
	name: string;
	label: string;
	/** The first option, meaning "no filter". */
	allLabel: string;
	options: { value: string | number; label: string }[];
	selected: Selected;
}

type Selected = string | number | undefined | null;

/** The area-of-work filter, alike on every list. */
export function areaFilter({ t }: I18nContext, selected: Selected): FilterProps {
	return {
		name: 'area',
		label: t('actions:filter_area'),
		allLabel: t('actions:all_areas'),
		options: WORK_AREAS.map((area) => ({ value: area, label: t(`actions:area_${area}`) })),
		selected
	};
}

/**
 * A filter by country or language code: each code with its name in the reader's language,
 * in the reader's alphabetical order (an unknown code stands for itself).
 */
export function codeFilter(
	{ locale }: I18nContext,
	name: 'country' | 'language',
	labels: { label: string; allLabel: string },
	codes: readonly string[],
	selected: Selected
): FilterProps {
	const type = name === 'country' ? 'region' : 'language';
	const names = namesOf(locale, type);
	return {
		name,
		...labels,
		options: sortByName(codes, (code) => code, type, locale).map((code) => ({
			value: code,
			label: names.of(code) ?? code
		})),
		selected
	};
}
