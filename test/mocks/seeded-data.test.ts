/**
 * What a seed generates (users, client secrets, the API's records) is made once per seed
 * and handed out as copies: the same values a fresh faker gives, and no provider sees
 * another's changes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_USERS, defaultUsers, loadProfile, profileClients } from '../../mocks/profiles.js';
import { seededFaker } from '../../mocks/provider/faker.js';
import { createResourceData } from '../../mocks/provider/resource/data.js';

describe('seeded data, made once per seed', () => {
  it('gives the users a fresh faker of that seed gives, each call its own copy', () => {
    const faker = seededFaker(5);
    const fresh = DEFAULT_USERS.map((username) => ({ username, password: faker.internet.password({ length: 16, memorable: false }), name: faker.person.fullName(), email: `${username}@${faker.internet.domainName()}` }));
    expect(defaultUsers(5)).toEqual(fresh);
    const mine = defaultUsers(5);
    mine[0]!.password = 'changed-by-one-provider';
    expect(defaultUsers(5)).toEqual(fresh);
    expect(defaultUsers(6)[0]!.password).not.toBe(fresh[0]!.password);
  });

  it('gives client secrets from the seed, per profile, each call its own copy', () => {
    const profile = loadProfile('rfc-strict');
    const secret = seededFaker(3 + 7).string.alphanumeric(32);
    expect(profileClients(profile, 3)[0]!.client_secret).toBe(secret);
    profileClients(profile, 3)[0]!.redirect_uris.push('https://changed.example/cb');
    expect(profileClients(profile, 3)[0]!.redirect_uris).not.toContain('https://changed.example/cb');
    // another profile object (a profile file of the same name) is not served the first one's clients
    const other = { ...profile, clients: [{ ...profile.clients[0]!, client_id: 'other-app' }] };
    expect(profileClients(other, 3)[0]!.client_id).toBe('other-app');
  });

  it('gives the API\'s records for a seed and size, each call its own copy', async () => {
    const a = await createResourceData(9, 4);
    a.accounts.pop();
    const b = await createResourceData(9, 4);
    expect(b.accounts).toHaveLength(4);
    expect((await createResourceData(9, 4)).accounts).toEqual(b.accounts);
    expect((await createResourceData(10, 4)).accounts[0]!.Id).not.toBe(b.accounts[0]!.Id);
  });
});
