/** The PostgreSQL the tests use: DATABASE_URL, else the local default (src/config/environment.ts). */
import { readConfig } from '../../src/config/environment.js';

export function defaultDatabaseUrl(): string {
  return readConfig().postgresUrl;
}
