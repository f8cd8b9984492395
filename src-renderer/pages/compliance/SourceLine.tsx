import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from '../../../shared/zod';
import type { RequirementSource } from '../../../shared/api/schemas/compliance';

/** "from: Site induction (Umeå and below) · Required": where a requirement comes from. */
export function SourceLine({ source }: { source: z.infer<typeof RequirementSource> }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" span>
      {t('compliance.sourceLine', { name: '\u0000', target: source.targetName })
        .split('\u0000')
        .flatMap((part, i) =>
          i === 0
            ? [part]
            : [
                <Anchor
                  key={source.configurationId}
                  component={Link}
                  to={`/configurations/${encodeURIComponent(source.configurationId)}`}
                  size="sm"
                >
                  {source.name}
                </Anchor>,
                part,
              ],
        )}
      <Text span size="xs" c="dimmed">
        {' · '}
        {t(`configurations.requirement.${source.requirement}`)}
      </Text>
    </Text>
  );
}
