import { z } from '../../zod.js';
import { Id } from '../common.js';

/** Files: course material and evidence, kept in the app-data folder and opened offline. */

/** Largest file accepted, decoded. The HTTP bridge's body limit is sized for its base64 form. */
export const MAX_FILE_BYTES = 48 * 1024 * 1024;

/** What may be stored: documents, images, video and audio a course or evidence uses. */
export const ALLOWED_MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
] as const;

export const FileUpload = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'The file has no name')
      .max(255, 'Use a file name of at most 255 characters'),
    mimeType: z.string().trim().min(1).max(200),
    /** The file's bytes, base64-encoded (JSON carries it over IPC and HTTP alike). */
    dataBase64: z.string().max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, 'The file is larger than 48 MB'),
  })
  .strict();
export const FileInfo = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
});
export type FileInfo = z.infer<typeof FileInfo>;
export const FileRef = z.object({ id: Id }).strict();
export const FileContent = FileInfo.extend({ dataBase64: z.string() });
