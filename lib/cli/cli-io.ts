/** Where a command writes: `out` is stdout (results only), `info` is stderr (progress, notes). */
export interface CliIo {
  out(text: string): void;
  info(text: string): void;
}
