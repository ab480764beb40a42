import { describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Installations (and test files) share one PostgreSQL database, each in its own schema. Each
// migrates while others create and drop theirs: Kysely's own introspection read every schema's
// tables and failed now and then when one was dropped meanwhile (storage/migrate.ts).

describe('migrations beside other schemas coming and going', () => {
  it('migrate every schema, however many others are made and dropped meanwhile', async () => {
    const failures: string[] = [];
    const worker = async () => {
      for (let round = 0; round < 4; round++) {
        const held: TestDatabase[] = [];
        try {
          for (let k = 0; k < 3; k++) held.push(await createTestDatabase('postgres'));
        } catch (err) {
          failures.push(String(err));
        }
        for (const database of held) await database.close();
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(failures).toEqual([]);
  }, 120_000);
});
