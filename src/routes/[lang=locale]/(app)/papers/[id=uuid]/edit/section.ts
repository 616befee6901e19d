import type { ActionData, PageData } from './$types';

/** What the paper edit page gives each of its sections (documents, signature). */
export interface PaperEditSection {
	data: PageData;
	form: ActionData;
}
