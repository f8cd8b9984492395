import { DataList, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconCircleCheck,
  IconClockX,
  IconHelpCircle,
  IconReplace,
  IconShieldX,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../shared/api/schemas/certificates';
import { FactItem } from '../../components/FactItem';
import { formatIsoDate } from '../records/record-format';

type Verdict = VerifyResult['verdict'];

/** Colour and icon repeat the verdict's word; the word itself is always there (never colour alone). */
const LOOK: Record<Verdict, { color: string; icon: Icon }> = {
  valid: { color: 'teal', icon: IconCircleCheck },
  expired: { color: 'orange', icon: IconClockX },
  invalid: { color: 'orange', icon: IconAlertTriangle },
  revoked: { color: 'red', icon: IconBan },
  superseded: { color: 'gray', icon: IconReplace },
  forged: { color: 'red', icon: IconShieldX },
  unknown: { color: 'gray', icon: IconHelpCircle },
};

/** The answer, big and clear, with what the signature vouches for. */
export function VerdictCard({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const look = LOOK[result.verdict];
  const VerdictIcon = look.icon;
  const s = result.signed;
  const none = t('certificates.none');
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      role="status"
      aria-live="polite"
      style={{ borderColor: `var(--mantine-color-${look.color}-6)`, borderWidth: 2 }}
    >
      <Stack gap="md">
        <Group gap="md" wrap="nowrap" align="center">
          <ThemeIcon color={look.color} size={56} radius="xl" variant="light" aria-hidden>
            <VerdictIcon size={36} />
          </ThemeIcon>
          <Stack gap={2}>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t('verify.verdictLabel')}
            </Text>
            <Text fz={32} fw={800} lh={1.1} c={`${look.color}.9`} data-verdict={result.verdict}>
              {t(`verify.verdict.${result.verdict}`)}
            </Text>
          </Stack>
        </Group>
        <Text size="md">{result.message}</Text>
        {s && (
          <>
            <Text fw={700}>{t('verify.signedTitle')}</Text>
            <DataList withDivider labelWidth={150}>
              <FactItem emptyLabel={none} label={t('verify.signed.number')}>
                {s.number}
              </FactItem>
              <FactItem emptyLabel={none} label={t('verify.signed.person')}>
                {s.person}
              </FactItem>
              <FactItem emptyLabel={none} label={t('verify.signed.title')}>
                {s.title}
              </FactItem>
              <FactItem emptyLabel={none} label={t('verify.signed.completed')}>
                {formatIsoDate(s.completedOn)}
              </FactItem>
              <FactItem emptyLabel={none} label={t('verify.signed.issued')}>
                {formatIsoDate(s.issuedOn)}
              </FactItem>
              <FactItem emptyLabel={none} label={t('verify.signed.expires')}>
                {s.expiresOn ? formatIsoDate(s.expiresOn) : t('certificates.never')}
              </FactItem>
              <FactItem emptyLabel={none} label={t('verify.signed.issuer')}>
                {s.issuer}
              </FactItem>
              <FactItem emptyLabel={none} label={t('verify.signed.keyId')}>
                <Text ff="monospace" size="sm">
                  {s.keyId}
                </Text>
              </FactItem>
            </DataList>
            <Text size="sm" c="dimmed">
              {result.issuedHere ? t('verify.issuedHere') : t('verify.issuedElsewhere')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
