/** A file as an upload delivers it to a use case: the name the client gave (never trusted as a path), and its bytes. */
import type { Readable } from 'node:stream';

export interface UploadedFile {
  fileName: string;
  stream: Readable;
  /** Whether the upload limit cut the file short. */
  truncated(): boolean;
}
