import { accessReason } from '#lib/access';
import * as items from '#lib/server/items';
import * as translationRequests from '#lib/server/translationRequests';
import * as jointActions from '#lib/server/jointActions';
import * as papers from '#lib/server/papers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// One request: the paper with its texts, versions, files, signatures, languages' states
	// and, for a signed-in reader, their rights and memberships (why they may read it).
	const found = await papers.getById(locals.supabase, params.id);
	const { item: paper, text } = items.shownText(found, locals, url);
	const rights = items.rightsFrom(paper.item.reader_rights, locals.user !== null);
	// Every language's state: the original, up to date, outdated since, requested from, missing.
	const translationStates = translationRequests.statesFor(paper, paper.item);
	const action = jointActions.actionLink(paper.action, locals.locale);

	const numberOf = new Map(paper.versions.map((v) => [v.id, v.number]));
	const versions = [...paper.versions]
		.sort((a, b) => b.number - a.number)
		.map((version) => ({
			...version,
			files: paper.files
				.filter((file) => file.version_id === version.id)
				.sort((a, b) => a.locale.localeCompare(b.locale))
		}));

	return {
		translationStates,
		paper: {
			id: paper.id,
			kind: paper.paper_kind,
			originalLocale: paper.original_locale,
			areas: paper.areas,
			crcArticles: paper.crc_articles,
			status: paper.item.status,
			visibility: paper.item.visibility,
			publishedAt: paper.item.published_at,
			signatureOpen: paper.signature_version_id !== null,
			signatureVersion: paper.signature_version_id
				? numberOf.get(paper.signature_version_id)
				: null,
			signatureDeadline: paper.signature_deadline
		},
		text: {
			locale: text.locale,
			title: text.title,
			abstract: text.abstract,
			isFallback: text.isFallback
		},
		languages: paper.translations.map((t) => t.locale),
		versions,
		signatures: paper.signatures
			.filter((s) => s.organisation)
			.map((s) => ({
				id: s.id,
				state: s.state,
				decidedAt: s.decided_at,
				version: numberOf.get(s.version_id) ?? null,
				organisation: s.organisation!
			}))
			.sort(
				(a, b) =>
					(b.version ?? 0) - (a.version ?? 0) ||
					a.organisation.name.localeCompare(b.organisation.name)
			),
		organisations: paper.item.attachments
			.filter((a) => a.organisation && a.state === 'accepted' && a.role !== 'signatory')
			.map((a) => ({ role: a.role, slug: a.organisation!.slug, name: a.organisation!.name })),
		action,
		reason: accessReason(paper.item, paper.item.attachments, rights.memberships),
		// Display only: the manage page and the database decide again.
		canEdit: rights.canManage
	};
};
