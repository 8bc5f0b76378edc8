/** Brings an operational store to the latest schema (src/store/migrations.ts) and seeds the rows every store has. */
import { storeTime, type StoreDb } from './db.js';
import { MIGRATIONS } from './migrations.js';

const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS fg_schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`;

/** The schema version a store is at (0: a new store, or one made before migrations were numbered). */
export async function storeSchemaVersion(db: StoreDb): Promise<number> {
  await db.query(VERSION_TABLE);
  const [r] = await db.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM fg_schema_version`);
  return Number(r?.v ?? 0);
}

export async function ensureStoreSchema(db: StoreDb): Promise<void> {
  await db.query(VERSION_TABLE);
  for (const m of MIGRATIONS) {
    await db.transaction(async (tx) => {
      // PostgreSQL: two servers starting on one store apply each migration once; the second waits, then skips it.
      if (tx.kind === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.fg_schema_version'))`);
      const [done] = await tx.query(`SELECT version FROM fg_schema_version WHERE version = $1`, [m.version]);
      if (done) return;
      for (const s of m.statements) await tx.query(s);
      await tx.query(`INSERT INTO fg_schema_version (version, name, applied_at) VALUES ($1, $2, CAST($3 AS TIMESTAMP))`, [
        m.version,
        m.name,
        storeTime(),
      ]);
    });
  }
  // The case log's chain end exists from the start, so that concurrent first appends queue on its row lock.
  await db.query(
    `INSERT INTO fg_case_log_head (id, seq, hash) SELECT 1, 0, '${'0'.repeat(64)}' WHERE NOT EXISTS (SELECT 1 FROM fg_case_log_head)`,
  );
}
