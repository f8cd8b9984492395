/** "Åsa Öberg": how a person is named in headings and sentences. */
export const fullName = (p: { firstName: string; lastName: string }): string =>
  `${p.firstName} ${p.lastName}`;
