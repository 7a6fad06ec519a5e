/** German texts of the caseFile screens (issue 4). */
export const caseFileDe = {
  title: 'caseFile',
};
