/** Validates JUnit XML against the Ant/Jenkins JUnit.xsd (windyroad) that CI systems and LMS importers follow. */
import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";

const XSD = readFileSync(new URL("../fixtures/junit/JUnit.xsd", import.meta.url), "utf8");

export async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "report.xml", contents: xml }],
    schema: [{ fileName: "JUnit.xsd", contents: XSD }],
  });
  return result.errors.map((e) => e.message);
}
