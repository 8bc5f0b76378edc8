/** What clients are told never shows where the server keeps its files. */
import { describe, expect, it } from 'vitest';
import { withoutServerPaths } from '../../src/kernel/paths.js';

describe('withoutServerPaths', () => {
  it("cuts every absolute path to its file's name and leaves the rest of the message alone", () => {
    expect(withoutServerPaths("IO Error: No magic bytes found at end of file '/tmp/fg-1/uploads/3f2a/setl.parquet'")).toBe(
      "IO Error: No magic bytes found at end of file 'setl.parquet'",
    );
    expect(withoutServerPaths("ENOENT: no such file or directory, open '/srv/data/uploads/x/a.csv'")).toBe(
      "ENOENT: no such file or directory, open 'a.csv'",
    );
    expect(withoutServerPaths('/tmp/x/city: not a directory')).toBe('city: not a directory');
    expect(withoutServerPaths('read (/srv/data/evidence/ab/cd) and "C:\\data\\x\\y.csv"')).toBe('read (cd) and "y.csv"');
    const plain =
      'no route GET /api/no-such-route; see http://localhost:8080/api/x, feedetl/setl, 3/4 and 2024-01/02; row 3: column a: not a date';
    expect(withoutServerPaths(plain)).toBe(plain);
  });
});
