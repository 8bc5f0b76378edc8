/** An empty operational store for a test: embedded (a DuckDB in memory) or PostgreSQL (a schema of its own, dropped after). */
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { DuckDbStore, PostgresStore, type StoreDb } from '../../src/store/db.js';
import { ensureStoreSchema } from '../../src/store/schema.js';
import { defaultDatabaseUrl } from './database.js';

export interface TestStore {
  store: StoreDb;
  close(): Promise<void>;
}

export async function openTestStore(kind: 'duckdb' | 'postgres', schema: string): Promise<TestStore> {
  if (kind === 'duckdb') {
    const duck = await DuckDbEngine.open(':memory:');
    const store = await DuckDbStore.open(duck);
    await ensureStoreSchema(store);
    return {
      store,
      close: async () => {
        await store.close();
        await duck.close();
      },
    };
  }
  const store = await PostgresStore.connect(defaultDatabaseUrl(), schema);
  await ensureStoreSchema(store);
  return {
    store,
    close: async () => {
      await store.query(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
      await store.close();
    },
  };
}
