/** Name pools for the demo organisation: Swedish sites get Swedish names, UK sites English, Welsh, Scottish and Irish ones. */
export const SWEDISH_FIRST = [
  'Åsa', 'Jörgen', 'Björn', 'Märta', 'Göran', 'Åke', 'Ulla', 'Sören', 'Ingrid', 'Lars', 'Maja', 'Linnéa',
  'Elsa', 'Nils', 'Oskar', 'Sofia', 'Ebba', 'Henrik', 'Annika', 'Mikael', 'Per', 'Kerstin', 'Agneta',
  'Örjan', 'Torbjörn', 'Frida', 'Klara', 'Håkan', 'Birgitta', 'Gunnel', 'Anders', 'Ylva', 'Stina', 'Rune',
];
export const SWEDISH_LAST = [
  'Öberg', 'Ämtöft', 'Åström', 'Lindqvist', 'Söderberg', 'Näslund', 'Björklund', 'Wikström', 'Holmgren',
  'Sjöberg', 'Lundström', 'Ek', 'Hägglund', 'Nordström', 'Bäckström', 'Forsberg', 'Johansson', 'Karlsson',
  'Nilsson', 'Eriksson', 'Löfgren', 'Strömberg', 'Åkesson', 'Engström', 'Granlund', 'Marklund', 'Öhman',
];
export const ENGLISH_FIRST = [
  'Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Noah', 'Mia', 'Jack', 'Grace', 'Charlie', 'Sophie',
  'Thomas', 'Emily', 'James', 'Chloe', 'William', 'Lucy', 'Siobhan', 'Niamh', 'Ciarán', 'Aoife', 'Rhys',
  'Seren', 'Callum', 'Eilidh', 'Zoë', 'Renée', 'Priya', 'Tariq',
];
export const ENGLISH_LAST = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker',
  "O'Brien", 'MacLeod', 'Campbell', 'Hughes', 'Davies', 'Murphy', 'Kelly', 'Fraser', 'Hamilton', 'Price',
  'Nowak', 'Patel', 'Ó Súilleabháin', 'Fitzgerald-Reid',
];

export const DEPARTMENTS = ['Operations', 'Maintenance', 'Logistics', 'Health & Safety', 'Quality', 'Administration', 'Engineering'];

export const STAFF_TITLES: Record<string, string[]> = {
  Operations: ['Machine Operator', 'Process Operator'],
  Maintenance: ['Maintenance Technician', 'Electrician'],
  Logistics: ['Forklift Driver', 'Warehouse Operative'],
  'Health & Safety': ['HSE Coordinator'],
  Quality: ['Quality Inspector'],
  Administration: ['Administrator'],
  Engineering: ['Engineer'],
};
