import { useTranslation } from 'react-i18next';
import { TagBadge } from '../../components/TagBadge';

/** Active or Left, in the same colours everywhere. */
export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: 'active' | 'left';
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <TagBadge size={size} color={status === 'active' ? 'teal' : 'gray'}>
      {status === 'active' ? t('people.statusActive') : t('people.statusLeft')}
    </TagBadge>
  );
}
