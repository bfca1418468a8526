/**
 * What a command gets: `out` is stdout (results only), `info` is stderr (progress, notes), and
 * `openDatabase` prepares (starts or joins, and migrates) the database — call it once the
 * arguments are validated, so a typo never waits for a database start.
 */
export interface CliIo {
  out(text: string): void;
  info(text: string): void;
  openDatabase(): Promise<void>;
}
