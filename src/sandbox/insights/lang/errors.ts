/**
 * MalformedQueryException as Logs Insights raises it. AWS's compiler says
 * `unexpected symbol found <token> at line <n> and position <p>` (line counted from 1, position from 0 within
 * the line); we keep that prefix verbatim so scripts that match it keep working, and append what was expected.
 */
import { AwsError } from "../../errors.js";

function lineAndPosition(query: string, offset: number): { line: number; position: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < query.length; i++) {
    if (query.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, position: offset - lineStart };
}

function compileError(query: string, start: number, end: number, message: string): AwsError {
  return new AwsError("MalformedQueryException", message, {
    fields: { queryCompileError: { location: { startCharOffset: start, endCharOffset: end }, message } },
  });
}

/** The parser met `symbol` (raw text, `<EOF>` at the end) where it wanted `expected`. */
export function unexpectedSymbol(
  query: string,
  start: number,
  end: number,
  symbol: string,
  expected: string,
): AwsError {
  const { line, position } = lineAndPosition(query, start);
  return compileError(
    query,
    start,
    end,
    `unexpected symbol found ${symbol} at line ${line} and position ${position}: expected ${expected}`,
  );
}

/** A character no token starts with (AWS's lexer words it this way, e.g. for a backslash). */
export function tokenRecognitionError(query: string, start: number, end: number, why: string): AwsError {
  const { line, position } = lineAndPosition(query, start);
  const text = query.slice(start, Math.min(end, start + 20));
  return compileError(
    query,
    start,
    end,
    `token recognition error at: '${text}' at line ${line} and position ${position}: ${why}`,
  );
}

/** A well-formed query that breaks a rule of the language (unknown function, wrong arguments, misplaced command). */
export function semanticError(query: string, start: number, end: number, message: string): AwsError {
  const { line, position } = lineAndPosition(query, start);
  return compileError(query, start, end, `${message} (at line ${line} and position ${position})`);
}

/** AWS's own wording for a name defined twice, e.g. `parse … as status` when `status` already exists. */
export function ephemeralAlreadyDefined(query: string, start: number, end: number, name: string): AwsError {
  return compileError(query, start, end, `Ephemeral field is already defined: ${name}`);
}
