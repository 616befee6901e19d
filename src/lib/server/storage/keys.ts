/** Keys are relative, plain paths: no traversal, no absolute path, no odd characters. */
export function assertValidKey(key: string): void {
	if (!/^[a-z0-9][a-z0-9/_.-]{0,300}$/i.test(key) || key.includes('..') || key.includes('//')) {
		throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
	}
}
