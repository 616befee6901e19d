// A module of its own, so that the date formatting every page loads does not load (and run)
// timeZones.ts, which lists every IANA zone when it loads.

/**
 * The hub's home zone: times that have no zone of their own (when an item was published, a
 * notification came, an entry of the audit trail) are shown in it, the same text on the server
 * and in the browser; and the default zone of a new event, a person and an organisation of a
 * country with several zones.
 */
export const HOME_ZONE = 'Europe/Brussels';
