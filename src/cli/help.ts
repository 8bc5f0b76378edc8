/** `fundguard --help`. */
import type { Config } from '../config/environment.js';
import { DEFAULT_PG_SCHEMA, DEFAULT_WORKSPACE } from './options.js';

/** The usage text; the default database URL shown is the configured one, as the engine would use it. */
export const help = (config: Config) => `fundguard — 医保基金智能监管平台 (medical-insurance fund supervision)

Usage:
  fundguard screen --input DIR --out FILE [options]   import a data set and screen it (in memory)
  fundguard screen --db PATH [--out FILE] [options]   screen a workspace
  fundguard import --input DIR [--db PATH] [options]  import a data set into a workspace
  fundguard generate --out DIR [options]              generate a synthetic city with labelled violations
                                                      (labels.csv, drift_labels.csv beside the tables)
  fundguard rules [--json]                            list the built-in rules and their parameters
  fundguard evaluate --labels FILE --findings FILE    precision and recall per code of findings against
                                                      labelled violations (or --db PATH: a workspace's findings)
  fundguard serve [--db PATH] [--port N] [--demo]     serve the web workbench (npm start: --demo builds, imports
                                                      and screens the demo city first when there is no workspace)
  fundguard demo                                      build a demo data set, import it into the default
                                                      workspace, screen it (what npm start runs)
  fundguard verify-log [--db PATH]                    check the hash chain of the case log (线索/案件 changes):
                                                      exit 0 intact, 1 with the first entry edited or removed
                                                      (the workspace's store, or PostgreSQL given DATABASE_URL)

Options:
  --input DIR           exchange-format data set: one <table>.csv or <table>.parquet per table
                        (national platform extracts setl_d, mdtrt_d, fee_list_d, setl_list_diag_d too),
                        or one .xlsx workbook with a sheet per table (within the limits of docs/import.md)
  --out FILE            findings file: CSV, or Parquet when FILE ends in .parquet
  --db PATH             DuckDB workspace file (import default: ${DEFAULT_WORKSPACE})
  --engine NAME         duckdb (default) or postgres (uses DATABASE_URL; default ${config.postgresUrl})
  --pg-schema NAME      PostgreSQL schema holding the workspace (default ${DEFAULT_PG_SCHEMA})
  --rules-config FILE   JSON or YAML: { "rules": { "CODE": { "enabled": false, "params": { … } } } }
  --skip-invalid        import the valid rows and set the rejected ones aside (counted, reported)
  --rejects FILE        where to write the reject report (CSV: file,row,column,value,reason)
  --quiet               no summary table
  --summary-json FILE   also write the run's summary (timings, per-rule figures, peak memory) as JSON
  --persons N           generate: insured persons (default 20000; about 42 fee lines each a year)
  --months N            generate: months covered (default 12)
  --start YYYY-MM       generate: first month (default 2024-01)
  --seed N              generate: seed (default 1); the same seed gives the same bytes
  --format csv|parquet  generate: file format (default csv)
  --violation-rate X    generate: multiplies every injection rate (default 1; 0 gives a clean city)
  --port N              serve: port (default: the PORT variable, else 8080)
  --host HOST           serve: address to listen on (default: the HOST variable, else 127.0.0.1)
  --demo                serve: build, import and screen the demo city when the workspace does not exist
  --secure-cookies      serve: behind HTTPS, mark the session cookie Secure and name it __Host-fg_session
                        (default: the FUNDGUARD_SECURE_COOKIES variable, else off)
  --trust-proxy LIST    serve: the reverse proxies (addresses, CIDR ranges, loopback) whose X-Forwarded-For
                        gives the client's address, e.g. 10.0.0.5,10.1.0.0/16 (default: the FUNDGUARD_TRUST_PROXY
                        variable, else none: X-Forwarded-For is ignored)
  --workers N           generate: worker threads (default: cores, at most 4; 0: none)
  --labels FILE         labelled violations (CSV or Parquet): rule_code plus the key columns of the findings
  --findings FILE       a findings file written by screen (CSV or Parquet)
  --json                rules, evaluate, verify-log: print JSON instead of a table or sentence
  -h, --help            this help

Exit codes: 0 success, 1 rejected input or bad usage, 2 unexpected failure.
`;
