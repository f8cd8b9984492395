import type { filesCalls } from '../../../shared/api/calls/files.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { getFile, uploadFile } from './service.js';

export const filesHandlers = (): HandlersFor<keyof typeof filesCalls> => ({
  'files.upload': uploadFile,
  'files.get': getFile,
});
