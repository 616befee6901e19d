// What the event views share of an event (the month view, the list card, the calendar feeds),
// for the server modules that load it and the components that show it.

/** An event as its date shows it: the month view's days, and the base of the others. */
export interface EventWhen {
	id: string;
	original_locale: string;
	starts_at: string;
	time_zone: string;
	cancelled_at: string | null;
	translations: { locale: string; title: string }[];
}

/** An event with its end and its place: the list card and the calendar feeds. */
export interface EventWhenWhere extends EventWhen {
	ends_at: string;
	venue_name: string | null;
	is_online: boolean;
}
