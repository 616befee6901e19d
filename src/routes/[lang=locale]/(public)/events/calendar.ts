/** Month grids for the calendar view, in the reader's locale. */
import { firstDayOfWeek } from '#lib/i18n/format';

export interface MonthDay {
	/** YYYY-MM-DD */
	date: string;
	day: number;
	/** 1 = Monday … 7 = Sunday */
	weekday: number;
}

/** The days of a month (`2026-12`) and how many blank cells precede the first one. */
export function monthDays(
	month: string,
	locale: string
): { days: MonthDay[]; leading: number; firstDay: number } {
	const [year, monthIndex] = month.split('-').map(Number) as [number, number];
	const count = new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
	const days: MonthDay[] = [];
	for (let day = 1; day <= count; day++) {
		const weekday = new Date(Date.UTC(year, monthIndex - 1, day)).getUTCDay() || 7;
		days.push({ date: `${month}-${String(day).padStart(2, '0')}`, day, weekday });
	}
	const first = firstDayOfWeek(locale);
	const leading = (days[0]!.weekday - first + 7) % 7;
	return { days, leading, firstDay: first };
}

/** `2026-12` → `2027-01` (delta +1) or `2026-11` (delta −1). */
export function shiftMonth(month: string, delta: number): string {
	const [year, monthIndex] = month.split('-').map(Number) as [number, number];
	const date = new Date(Date.UTC(year, monthIndex - 1 + delta, 1));
	return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
