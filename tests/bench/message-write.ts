// What a message costs to store, in this process: N seeded inquiries each get a message that
// moves them in the list (Store.addMessage, as a visitor's reply does), for a few rounds, and
// the time per message is printed per round. On PostgreSQL this is where migration 0025's
// copy of the list place is written (with the message's words, one row version); compare
// releases by running this in each, one after the other. Prints, never asserts.
//   npx tsx tests/bench/message-write.ts [--count 3000] [--rounds 3]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx tests/bench/message-write.ts
import { parseArgs } from 'node:util';
import { seedDemo } from '../../server/demo-seed';
import { createTestDatabase } from '../support/test-database';
import { seedInquiries } from './seed-inquiries';

const { values } = parseArgs({
  options: { count: { type: 'string' }, rounds: { type: 'string' } },
});
const count = Number(values.count ?? 3000);
const rounds = Number(values.rounds ?? 3);
const postgresUrl = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : undefined;

const database = await createTestDatabase(
  postgresUrl ? 'postgres' : 'sqlite',
  postgresUrl ? { postgresUrl } : {},
);
try {
  const rep = await seedDemo(database.store, 'http://localhost:8787');
  if (!rep) throw new Error('seed failed');
  await seedInquiries(database.db, {
    siteId: rep.siteId,
    repId: rep.id,
    count,
    progress: () => {},
  });
  const perRound: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const at = new Date(Date.parse('2030-01-01T00:00:00Z') + round * 1e7 + i * 1000);
      await database.store.addMessage({
        message: {
          id: `bench-m-${round}-${i}`,
          inquiryId: `seed-${String(i).padStart(8, '0')}`,
          authorKind: 'visitor',
          authorRepId: null,
          body: `More about order ${i} please, seawater flange quote ${round}`,
          channel: 'widget',
          createdAt: at.toISOString(),
        },
        patch: { lastActivityAt: at.toISOString(), awaitingReply: round % 2 === 0 },
        deliveries: [],
      });
      if (i % 500 === 499) {
        process.stdout.write(`\rround ${round + 1}/${rounds}: ${i + 1}/${count} messages`);
      }
    }
    perRound.push((((performance.now() - started) / count) * 1000).toFixed(0));
  }
  console.log(
    `\n${database.engine}: µs per message, ${rounds} rounds of ${count}: ${perRound.join(', ')}`,
  );
} finally {
  await database.close();
}
