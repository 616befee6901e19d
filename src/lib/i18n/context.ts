import { getContext, setContext } from 'svelte';
import type { TFunction } from 'i18next';
import type { Locale } from './config';
import type { Namespace } from './resources';

/** A translate function that knows every namespace's keys (`t('auth:email')`). */
export type HubT = TFunction<['common', ...Exclude<Namespace, 'common'>[]]>;

const KEY = Symbol('i18n');

/** What components read: the page's translate function and locale, kept current on navigation. */
export interface I18nContext {
	readonly t: HubT;
	readonly locale: Locale;
}

export function setI18n(context: I18nContext): void {
	setContext(KEY, context);
}

export function getI18n(): I18nContext {
	const context = getContext<I18nContext | undefined>(KEY);
	if (!context) throw new Error('getI18n() called outside the [lang] layout');
	return context;
}
