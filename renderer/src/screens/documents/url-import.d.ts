/** Vite's `?url` imports: the URL of a bundled asset (here: pdf.js's worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
