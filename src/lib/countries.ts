/**
 * Regions of the countries index (a map-free, accessible list): the UN regional groups as the
 * network speaks of them, North Africa with the Middle East (where DCI's Arabic-speaking
 * sections work). A country not listed here is shown under "other countries".
 */
export const REGIONS = [
	'europe',
	'africa',
	'middle_east',
	'americas',
	'asia_pacific',
	'other'
] as const;
export type Region = (typeof REGIONS)[number];

const MEMBERS: Record<Exclude<Region, 'other'>, string> = {
	europe:
		'AD AL AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM TR UA VA XK',
	africa:
		'AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MR MU MW MZ NA NE NG RW SC SD SL SN SO SS ST SZ TD TG TZ UG ZA ZM ZW',
	middle_east: 'AE BH DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE',
	americas:
		'AG AR BB BO BR BS BZ CA CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV TT US UY VC VE',
	asia_pacific:
		'AF AU BD BN BT CN FJ ID IN JP KG KH KI KP KR KZ LA LK MH MM MN MV MY NP NR NZ PG PH PK PW SB SG TH TJ TL TM TO TV TW UZ VN VU WS'
};

const REGION_OF = new Map<string, Region>(
	Object.entries(MEMBERS).flatMap(([region, codes]) =>
		codes.split(' ').map((code) => [code, region as Region] as const)
	)
);

/** The region a country (ISO 3166-1 alpha-2, upper case) is listed under. */
export function regionOf(country: string): Region {
	return REGION_OF.get(country) ?? 'other';
}
