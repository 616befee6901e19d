// What the event views share of an event (the month view, the list card, the calendar feeds),
// for the server modules that load it and the components that show it.

/** An event as a day of the month view shows it: its title, struck through when cancelled. */
export interface EventTitle {
	id: string;
	original_locale: string;
	cancelled_at: string | null;
	translations: { locale: string; title: string }[];
}

/** An event with its start, in its own time zone: the base of the list card and the feeds. */
export interface EventWhen extends EventTitle {
	starts_at: string;
	time_zone: string;
}

/** An event with its end and its place: the list card and the calendar feeds. */
export interface EventWhenWhere extends EventWhen {
	ends_at: string;
	venue_name: string | null;
	is_online: boolean;
}
