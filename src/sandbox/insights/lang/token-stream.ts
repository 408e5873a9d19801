/** One-token lookahead over the lexer, with the error helpers every parser rule uses. */
import { unexpectedSymbol } from "./errors.js";
import { Lexer, type Token } from "./lexer.js";

export class TokenStream {
  protected readonly lexer: Lexer;
  protected tok: Token;

  constructor(readonly query: string) {
    this.lexer = new Lexer(query);
    this.tok = this.lexer.next();
  }

  /** The lookahead token (a method, so TypeScript does not keep narrowing `tok` across advance() calls). */
  protected current(): Token {
    return this.tok;
  }

  protected advance(): Token {
    const current = this.tok;
    this.tok = this.lexer.next();
    return current;
  }

  /** The token after the current one, without consuming anything. */
  protected peekSecond(): Token {
    const mark = this.lexer.mark();
    const second = this.lexer.next();
    this.lexer.reset(mark);
    return second;
  }

  protected isOp(op: string, token: Token = this.tok): boolean {
    return token.kind === "op" && token.value === op;
  }

  /** An unquoted identifier spelled `word` in any letter case (keywords are case-insensitive). */
  protected isWord(word: string, token: Token = this.tok): boolean {
    return token.kind === "ident" && token.value.toLowerCase() === word;
  }

  protected fail(expected: string, token: Token = this.tok): never {
    throw unexpectedSymbol(this.query, token.start, token.end, token.kind === "eof" ? "<EOF>" : token.text, expected);
  }

  protected expectOp(op: string, expected: string): Token {
    if (!this.isOp(op)) this.fail(expected);
    return this.advance();
  }

  protected expectWord(word: string, expected: string): Token {
    if (!this.isWord(word)) this.fail(expected);
    return this.advance();
  }

  /** A field name: a plain identifier or a backtick-quoted one. */
  protected expectName(expected: string): Token {
    if (this.tok.kind !== "ident" && this.tok.kind !== "quoted") this.fail(expected);
    return this.advance();
  }

  /** Re-reads the current token as a `/regex/` (the lexer took its `/` for division). */
  protected takeRegex(): Token {
    const regex = this.lexer.regexAt(this.tok.start);
    this.tok = this.lexer.next();
    return regex;
  }
}
