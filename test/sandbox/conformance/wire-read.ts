/**
 * Reads reply bodies keeping what a typed client sees and a generic parser hides: whether a JSON number was written
 * `5` or `5.0`, whether a CBOR number is an integer or a float, and the raw element tree of an XML reply. Then checks
 * a reply against the model shape table: unknown members, missing required members, wrong wire types.
 */
import type { ServiceShapes, TypeRef } from "../../../src/sandbox/protocol/shape.js";
import { resolve } from "../../../src/sandbox/protocol/shape.js";

export type Wire =
  | { t: "int"; v: number }
  | { t: "float"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "null" }
  | { t: "bytes"; v: Uint8Array }
  | { t: "tag"; tag: number; v: Wire }
  | { t: "list"; v: Wire[] }
  | { t: "map"; v: Map<string, Wire> };

/** JSON with number types kept: `5` is an int, `5.0` and `5e0` are floats. */
export function readJson(text: string): Wire {
  let i = 0;
  const ws = (): void => {
    while (/\s/.test(text[i] ?? "")) i += 1;
  };
  const value = (): Wire => {
    ws();
    const c = text[i];
    if (c === "{") {
      i += 1;
      const v = new Map<string, Wire>();
      ws();
      if (text[i] === "}") {
        i += 1;
        return { t: "map", v };
      }
      for (;;) {
        const key = value();
        if (key.t !== "str") throw new Error(`JSON key expected at ${i}`);
        ws();
        i += 1; // ':'
        v.set(key.v, value());
        ws();
        if (text[i++] === "}") return { t: "map", v };
      }
    }
    if (c === "[") {
      i += 1;
      const v: Wire[] = [];
      ws();
      if (text[i] === "]") {
        i += 1;
        return { t: "list", v };
      }
      for (;;) {
        v.push(value());
        ws();
        if (text[i++] === "]") return { t: "list", v };
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i));
      if (m === null) throw new Error(`bad JSON string at ${i}`);
      i += m[0].length;
      return { t: "str", v: JSON.parse(m[0]) as string };
    }
    const word = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i));
    if (word === null) throw new Error(`bad JSON at ${i}: ${text.slice(i, i + 20)}`);
    i += word[0].length;
    if (word[1] === "true" || word[1] === "false") return { t: "bool", v: word[1] === "true" };
    if (word[1] === "null") return { t: "null" };
    return { t: /[.eE]/.test(word[0]) ? "float" : "int", v: Number(word[0]) };
  };
  const out = value();
  ws();
  if (i !== text.length) throw new Error(`trailing JSON at ${i}`);
  return out;
}

function half(bits: number): number {
  const exponent = (bits >> 10) & 31;
  const fraction = bits & 1023;
  const sign = bits >> 15 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** CBOR (definite lengths, as the sandbox writes it) with major types kept. */
export function readCbor(bytes: Uint8Array): Wire {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 0;
  const arg = (info: number): number => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Error(`unsupported CBOR length ${info}`);
    const at = i;
    i += size;
    if (size === 1) return view.getUint8(at);
    if (size === 2) return view.getUint16(at);
    if (size === 4) return view.getUint32(at);
    return Number(view.getBigUint64(at));
  };
  const item = (): Wire => {
    const head = view.getUint8(i++);
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20 || info === 21) return { t: "bool", v: info === 21 };
      if (info === 22) return { t: "null" };
      const at = i;
      if (info === 25) return ((i += 2), { t: "float", v: half(view.getUint16(at)) });
      if (info === 26) return ((i += 4), { t: "float", v: view.getFloat32(at) });
      if (info === 27) return ((i += 8), { t: "float", v: view.getFloat64(at) });
      throw new Error(`unsupported CBOR simple value ${info}`);
    }
    const n = arg(info);
    switch (major) {
      case 0:
        return { t: "int", v: n };
      case 1:
        return { t: "int", v: -1 - n };
      case 2:
        i += n;
        return { t: "bytes", v: bytes.slice(i - n, i) };
      case 3:
        i += n;
        return { t: "str", v: Buffer.from(bytes.slice(i - n, i)).toString("utf8") };
      case 4:
        return { t: "list", v: Array.from({ length: n }, item) };
      case 5: {
        const v = new Map<string, Wire>();
        for (let k = 0; k < n; k += 1) {
          const key = item();
          if (key.t !== "str") throw new Error("CBOR map key is not text");
          v.set(key.v, item());
        }
        return { t: "map", v };
      }
      default:
        return { t: "tag", tag: n, v: item() };
    }
  };
  const out = item();
  if (i !== bytes.length) throw new Error(`trailing CBOR at ${i}`);
  return out;
}

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/** The element tree of an AWS Query reply (no attributes beyond xmlns, no mixed content). */
export function readXml(text: string): XmlNode {
  const root: XmlNode = { name: "#document", children: [], text: "" };
  const stack = [root];
  const tokens = text.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g);
  for (const [, close, name, selfClose, body] of tokens) {
    const top = stack[stack.length - 1] as XmlNode;
    if (body !== undefined) top.text += body;
    else if (close === "/") stack.pop();
    else {
      const node: XmlNode = { name: name ?? "", children: [], text: "" };
      top.children.push(node);
      if (selfClose !== "/") stack.push(node);
    }
  }
  return root.children[0] as XmlNode;
}

export const unescape = (s: string): string =>
  s.replace(
    /&(lt|gt|amp|quot|apos|#13);/g,
    (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", "#13": "\r" })[e] ?? "",
  );

/** Problems of a JSON or CBOR reply `wire` against the model type `type` (empty when it conforms). */
export function wireProblems(wire: Wire, type: TypeRef, shapes: ServiceShapes, path: string, cbor: boolean): string[] {
  const shape = resolve(shapes, type);
  const is = (t: Wire["t"]): string[] =>
    wire.t === t ? [] : [`${path}: ${wire.t} where the model has ${String(type)}`];
  switch (shape.kind) {
    case "primitive":
      switch (shape.type) {
        case "double":
        case "float":
          return wire.t === "str" && /^(NaN|-?Infinity)$/.test(wire.v) ? [] : is("float");
        case "integer":
        case "long":
          return is("int");
        case "boolean":
          return is("bool");
        case "timestamp":
          if (cbor) return wire.t === "tag" && wire.tag === 1 ? [] : [`${path}: ${wire.t}, not a tag-1 timestamp`];
          return wire.t === "int" || wire.t === "float" ? [] : [`${path}: ${wire.t}, not epoch seconds`];
        case "datetime":
          return wire.t === "str" && !Number.isNaN(Date.parse(wire.v)) ? [] : [`${path}: not an ISO 8601 date-time`];
        case "blob":
          return cbor ? is("bytes") : is("str");
        case "string":
          return is("str");
      }
      return [];
    case "list":
      if (wire.t !== "list") return is("list");
      return wire.v.flatMap((item, k) => wireProblems(item, shape.member, shapes, `${path}[${k}]`, cbor));
    case "map":
      if (wire.t !== "map") return is("map");
      return [...wire.v].flatMap(([key, item]) => wireProblems(item, shape.value, shapes, `${path}.${key}`, cbor));
    case "structure": {
      if (wire.t !== "map") return is("map");
      const problems: string[] = [];
      for (const [key, item] of wire.v) {
        const member = shape.shape.members[key];
        if (member === undefined) problems.push(`${path}.${key}: not a member of ${String(type)}`);
        else problems.push(...wireProblems(item, member, shapes, `${path}.${key}`, cbor));
      }
      for (const key of shape.shape.required ?? []) {
        if (!wire.v.has(key)) problems.push(`${path}.${key}: required by the model, missing`);
      }
      return problems;
    }
    case "unknown":
      return [`${path}: the table has no type ${String(type)}`];
  }
}

/** Problems of an XML element `node` against the model type `type`. */
export function xmlProblems(node: XmlNode, type: TypeRef, shapes: ServiceShapes, path: string): string[] {
  const shape = resolve(shapes, type);
  const text = unescape(node.text);
  switch (shape.kind) {
    case "primitive":
      if (node.children.length > 0) return [`${path}: element content where the model has ${shape.type}`];
      if (shape.type === "double" || shape.type === "float")
        return /^-?\d+\.\d+(E-?\d+)?$|^-?\d+(\.\d+)?e[+-]\d+$|^NaN$|^-?Infinity$/.test(text)
          ? []
          : [`${path}: '${text}' is not written as a double`];
      if (shape.type === "integer" || shape.type === "long")
        return /^-?\d+$/.test(text) ? [] : [`${path}: '${text}' is not an integer`];
      if (shape.type === "boolean") return /^(true|false)$/.test(text) ? [] : [`${path}: '${text}' is not a boolean`];
      if (shape.type === "timestamp" || shape.type === "datetime")
        return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text) ? [] : [`${path}: '${text}' is not ISO 8601`];
      return [];
    case "list":
      return node.children.flatMap((child, k) =>
        child.name === "member"
          ? xmlProblems(child, shape.member, shapes, `${path}[${k}]`)
          : [`${path}: <${child.name}> in a list (AWS writes <member>)`],
      );
    case "map":
      return node.children.flatMap((entry) => {
        const [key, value] = entry.children;
        if (entry.name !== "entry" || key?.name !== "key" || value?.name !== "value" || entry.children.length !== 2)
          return [`${path}: <${entry.name}> in a map (AWS writes <entry><key/><value/></entry>)`];
        return xmlProblems(value, shape.value, shapes, `${path}.${key.text}`);
      });
    case "structure": {
      const problems: string[] = [];
      const names = node.children.map((child) => child.name);
      for (const child of node.children) {
        const member = shape.shape.members[child.name];
        if (member === undefined) problems.push(`${path}.${child.name}: not a member of ${String(type)}`);
        else problems.push(...xmlProblems(child, member, shapes, `${path}.${child.name}`));
      }
      for (const key of shape.shape.required ?? []) {
        if (!names.includes(key)) problems.push(`${path}.${key}: required by the model, missing`);
      }
      const order = Object.keys(shape.shape.members);
      const positions = names.map((name) => order.indexOf(name));
      if (positions.some((p, k) => k > 0 && p < (positions[k - 1] ?? 0)))
        problems.push(`${path}: members out of model order (${names.join(", ")})`);
      return problems;
    }
    case "unknown":
      return [`${path}: the table has no type ${String(type)}`];
  }
}

/** A Wire tree as a plain value, for readable assertions (floats and ints both become numbers). */
export function plain(wire: Wire): unknown {
  switch (wire.t) {
    case "list":
      return wire.v.map(plain);
    case "map":
      return Object.fromEntries([...wire.v].map(([k, v]) => [k, plain(v)]));
    case "tag":
      return plain(wire.v);
    case "null":
      return null;
    default:
      return wire.v;
  }
}
