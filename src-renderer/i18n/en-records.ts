/** English strings for the records screens. */
export const enRecords = {
  recordsScreens: {},
};
