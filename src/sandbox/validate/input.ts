import { AwsError } from "../errors.js";

export interface StringRules {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The pattern as AWS prints it in the message (defaults to pattern.source). */
  patternText?: string;
  enum?: readonly string[];
}

export interface NumberRules {
  required?: boolean;
  min?: number;
  max?: number;
  enum?: readonly number[];
}

export interface ReaderOptions {
  /** The code for constraint failures: InvalidParameterException (Logs), ValidationException (Bedrock), ValidationError (IAM, STS). */
  code: string;
  /** JSON protocols are strict about types (a wrong type is a SerializationException); Query values arrive as strings. */
  wire: "json" | "query";
  /** How a member is named in messages (IAM says 'roleName' for RoleName). */
  label?: (name: string) => string;
}

/** Code points (what AWS's length constraints count); a lone surrogate counts as one, as `[...value]` does. */
function codePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

const show = (v: unknown): string => (Array.isArray(v) ? `[${v.map(String).join(", ")}]` : String(v));

/**
 * Reads request members with AWS's own validation wording, collecting every constraint failure into one
 * "N validation errors detected: …" error like the Coral front end does.
 */
export class InputReader {
  readonly #errors: string[] = [];

  constructor(
    readonly input: Readonly<Record<string, unknown>>,
    readonly options: ReaderOptions,
  ) {}

  #label(name: string): string {
    return this.options.label ? this.options.label(name) : name;
  }

  #typeError(name: string, expected: string): never {
    const code = this.options.wire === "json" ? "SerializationException" : this.options.code;
    throw new AwsError(code, `Unexpected value type for member '${name}': expected ${expected}.`);
  }

  #missing(name: string, required: boolean | undefined): undefined {
    if (required)
      this.#errors.push(`Value null at '${this.#label(name)}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }

  #constraint(name: string, value: unknown, rule: string): void {
    this.#errors.push(`Value '${show(value)}' at '${this.#label(name)}' failed to satisfy constraint: Member ${rule}`);
  }

  /** Adds a failure in the same list (for rules the reader does not know). */
  fail(message: string): void {
    this.#errors.push(message);
  }

  checkString(name: string, value: string, rules: StringRules): void {
    // n UTF-16 units hold between n / 2 and n code points: count them only when that range reaches past a bound.
    const n = value.length;
    const exact =
      (rules.min !== undefined && Math.ceil(n / 2) < rules.min) || (rules.max !== undefined && n > rules.max);
    const length = exact ? codePoints(value) : n;
    if (rules.min !== undefined && length < rules.min)
      this.#constraint(name, value, `must have length greater than or equal to ${rules.min}`);
    if (rules.max !== undefined && length > rules.max)
      this.#constraint(name, value, `must have length less than or equal to ${rules.max}`);
    if (rules.pattern !== undefined && !rules.pattern.test(value)) {
      this.#constraint(
        name,
        value,
        `must satisfy regular expression pattern: ${rules.patternText ?? rules.pattern.source}`,
      );
    }
    if (rules.enum !== undefined && !rules.enum.includes(value)) {
      this.#constraint(name, value, `must satisfy enum value set: [${rules.enum.join(", ")}]`);
    }
  }

  string(name: string, rules: StringRules = {}): string | undefined {
    const v = this.input[name];
    if (v === undefined || v === null) return this.#missing(name, rules.required);
    if (typeof v !== "string") this.#typeError(name, "a string");
    this.checkString(name, v, rules);
    return v;
  }

  #number(name: string, integer: boolean, rules: NumberRules): number | undefined {
    let v = this.input[name];
    if (v === undefined || v === null) return this.#missing(name, rules.required);
    if (typeof v === "string" && this.options.wire === "query") v = v.trim() === "" ? NaN : Number(v);
    if (typeof v !== "number" || Number.isNaN(v) || (integer && !Number.isInteger(v))) {
      this.#typeError(name, integer ? "an integer" : "a number");
    }
    if (rules.min !== undefined && v < rules.min)
      this.#constraint(name, v, `must have value greater than or equal to ${rules.min}`);
    if (rules.max !== undefined && v > rules.max)
      this.#constraint(name, v, `must have value less than or equal to ${rules.max}`);
    if (rules.enum !== undefined && !rules.enum.includes(v))
      this.#constraint(name, v, `must satisfy enum value set: [${rules.enum.join(", ")}]`);
    return v;
  }

  integer(name: string, rules: NumberRules = {}): number | undefined {
    return this.#number(name, true, rules);
  }

  number(name: string, rules: NumberRules = {}): number | undefined {
    return this.#number(name, false, rules);
  }

  boolean(name: string, rules: { required?: boolean } = {}): boolean | undefined {
    const v = this.input[name];
    if (v === undefined || v === null) return this.#missing(name, rules.required);
    if (typeof v === "boolean") return v;
    if (this.options.wire === "query" && (v === "true" || v === "false")) return v === "true";
    return this.#typeError(name, "a boolean");
  }

  object(name: string, rules: { required?: boolean } = {}): Record<string, unknown> | undefined {
    const v = this.input[name];
    if (v === undefined || v === null) return this.#missing(name, rules.required);
    if (typeof v !== "object" || Array.isArray(v)) this.#typeError(name, "a structure");
    return v as Record<string, unknown>;
  }

  list(name: string, rules: { required?: boolean; min?: number; max?: number } = {}): unknown[] | undefined {
    let v = this.input[name];
    if (v === undefined || v === null) return this.#missing(name, rules.required);
    // Query serializers send an empty list as a bare "Name=".
    if (v === "" && this.options.wire === "query") v = [];
    if (!Array.isArray(v)) this.#typeError(name, "a list");
    if (rules.min !== undefined && v.length < rules.min)
      this.#constraint(name, v, `must have length greater than or equal to ${rules.min}`);
    if (rules.max !== undefined && v.length > rules.max)
      this.#constraint(name, v, `must have length less than or equal to ${rules.max}`);
    return v;
  }

  stringList(
    name: string,
    rules: { required?: boolean; min?: number; max?: number; item?: StringRules } = {},
  ): string[] | undefined {
    const list = this.list(name, rules);
    if (list === undefined) return undefined;
    return list.map((item, i) => {
      if (typeof item !== "string") this.#typeError(`${name}.${i + 1}`, "a string");
      if (rules.item) this.checkString(`${name}.${i + 1}.member`, item, rules.item);
      return item;
    });
  }

  stringMap(
    name: string,
    rules: { required?: boolean; min?: number; max?: number; key?: StringRules; value?: StringRules } = {},
  ): Record<string, string> | undefined {
    const obj = this.object(name, rules);
    if (obj === undefined) return undefined;
    const entries = Object.entries(obj);
    if (rules.min !== undefined && entries.length < rules.min)
      this.#constraint(name, "{…}", `must have length greater than or equal to ${rules.min}`);
    if (rules.max !== undefined && entries.length > rules.max)
      this.#constraint(name, "{…}", `must have length less than or equal to ${rules.max}`);
    const out: Record<string, string> = {};
    for (const [k, v] of entries) {
      if (typeof v !== "string") this.#typeError(`${name}.${k}`, "a string");
      if (rules.key) this.checkString(`${name}.key`, k, rules.key);
      if (rules.value) this.checkString(`${name}.${k}.member`, v, rules.value);
      out[k] = v;
    }
    return out;
  }

  /** Throws the collected constraint failures, if any, as one error. */
  done(): void {
    const n = this.#errors.length;
    if (n === 0) return;
    throw new AwsError(
      this.options.code,
      `${n} validation error${n > 1 ? "s" : ""} detected: ${this.#errors.join("; ")}`,
    );
  }
}
