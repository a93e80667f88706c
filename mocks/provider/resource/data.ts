import { seededFaker } from '../faker.js';

/** One record of the mock API's `Account` collection. */
export interface Account {
  Id: string;
  Name: string;
  City: string;
  Phone: string;
  CreatedOn: string;
}

/** The resource server's data: the same for the same seed. */
export interface ResourceData {
  accounts: Account[];
}

/** Generates the API's records from a seed with faker. */
export function createResourceData(seed: number, records: number): ResourceData {
  const faker = seededFaker(seed);
  const accounts = Array.from({ length: records }, () => ({
    Id: faker.string.uuid(),
    Name: faker.company.name(),
    City: faker.location.city(),
    Phone: faker.phone.number({ style: 'international' }),
    CreatedOn: faker.date.past({ years: 2, refDate: '2026-01-01T00:00:00Z' }).toISOString(),
  }));
  return { accounts };
}
