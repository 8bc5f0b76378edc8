/**
 * node dist/bench/generate-city.js --out DIR --persons N --format csv|parquet
 * Generates a synthetic city for the benchmark in its own process, so that its time and peak memory (RSS,
 * worker threads included) are measured alone, and prints them as one JSON line.
 */
import { generateCity } from '../src/synthetic/generate.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = arg('out');
if (!out) throw new Error('usage: generate-city --out DIR --persons N --format csv|parquet');
const r = await generateCity({
  out,
  persons: Number(arg('persons') ?? 20_000),
  months: Number(arg('months') ?? 12),
  seed: Number(arg('seed') ?? 1),
  format: (arg('format') ?? 'parquet') as 'csv' | 'parquet',
});
console.log(
  JSON.stringify({
    seconds: r.seconds,
    peakMemoryMb: r.peakMemoryMb.total,
    peakMemoryMainMb: r.peakMemoryMb.main,
    tables: r.tables,
    labels: r.labels,
    drifting: r.drifting,
  }),
);
