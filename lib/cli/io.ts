// What every juesuan command shares: where it writes, and the exit codes it returns.

export const EXIT_OK = 0;
export const EXIT_BLOCKING = 1;
export const EXIT_UNREADABLE = 2;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** An input the command cannot use: printed to stderr, exit 2. */
export class UnreadableInput extends Error {}
