import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../shared/api/errors';
import { fieldIdFor } from './module-form';

export type EditorTab = 'details' | 'content' | 'prerequisites' | 'versions' | 'usage';

/** Which tab holds the field a server path names. */
export function tabFor(path: string): EditorTab {
  if (path.startsWith('content')) return 'content';
  if (path.startsWith('prerequisite')) return 'prerequisites';
  return 'details';
}

const FOCUSABLE = 'input:not([type=hidden]), textarea, select, button, [contenteditable=true], [tabindex]';

/**
 * Focuses the input a path names, or the nearest one above it that exists
 * (a question when its option has no input of its own).
 */
export function focusPath(path: string): void {
  let id = fieldIdFor(path);
  for (;;) {
    const el = document.getElementById(id);
    // A group (options, a segmented control) is named by its id: focus its first control.
    const target = el?.matches(FOCUSABLE) ? el : el?.querySelector<HTMLElement>(FOCUSABLE);
    if (el) {
      (target ?? el).scrollIntoView({ block: 'center' });
      target?.focus();
      return;
    }
    const cut = id.lastIndexOf('-');
    if (cut <= 0) return;
    id = id.slice(0, cut);
  }
}

/** Why publishing (or another action) was refused: each problem, with a link to its field. */
export function PublishProblems({
  error,
  onGo,
  onClose,
  title,
}: {
  error: ApiErrorBody | null;
  /** Heading when the problems are not about publishing (a refused save). */
  title?: string;
  onGo: (path: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = error.details ?? [];
  return (
    <Alert
      color="red"
      role="alert"
      icon={<IconAlertCircle />}
      title={title ?? (details.length ? t('catalogScreens.editor.publishProblems') : t('common.errorTitle'))}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
    >
      {details.length === 0 ? (
        <Text size="sm">{error.message}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('catalogScreens.editor.publishProblemsIntro')}
          </Text>
          <List size="sm" spacing={4}>
            {details.map((d, i) => (
              <List.Item key={i}>
                {d.message}{' '}
                {d.path && (
                  <Anchor component="button" type="button" size="sm" onClick={() => onGo(d.path)}>
                    {t('catalogScreens.editor.goToField')}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
