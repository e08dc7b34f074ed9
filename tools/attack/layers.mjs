/** The six layers of the README, by number. */
export const LAYERS = {
  1: 'Edge shield',
  2: 'Private network',
  3: 'Service protection',
  4: 'Encryption',
  5: 'Identity',
  6: 'Monitoring',
};
