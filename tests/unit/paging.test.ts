import { describe, expect, it } from 'vitest';
import { shownRows } from '#lib/paging';

describe('shownRows', () => {
	it('numbers the rows of a page across pages while a next page exists', () => {
		expect(shownRows(3, 12, 12, true)).toEqual({ from: 25, to: 36, total: null });
	});

	it('gives the exact total on the last page, without a count', () => {
		expect(shownRows(1, 12, 9, false)).toEqual({ from: 1, to: 9, total: 9 });
		expect(shownRows(2, 12, 5, false)).toEqual({ from: 13, to: 17, total: 17 });
	});

	it('counts nothing on an empty page, past the last one too', () => {
		expect(shownRows(4, 12, 0, false).total).toBe(0);
	});
});
