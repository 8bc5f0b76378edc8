/** Uploading a data set, checking it, importing it. */
export interface ImportValidation {
  id: string;
  files: string[];
  /** Every file read, with its rows and rejected rows; a CSV file's text encoding as read ('utf-8' or 'gb18030'). */
  tables: Array<{ table: string; file: string; rows: number; rejected: number; encoding?: string }>;
  ignored: string[];
  rejects: Array<{ file: string; row: number | null; column: string | null; value: string | null; reason: string }>;
  rejectCount: number;
  valid: boolean;
}
