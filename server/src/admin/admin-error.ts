/** A refused admin command: German first, English second, and the exit code says "usage". */
export class AdminError extends Error {
  constructor(
    readonly german: string,
    readonly english: string,
  ) {
    super(`${german}\n${english}`);
    this.name = 'AdminError';
  }
}
