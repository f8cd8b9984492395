import type { CallSpec } from '../call-spec.js';
import { FileContent, FileInfo, FileRef, FileUpload } from '../schemas/files.js';

export const filesCalls = {
  'files.upload': {
    input: FileUpload,
    output: FileInfo,
    access: 'authenticated',
    write: true,
    summary: 'Store a file (course material or evidence) in the app-data folder',
  },
  'files.get': {
    input: FileRef,
    output: FileContent,
    access: 'authenticated',
    write: false,
    summary: 'A stored file you may see (its module, record or result is visible to you, or you uploaded it)',
  },
} as const satisfies Record<string, CallSpec>;
