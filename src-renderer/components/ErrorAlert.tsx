import { Alert, type AlertProps } from '@mantine/core';

/** A red alert that screen readers announce at once; nothing while there is no message. */
export function ErrorAlert({
  message,
  ...props
}: { message: string | null | undefined } & Omit<AlertProps, 'color' | 'role' | 'children'>) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" {...props}>
      {message}
    </Alert>
  );
}
