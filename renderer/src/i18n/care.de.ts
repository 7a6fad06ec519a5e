/** German texts of the care screens (issue 4). */
export const careDe = {
  title: 'care',
};
