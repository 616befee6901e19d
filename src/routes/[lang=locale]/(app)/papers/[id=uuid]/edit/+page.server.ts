import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import {
	paperInviteSchema,
	paperOpenSignatureSchema,
	paperTranslationSchema,
	paperUploadSchema,
	paperVersionSchema
} from '#lib/schemas/papers';
import { isUnavailable, paperErrorKey } from '#lib/server/errors';
import { formFail, formValues, parseForm, readForm } from '#lib/server/forms';
import { editAction, editActions, translationRequestsForEditing } from '#lib/server/itemForms';
import * as items from '#lib/server/items';
import { log } from '#lib/server/log';
import * as organisations from '#lib/server/organisations';
import {
	checkFilename,
	checkPdf,
	FileNotStored,
	removePaperFile,
	uploadPaperFile
} from '#lib/server/paperFiles';
import * as papers from '#lib/server/papers';
import { fileStorage } from '#lib/server/storage';
import type { Actions, PageServerLoad } from './$types';

const fileIdSchema = z.object({ file_id: z.uuid() });

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const editing = await items.loadForEditing({ locals, url, params }, 'paper');
	const { item: paper, locale, original, isOwnerEditor } = editing;

	const numberOf = new Map(paper.versions.map((v) => [v.id, v.number]));
	const versions = [...paper.versions]
		.sort((a, b) => b.number - a.number)
		.map((version) => ({
			id: version.id,
			number: version.number,
			note: version.note,
			createdAt: version.created_at,
			signed: paper.signatures.some((s) => s.version_id === version.id && s.state === 'signed'),
			files: paper.files
				.filter((file) => file.version_id === version.id)
				.sort((a, b) => a.locale.localeCompare(b.locale))
				.map((file) => ({
					id: file.id,
					locale: file.locale,
					filename: file.filename,
					size: file.size_bytes
				})),
			signatures: paper.signatures
				.filter((s) => s.version_id === version.id && s.organisation)
				.map((s) => ({
					id: s.id,
					state: s.state,
					comment: s.comment,
					decidedAt: s.decided_at,
					organisation: s.organisation!.name
				}))
				.sort((a, b) => a.organisation.localeCompare(b.organisation))
		}));

	const openVersion = paper.signature_version_id ? numberOf.get(paper.signature_version_id) : null;
	const deadline = paper.signature_deadline;
	const deadlinePassed = deadline !== null && Date.parse(deadline) <= Date.now();

	// Active organisations that may still be asked for the open version: not the owner, not
	// attached otherwise (co-lead, participant), not already asked for this version.
	let invitable: { id: string; name: string }[] = [];
	if (isOwnerEditor && paper.signature_version_id && !deadlinePassed) {
		const directory = await organisations.list(locals.supabase, {});
		const attachedOtherwise = new Set(
			paper.item.attachments.filter((a) => a.role !== 'signatory').map((a) => a.organisation?.id)
		);
		const asked = new Set(
			paper.signatures
				.filter((s) => s.version_id === paper.signature_version_id)
				.map((s) => s.organisation?.id)
		);
		invitable = directory
			.filter((o) => o.status === 'active' && !attachedOtherwise.has(o.id) && !asked.has(o.id))
			.map(({ id, name }) => ({ id, name }));
	}

	const translation = await translationRequestsForEditing(
		locals.supabase,
		editing.id,
		original,
		paper.item.attachments
	);

	return {
		...editing.page,
		titleLocale: original,
		translation,
		created: url.searchParams.has('created'),
		current: items.textValues(paper.translations, locale, ['title', 'abstract']),
		versions,
		signature: {
			open: paper.signature_version_id !== null,
			version: openVersion ?? null,
			deadline,
			deadlinePassed
		},
		invitable
	};
};

export const actions: Actions = {
	...editActions('paper', { schema: paperTranslationSchema, save: papers.saveText }, paperErrorKey),
	upload: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'paper');
		const form = await readForm(request);
		// Larger than the server takes: nothing was read, so nothing can be shown again.
		if (!form)
			return fail(413, {
				action: 'upload',
				values: {},
				errors: { file: 'validation:pdf_too_large' }
			});
		const values = { locale: formValues(paperUploadSchema, form).locale ?? '' };
		const parsed = parseForm(paperUploadSchema, form);
		if (!parsed.success) return formFail('upload', parsed.errors, values);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return formFail('upload', { file: 'validation:pdf_empty' }, values);
		}
		const nameProblem = checkFilename(file.name);
		if (nameProblem) return formFail('upload', { file: nameProblem }, values);
		const bytes = new Uint8Array(await file.arrayBuffer());
		const problem = checkPdf(bytes);
		if (problem) return formFail('upload', { file: problem }, values);
		try {
			await uploadPaperFile(locals.supabase, fileStorage(), {
				paperId: id,
				versionId: parsed.data.version_id,
				locale: parsed.data.locale,
				filename: file.name,
				bytes
			});
		} catch (caught) {
			if (caught instanceof FileNotStored || isUnavailable(caught)) {
				// The file storage (or the database) refused or cannot be reached: nothing was kept.
				log.warn('upload: the file could not be stored', { err: caught });
				return fail(503, {
					action: 'upload',
					values,
					errors: { file: 'errors:files_unavailable' }
				});
			}
			return formFail('upload', caught, values, { mapKey: paperErrorKey, field: 'file' });
		}
		return { action: 'upload', saved: true };
	},
	removeFile: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'paper');
		const parsed = parseForm(fileIdSchema, await request.formData());
		if (!parsed.success) return formFail('upload', { form: 'errors:generic' });
		try {
			await removePaperFile(locals.supabase, fileStorage(), id, parsed.data.file_id);
		} catch (caught) {
			return formFail('upload', caught, {}, { mapKey: paperErrorKey });
		}
		return { action: 'upload', removed: true };
	},
	version: editAction(
		'paper',
		'version',
		paperVersionSchema,
		(supabase, id, data) => papers.addVersion(supabase, id, data.note),
		paperErrorKey
	),
	open: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'paper');
		const form = await request.formData();
		const values = { deadline: formValues(paperOpenSignatureSchema, form).deadline ?? '' };
		const parsed = parseForm(paperOpenSignatureSchema, form);
		if (!parsed.success) return formFail('open', parsed.errors, values);
		let reasked: number;
		try {
			reasked = await papers.openSignature(
				locals.supabase,
				id,
				parsed.data.version_id,
				parsed.data.deadline
			);
		} catch (caught) {
			const field = paperErrorKey(caught) === 'validation:deadline_past' ? 'deadline' : 'form';
			return formFail('open', caught, values, { mapKey: paperErrorKey, field });
		}
		return { action: 'open', saved: true, reasked };
	},
	// Papers invite signatories (the shared `invite` attaches co-leads and participants).
	invite: editAction(
		'paper',
		'invite',
		paperInviteSchema,
		async (supabase, id, data) => ({
			invited: await papers.inviteSignatories(supabase, id, data.organisation_ids)
		}),
		paperErrorKey
	),
	close: editAction(
		'paper',
		'close',
		z.object({}),
		(supabase, id) => papers.closeSignature(supabase, id),
		paperErrorKey
	)
};
