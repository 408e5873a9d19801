/** The services the sandbox serves. Bedrock's control plane and runtime both sign as `bedrock`; they differ by path. */
export type ServiceName = "logs" | "monitoring" | "bedrock" | "bedrock-runtime" | "sts" | "iam";

/** Wire protocols, as Smithy names them. */
export type Protocol = "rest-json" | "json-1.0" | "json-1.1" | "query" | "cbor";

/** The SigV4 signing name each service expects in the credential scope. */
export const SIGNING_NAME: Readonly<Record<ServiceName, string>> = {
  logs: "logs",
  monitoring: "monitoring",
  bedrock: "bedrock",
  "bedrock-runtime": "bedrock",
  sts: "sts",
  iam: "iam",
};

/** Query-protocol XML namespaces (the `xmlns` of replies and errors). */
export const XML_NAMESPACE: Readonly<Partial<Record<ServiceName, string>>> = {
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
  iam: "https://iam.amazonaws.com/doc/2010-05-08/",
  monitoring: "http://monitoring.amazonaws.com/doc/2010-08-01/",
};

export const QUERY_VERSION: Readonly<Partial<Record<ServiceName, string>>> = {
  sts: "2011-06-15",
  iam: "2010-05-08",
  monitoring: "2010-08-01",
};
