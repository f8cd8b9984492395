import type { ComponentType } from 'react';
import type { ModalProps } from '@mantine/core';
import { FormDialog } from './FormDialog';

/** What an import form needs: a way out, and a way to tell its page that rows were written. */
export interface ImportFormProps {
  onClose: () => void;
  onImported: () => void;
}

/** An import's dialog as its page opens it. */
export type ImportDialogProps = ImportFormProps & { opened: boolean };

/**
 * A CSV import in a dialog. The form mounts afresh on every opening (FormDialog), so no file, check
 * result or error from an earlier attempt lingers.
 */
export function ImportDialog({
  opened,
  onClose,
  onImported,
  title,
  size,
  form: Form,
}: ImportDialogProps & { title: string; size: ModalProps['size']; form: ComponentType<ImportFormProps> }) {
  return (
    <FormDialog opened={opened} onClose={onClose} title={title} size={size}>
      <Form onClose={onClose} onImported={onImported} />
    </FormDialog>
  );
}
