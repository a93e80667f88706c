/**
 * A seeded faker with the English data. Loaded from `@faker-js/faker/locale/en`: the
 * package root loads every locale, about 200 ms of `oauth-harness serve` start-up.
 */
import type { Faker } from '@faker-js/faker';
import { faker as english } from '@faker-js/faker/locale/en';

const FakerClass = english.constructor as new (options: { locale: Faker['rawDefinitions']; seed: number }) => Faker;

/** A new faker seeded with `seed` (the same values as `new Faker({ locale: [en], seed })`). */
export function seededFaker(seed: number): Faker {
  return new FakerClass({ locale: english.rawDefinitions, seed });
}
