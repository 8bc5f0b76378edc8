import { DuckDbEngine } from '../dist/src/db/duckdb.js';
const e = await DuckDbEngine.open(':memory:');
await e.exec(`ATTACH '/tmp/ws10.duckdb' AS ws (READ_ONLY)`); await e.exec('CREATE TABLE feedetl AS SELECT * FROM ws.feedetl'); await e.exec('CREATE TABLE setl AS SELECT * FROM ws.setl'); await e.exec('CREATE TABLE diag AS SELECT * FROM ws.diag'); await e.exec('DETACH ws');
for (const q of process.argv.slice(2)) { const t = performance.now(); const r = await e.all(q); console.log(((performance.now() - t) / 1000).toFixed(2), q.slice(0, 120), JSON.stringify(r[0]).slice(0, 100)); }
