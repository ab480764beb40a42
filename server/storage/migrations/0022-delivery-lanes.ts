import { sql, type Kysely, type Migration } from 'kysely';
import { engineOf, inOneTransaction } from './engine';

// A delivery's lane: deliveries that go to one receiver (a webhook's, `webhook:<id>`) are sent
// one at a time, in order, each once the one before it is sent or given up on (outbox-queries.ts
// dueDeliveries, by the index below). Null for the rest (mail, a webhook's test event), each a
// lane of its own. Pending webhook rows of earlier releases get theirs from their payload; sent
// and failed ones keep null.
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deliveries').addColumn('lane', 'text').execute();
  const webhookId =
    engineOf(db) === 'postgres'
      ? sql`(payload::json ->> 'webhookId')`
      : sql`json_extract(payload, '$.webhookId')`;
  await sql`update deliveries set lane = 'webhook:' || ${webhookId}
    where kind = 'webhook' and state = 'pending' and ${webhookId} is not null
      and payload not like '%"test":true%'`.execute(db);
  await db.schema
    .createIndex('deliveries_lane')
    .on('deliveries')
    .columns(['lane', 'state', 'id'])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('deliveries_lane').execute();
  await db.schema.alterTable('deliveries').dropColumn('lane').execute();
}

export const deliveryLanes: Migration = {
  up: (db: Kysely<unknown>) => inOneTransaction(db, up),
  down: (db: Kysely<unknown>) => inOneTransaction(db, down),
};
