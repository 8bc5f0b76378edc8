#!/usr/bin/env node
// The `fundguard` command. DuckDB answers each query on a thread of libuv's pool (4 by default); the workbench's
// concurrent requests (reads of the workspace and the store, session checks, password hashing) queue for those
// threads, so the pool is larger. Node sizes the pool when it is first used, and loading an ES module uses it:
// this entry is CommonJS (read synchronously) and sets the size before it imports anything.
process.env.UV_THREADPOOL_SIZE = process.env.UV_THREADPOOL_SIZE || '12';

import('../dist/src/cli/main.js').then(({ main }) =>
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exitCode = 2;
    },
  ),
);
