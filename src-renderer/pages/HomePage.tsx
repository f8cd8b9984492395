import { Grid, Group, List, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';
import { Panel } from '../components/Panel';
import { visibleItems, type NavItem } from '../shell/nav-items';
import { hasPrivilege, useUser } from '../state/user-context';
import { TrainingSummary } from './learning/TrainingSummary';
import { ComplianceSummary } from './compliance/ComplianceSummary';
import classes from './HomePage.module.css';

function AreaCard({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  if (item.id === 'home') return null;
  return (
    <UnstyledButton component={Link} to={item.path} className={classes.card}>
      <Group wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size={38} radius="md" aria-hidden>
          <item.icon size={20} stroke={1.6} />
        </ThemeIcon>
        <Stack gap={2} flex={1}>
          <Text fw={600}>{t(item.labelKey)}</Text>
          <Text size="sm" c="dimmed">
            {t(`home.areas.${item.id}`)}
          </Text>
        </Stack>
        <IconChevronRight size={18} stroke={1.5} className={classes.chevron} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Page
      title={t('home.welcome', { firstName: user.firstName })}
      description={t('home.organisation', { organisation: user.organisationName })}
    >
      {hasPrivilege(user, 'learning.take') && <TrainingSummary />}
      {hasPrivilege(user, 'compliance.view') && <ComplianceSummary />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Panel title={t('home.whatYouCanDo')}>
            <Text size="sm" mb="md" maw={640}>
              {t('home.intro')}
            </Text>
            <Stack gap="sm">
              {visibleItems(user).map((item) => (
                <AreaCard key={item.id} item={item} />
              ))}
            </Stack>
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Panel title={t('home.rolesTitle')}>
            {user.roles.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('home.noRoles')}
              </Text>
            ) : (
              <List
                spacing="sm"
                size="sm"
                icon={
                  <ThemeIcon variant="light" color="teal" size={24} radius="xl" aria-hidden>
                    <IconShieldCheck size={14} />
                  </ThemeIcon>
                }
              >
                {user.roles.map((r) => (
                  <List.Item key={`${r.roleId}@${r.unitId}`}>
                    {t('home.roleAt', { role: r.roleName, unit: r.unitName })}
                  </List.Item>
                ))}
              </List>
            )}
          </Panel>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
