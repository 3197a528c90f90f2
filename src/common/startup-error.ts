/**
 * Why camlinks cannot start, in one line that says what is wrong and what fixes it. main.ts
 * prints the message alone and exits non-zero: an operator reads a sentence, not a stack.
 */
export class StartupError extends Error {}
