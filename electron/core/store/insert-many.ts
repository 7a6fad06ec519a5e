import type { Db } from '../db-types';
import type { SqlValue } from '../write/entities';
import { prepared } from './prepared';

/** Values per statement at most (SQLite's own limit is far higher; this keeps statements small). */
const maxValuesPerStatement = 1000;

/**
 * Inserts rows with few statements: `${head} VALUES (…), (…), … ${tail}` with as many rows as
 * fit in 1,000 values, the rest with 10 and then 1 row per statement — three prepared
 * statements however many rows. One statement per row costs a call into SQLite and its setup
 * per row; a pull page inserts hundreds of rows per table.
 *
 * `head` and `tail` are SQL text of the caller (table and column names from code, never input);
 * `bind` writes the `width` values of an item into `params` from `at` on.
 */
export function insertMany<T>(
  db: Db,
  sql: { readonly head: string; readonly tail?: string },
  width: number,
  items: readonly T[],
  bind: (item: T, params: SqlValue[], at: number) => void,
): void {
  const most = Math.max(1, Math.floor(maxValuesPerStatement / width));
  const placeholders = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  let at = 0;
  for (const rows of [most, 10, 1]) {
    if (rows > most || items.length - at < rows) continue;
    const statement = prepared(db, `${sql.head} VALUES ${Array.from({ length: rows }, () => placeholders).join(', ')} ${sql.tail ?? ''}`);
    const params = new Array<SqlValue>(rows * width);
    for (; at + rows <= items.length; at += rows) {
      for (let i = 0; i < rows; i++) bind(items[at + i]!, params, i * width);
      statement.run(...params);
    }
  }
}
