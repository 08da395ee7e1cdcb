import { describe, expect, it } from 'vitest';
import { addressBlock } from './address-block.ts';

describe('addressBlock', () => {
  it('keeps an IPv4 address whole: each one is counted alone', () => {
    expect(addressBlock('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBlock('203.0.113.8')).not.toBe(addressBlock('203.0.113.7'));
  });

  it('counts an IPv4 address mapped into IPv6 as the IPv4 address itself', () => {
    expect(addressBlock('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBlock('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(addressBlock('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('puts every address of an IPv6 /64 in one block, however it is written', () => {
    const block = '2001:db8:1:2::/64';
    expect(addressBlock('2001:db8:1:2::1')).toBe(block);
    expect(addressBlock('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(block);
    expect(addressBlock('2001:0DB8:0001:0002:0a0b:0c0d:0e0f:1011')).toBe(block);
    expect(addressBlock('2001:db8:1:2::1%eth0')).toBe(block);
    expect(addressBlock('2001:db8:1:2:0:0:203.0.113.7')).toBe(block);
  });

  it('tells neighbouring /64s apart', () => {
    expect(addressBlock('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    // Mapped IPv4 only with ffff in its place: other addresses ending in a dotted quad are IPv6.
    expect(addressBlock('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
  });

  it('answers what is no address as it is', () => {
    expect(addressBlock('unknown')).toBe('unknown');
    expect(addressBlock('2001:db8::1::2')).toBe('2001:db8::1::2');
  });
});
