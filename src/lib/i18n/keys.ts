import type { Namespace, sourceResources } from './resources';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A key as written in a JSON file, and, for a plural form (`x_one`), the key `t()` is called with (`x`). */
type Callable<K extends string> = K | (K extends `${infer Base}_${PluralSuffix}` ? Base : never);

/**
 * Every message key of the hub, `namespace:key`, from the English source resources (type only:
 * nothing of the JSON is bundled). What a form's `errors` hold, so `t(errors.x)` needs no cast.
 */
export type MessageKey = {
	[N in Namespace]: `${N}:${Callable<keyof (typeof sourceResources)[N] & string>}`;
}[Namespace];
