import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 gives white button text 4.3:1, under WCAG AA; 7 passes in both schemes.
  primaryShade: { light: 7, dark: 7 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // System fonts only: the app works offline, so nothing is fetched from the web.
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Every field in our forms is required, so asterisks would be noise; `required` still
    // reaches assistive technology as aria-required.
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'fieldbook.colorScheme' });
