import { z } from '../../zod.js';

/** Organisation-wide settings a Fieldbook installation keeps in its database. */
export const Settings = z.object({
  /** Days before an expiry date when a requirement shows as expiring (DESIGN.md "Compliance rules"). */
  expiringDays: z.number().int(),
  /** Whether the viewer may change them (settings.manage at the organisation). */
  canEdit: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = z
  .object({
    expiringDays: z
      .number({ message: 'Enter a whole number of days.' })
      .int('Enter a whole number of days.')
      .min(0, 'The window cannot be negative: 0 turns "expiring" off.')
      .max(365, 'At most 365 days: a longer window would show almost everything as expiring.'),
  })
  .strict();
