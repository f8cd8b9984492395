import { useState } from 'react';
import {
  Button,
  CopyButton,
  DataList,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCopy, IconPlus, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FactItem } from '../../components/FactItem';
import { FormDialog } from '../../components/FormDialog';
import { LoadError } from '../../components/LoadError';
import { formatDateTime } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import classes from './certificates.module.css';

type Key = CallOutput<'certificates.keys'>['trusted'][number];

/** This installation's public key to print and hand over, and (for settings managers) the trusted sites. */
export function KeysPanel() {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('certificates.keys', {});
  if (error)
    return <LoadError title={t('verify.keys.loadFailed')} message={error.message} onRetry={reload} />;
  if (!data) return <Skeleton height={200} aria-label={t('common.loading')} />;
  const own = data.own;
  const none = t('certificates.none');
  return (
    <>
      <Paper
        withBorder
        radius="md"
        p="lg"
        component="section"
        aria-labelledby="own-key"
        className={classes.printable}
      >
        <Group justify="space-between" align="flex-start" mb="xs">
          <Title order={2} fz="lg" id="own-key">
            {t('verify.keys.title')}
          </Title>
          <Group gap="xs" className={classes.noPrint}>
            <CopyButton value={own.publicKey}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconCopy size={14} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? t('verify.keys.copied') : t('verify.keys.copy')}
                </Button>
              )}
            </CopyButton>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPrinter size={14} aria-hidden />}
              onClick={() => window.print()}
            >
              {t('verify.keys.print')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {t('verify.keys.intro')}
        </Text>
        <DataList withDivider labelWidth={130}>
          <FactItem emptyLabel={none} label={t('verify.keys.name')}>
            {own.name}
          </FactItem>
          <FactItem emptyLabel={none} label={t('verify.keys.publicKey')}>
            <span className={classes.key}>{own.publicKey}</span>
          </FactItem>
          <FactItem emptyLabel={none} label={t('verify.keys.fingerprint')}>
            <span className={classes.key}>{own.fingerprint}</span>
          </FactItem>
          <FactItem emptyLabel={none} label={t('verify.keys.keyId')}>
            <span className={classes.key}>{own.id}</span>
          </FactItem>
        </DataList>
      </Paper>
      {data.canManage && <TrustedSites trusted={data.trusted} onChanged={reload} />}
    </>
  );
}

function TrustedSites({ trusted, onChanged }: { trusted: Key[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Key | null>(null);
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="trusted-sites"
      className={classes.noPrint}
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="trusted-sites">
          {t('verify.trusted.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setAdding(true)}
        >
          {t('verify.trusted.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('verify.trusted.intro')}
      </Text>
      {trusted.length === 0 ? (
        <Text size="sm" role="status">
          {t('verify.trusted.empty')}
        </Text>
      ) : (
        <Table aria-label={t('verify.trusted.caption')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('verify.trusted.name')}</Table.Th>
              <Table.Th scope="col">{t('verify.keys.fingerprint')}</Table.Th>
              <Table.Th scope="col">{t('verify.trusted.added_at')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('verify.trusted.remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trusted.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td fw={600}>{k.name}</Table.Td>
                <Table.Td>
                  <span className={classes.key}>{k.fingerprint}</span>
                </Table.Td>
                <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    aria-label={t('verify.trusted.removeLabel', { name: k.name })}
                    onClick={() => setRemoving(k)}
                  >
                    {t('verify.trusted.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormDialog opened={adding} onClose={() => setAdding(false)} title={t('verify.trusted.addTitle')}>
        <TrustForm
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
        />
      </FormDialog>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('verify.trusted.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('verify.trusted.removeConfirm')}
        danger
        onConfirm={async () => {
          if (!removing) return null;
          const res = await client.invoke('certificates.untrust', { id: removing.id });
          if (!res.ok) return res.error.message;
          notifyDone(t('verify.trusted.removed', { name: removing.name }));
          onChanged();
          return null;
        }}
      >
        {t('verify.trusted.removeBody')}
      </ConfirmDialog>
    </Paper>
  );
}

function TrustForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [errors, setErrors] = useState<{ name?: string; publicKey?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setMessage(null);
    const res = await client.invoke('certificates.trust', { name, publicKey });
    setBusy(false);
    if (!res.ok) {
      const found: { name?: string; publicKey?: string } = {};
      for (const d of res.error.details ?? [])
        if (d.path === 'name' || d.path === 'publicKey') found[d.path] ??= d.message;
      setErrors(found);
      setMessage(res.error.message);
      return;
    }
    notifyDone(t('verify.trusted.added', { name: res.value.name }));
    onAdded();
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <TextInput
          label={t('verify.trusted.name')}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label={t('verify.trusted.publicKey')}
          description={t('verify.trusted.publicKeyHint')}
          required
          maxLength={200}
          value={publicKey}
          onChange={(e) => setPublicKey(e.currentTarget.value)}
          error={errors.publicKey}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          spellCheck={false}
          autoComplete="off"
        />
        <ErrorAlert message={message} title={t('common.errorTitle')} />
        <DialogActions onCancel={onCancel}>
          <Button type="submit" loading={busy}>
            {t('verify.trusted.save')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}
