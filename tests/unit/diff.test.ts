import { describe, expect, it } from 'vitest';
import { diffWords, hasChanges, words } from '../../src/lib/diff';

/** The text before (equal + deleted parts) and after (equal + inserted parts). */
function sides(parts: ReturnType<typeof diffWords>) {
	return {
		before: parts
			.filter((p) => p.op !== 'insert')
			.map((p) => p.text)
			.join(''),
		after: parts
			.filter((p) => p.op !== 'delete')
			.map((p) => p.text)
			.join('')
	};
}

describe('words', () => {
	it('splits words and keeps the whitespace between them', () => {
		expect(words('Pas  d’enfermement\navant 16 ans.')).toEqual([
			'Pas',
			'  ',
			'd’enfermement',
			'\n',
			'avant',
			' ',
			'16',
			' ',
			'ans.'
		]);
		expect(words('')).toEqual([]);
	});
});

describe('diffWords', () => {
	it('finds nothing to show between equal texts', () => {
		const parts = diffWords('Le texte de la formation.', 'Le texte de la formation.');
		expect(parts).toEqual([{ op: 'equal', text: 'Le texte de la formation.' }]);
		expect(hasChanges(parts)).toBe(false);
	});

	it('shows a changed word as the old word removed and the new one added, in place', () => {
		expect(diffWords('pas d’enfermement avant 16 ans', 'pas d’enfermement avant 14 ans')).toEqual([
			{ op: 'equal', text: 'pas d’enfermement avant ' },
			{ op: 'delete', text: '16' },
			{ op: 'insert', text: '14' },
			{ op: 'equal', text: ' ans' }
		]);
	});

	it('shows added and removed sentences as whole runs of words', () => {
		const parts = diffWords(
			'Un avocat à chaque étape. Des mesures restauratrices.',
			'Un avocat spécialisé à chaque étape.'
		);
		expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['spécialisé ']);
		expect(parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual([
			'Des mesures restauratrices.'
		]);
		expect(hasChanges(parts)).toBe(true);
	});

	it('handles an empty text on either side', () => {
		expect(diffWords('', 'Nouveau résumé')).toEqual([{ op: 'insert', text: 'Nouveau résumé' }]);
		expect(diffWords('Ancien résumé', '')).toEqual([{ op: 'delete', text: 'Ancien résumé' }]);
		expect(diffWords('', '')).toEqual([]);
	});

	it('works on Arabic words as on any others', () => {
		expect(diffWords('حقوق الطفل في فلسطين', 'حقوق الأطفال في فلسطين')).toEqual([
			{ op: 'equal', text: 'حقوق ' },
			{ op: 'delete', text: 'الطفل' },
			{ op: 'insert', text: 'الأطفال' },
			{ op: 'equal', text: ' في فلسطين' }
		]);
	});

	it('always gives back both texts, and a shortest change (random edits)', () => {
		const vocabulary = ['enfant', 'droit', 'la', 'de', 'justice', 'ans', '16', 'mineurs'];
		let seed = 7;
		const random = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		for (let round = 0; round < 200; round++) {
			const a = Array.from({ length: random(30) }, () => vocabulary[random(vocabulary.length)]!);
			const b = [...a];
			for (let edit = random(6); edit > 0; edit--) {
				const at = random(b.length + 1);
				if (random(2) === 0 && b.length > 0) b.splice(at, 1);
				else b.splice(at, 0, vocabulary[random(vocabulary.length)]!);
			}
			const before = a.join(' ');
			const after = b.join(' ');
			const parts = diffWords(before, after);
			expect(sides(parts)).toEqual({ before, after });
			// Never more changed words than a full rewrite.
			const changed = parts.filter((p) => p.op !== 'equal').flatMap((p) => words(p.text));
			expect(changed.length).toBeLessThanOrEqual(words(before).length + words(after).length);
			expect(hasChanges(parts)).toBe(before !== after);
		}
	});
});
