import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databases, openTestApi, person, postJson, type TestApi } from '../testing.ts';

// Referral codes are random; these tests choose the next ones, to make two people draw the same.
const nextCodes = vi.hoisted((): string[] => []);
vi.mock('../referral-code.ts', async (importOriginal) => {
  const random = await importOriginal<typeof import('../referral-code.ts')>();
  return { newReferralCode: () => nextCodes.shift() ?? random.newReferralCode() };
});

describe.each(databases)('a referral code already taken, on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('is drawn again, and the person signs up as if nothing happened', async () => {
    nextCodes.push('TAKEN234');
    const first = await postJson(api, '/api/v1/people', { person: person('rosa@example.org') });
    expect((await first.json()).referral_code).toBe('TAKEN234');

    nextCodes.push('TAKEN234', 'TAKEN234');
    const second = await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person('ana@example.org'),
    });
    expect(second.status).toBe(201);
    const { referral_code: code } = await second.json();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(code).not.toBe('TAKEN234');
    const people = await api.db.query<{ email: string; referral_code: string }>(
      'select email, referral_code from people order by email',
    );
    expect(people).toEqual([
      { email: 'ana@example.org', referral_code: code },
      { email: 'rosa@example.org', referral_code: 'TAKEN234' },
    ]);
  });
});
