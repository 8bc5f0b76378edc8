import { DuckDbEngine } from '../dist/src/db/duckdb.js';
import { configureRules } from '../dist/src/screening/config.js';
import { runScreening } from '../dist/src/screening/run.js';
const e = await DuckDbEngine.open(':memory:');
await e.exec(`ATTACH '/tmp/ws10.duckdb' AS ws (READ_ONLY)`); await e.exec('COPY FROM DATABASE ws TO memory'); await e.exec('DETACH ws');
for (const th of (process.argv[2] ?? '2,3,2,3').split(',')) {
  await e.exec(`SET threads=${th}`);
  const t = performance.now(); await runScreening(e, configureRules()); console.log('threads', th, ((performance.now() - t) / 1000).toFixed(2));
}
