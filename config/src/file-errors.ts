import { readFileSync } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Line, column and the offending line with a caret under the column, for a position in `text`. */
function excerpt(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const source = text.split('\n')[line - 1] ?? '';
  return `line ${line}, column ${column}:\n      ${source}\n      ${' '.repeat(Math.max(0, column - 1))}^`;
}

/**
 * Why a config file could not be read, said with the place: JSON errors with line, column and
 * the offending text (Node's own message has no position); YAML errors keep js-yaml's snippet.
 */
export function describeFileError(file: string | undefined, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (file && /\.json$|rc$/.test(file)) {
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = undefined;
    }
    const errors: ParseError[] = [];
    if (text !== undefined) parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (text !== undefined && errors[0])
      return `${file} is not valid JSON (${printParseErrorCode(errors[0].error)}) at ${excerpt(text, errors[0].offset)}`;
  }
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const lines = message.split('\n').filter((l) => l.trim() !== '' && !/^(YAML|JSON) Error in /.test(l));
  // js-yaml: "bad indentation of a sequence entry (4:4)" then a numbered snippet.
  if (mark) return `${file ?? 'the config file'} is not valid YAML: ${lines.join('\n      ')}`;
  return lines.slice(0, 6).join('\n      ');
}
