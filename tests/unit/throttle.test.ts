import { describe, expect, it } from 'vitest';
import { accountKey, addressKey, clientAddressKey } from '#lib/server/throttle';

describe('throttle keys', () => {
	it('an account key is the email trimmed and lower-cased', () => {
		expect(accountKey('  Member@DCI-NL.demo ')).toBe('member@dci-nl.demo');
	});

	it('keeps an IPv4 address as it is, also when written as IPv4-mapped IPv6', () => {
		expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
		expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
		expect(addressKey('::ffff:c000:201')).toBe('192.0.2.1');
	});

	it('counts a whole IPv6 /64 as one address (one home holds all of it)', () => {
		const a = addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
		expect(a).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8:1:2::1')).toBe(a);
		expect(addressKey('2001:0DB8:0001:0002:0:0:0:9')).toBe(a);
		expect(addressKey('2001:db8:1:3::1')).not.toBe(a);
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
	});

	it('a client address that cannot be read (ADDRESS_HEADER missing) still counts, as unknown', () => {
		const missing = () => {
			throw new Error('Address header was requested to be x-forwarded-for, but is absent');
		};
		expect(clientAddressKey({ getClientAddress: missing })).toBe('unknown');
		expect(clientAddressKey({ getClientAddress: () => '' })).toBe('unknown');
	});
});
