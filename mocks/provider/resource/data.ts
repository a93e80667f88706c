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

/** The data made for each seed and size, so the providers of one run generate it once (each gets its own copy). */
const made = new Map<string, Promise<ResourceData>>();

/** Generates the API's records from a seed with faker (the same records for the same seed and size). */
export async function createResourceData(seed: number, records: number): Promise<ResourceData> {
  const key = `${seed}:${records}`;
  let data = made.get(key);
  if (!data) {
    if (made.size >= 16) made.clear();
    made.set(key, (data = generate(seed, records)));
  }
  return structuredClone(await data);
}

async function generate(seed: number, records: number): Promise<ResourceData> {
  const { seededFaker } = await import('../faker.js');
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

/**
 * The data, generated on the first API call (faker costs ~25 ms to load, and most
 * runs never call the API), again when `api.records` has changed since.
 */
export function lazyResourceData(seed: number, records: () => number): () => Promise<ResourceData> {
  let made: { records: number; data: Promise<ResourceData> } | undefined;
  return () => {
    const n = records();
    if (made?.records !== n) made = { records: n, data: createResourceData(seed, n) };
    return made.data;
  };
}
