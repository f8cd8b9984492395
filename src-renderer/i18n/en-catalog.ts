/** English strings for the catalog screens. */
export const enCatalog = {
  catalogScreens: {},
};
