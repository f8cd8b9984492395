import type { CallSpec } from '../call-spec.js';
import { Settings, SettingsUpdate } from '../schemas/settings.js';
import { Empty } from '../common.js';

export const settingsCalls = {
  'settings.get': {
    input: Empty,
    output: Settings,
    access: 'authenticated',
    write: false,
    summary: 'The organisation’s settings (the expiring window), and whether you may change them',
  },
  'settings.update': {
    input: SettingsUpdate,
    output: Settings,
    access: 'settings.manage',
    write: true,
    summary: 'Change the organisation’s settings (needs Edit organisation settings at the organisation)',
  },
} satisfies Record<string, CallSpec>;
