/**
 * The CLI's explicit output path for its non-protocol commands (`tools`, `doctor`, `login`).
 * Never used while serving stdio: there, stdout carries JSON-RPC only.
 */
export function printOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Messages for a person (progress, URLs to open): stderr, so they never mix with output. */
export function printErr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
