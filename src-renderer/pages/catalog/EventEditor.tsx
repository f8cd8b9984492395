import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import type { EditorProps, EventContent } from './content-types';

/** The event's draft settings; its sessions are a separate panel, saved as they are made. */
export function EventEditor({ content, onChange, readOnly }: EditorProps<EventContent>) {
  const { t } = useTranslation();
  return (
    <Panel>
      <Switch
        id="content-graded"
        label={t('catalogScreens.event.graded')}
        description={t('catalogScreens.event.gradedHint')}
        checked={content.graded}
        onChange={(e) => onChange({ ...content, graded: e.currentTarget.checked })}
        disabled={readOnly}
      />
    </Panel>
  );
}
