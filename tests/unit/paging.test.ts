import { describe, expect, it } from 'vitest';
import { listHref, shownRows } from '#lib/paging';

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

describe('listHref', () => {
	const reading = new URLSearchParams('area=justice&org=Plate&q=d%C3%A9tention&page=3');

	it('keeps the filters read, changes those given and starts again at page 1', () => {
		// A name typed in the organisation filter gives way to the organisation chosen.
		expect(listHref(reading, { org: null, organisation: 'abc' })).toBe(
			'?area=justice&q=d%C3%A9tention&organisation=abc'
		);
		expect(listHref(reading, { area: 'health' })).toBe('?org=Plate&q=d%C3%A9tention&area=health');
	});

	it('leads the pager to another page of the same list', () => {
		expect(listHref(reading, { page: '4' })).toBe(
			'?area=justice&org=Plate&q=d%C3%A9tention&page=4'
		);
	});
});
