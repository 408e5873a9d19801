import type { Text } from "./text.js";

/**
 * Bad usage or configuration: the CLI prints the message and exits 2. The message names the flag or the file
 * and says how to fix it.
 */
export class UsageError extends Error {
  readonly text: Text;

  constructor(text: Text) {
    super(text.en);
    this.name = "UsageError";
    this.text = text;
  }
}
