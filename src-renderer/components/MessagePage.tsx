import type { ReactNode } from 'react';
import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from './Page';
import { Panel } from './Panel';

/** A page that only explains why there is nothing here, with a way back home. */
export function MessagePage({
  title,
  icon,
  body,
  homeLabel,
}: {
  title: string;
  icon: ReactNode;
  body: string;
  homeLabel: string;
}) {
  return (
    <Page title={title} maw={720}>
      <Panel>
        <EmptyState icon={icon} withIndicatorBackground description={body} py="lg">
          <EmptyState.Actions>
            <Button component={Link} to="/" variant="light">
              {homeLabel}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Panel>
    </Page>
  );
}
