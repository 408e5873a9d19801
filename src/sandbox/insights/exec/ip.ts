/**
 * The IP address functions (AWS: "IP address string functions"): validity of a v4 or v6 address, and membership
 * of a subnet written in CIDR notation (`192.0.2.0/24`, `2001:db8::/32`). An absent field gives an absent result;
 * a subnet that is not valid CIDR matches nothing.
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { toText, type Value } from "./values.js";

type Family = "ipv4" | "ipv6";

const subnets = new Map<string, { list: BlockList; family: Family } | null>();

function subnetOf(cidr: string): { list: BlockList; family: Family } | null {
  let entry = subnets.get(cidr);
  if (entry !== undefined) return entry;
  entry = null;
  const slash = cidr.indexOf("/");
  const address = slash < 0 ? cidr : cidr.slice(0, slash);
  const bitsText = slash < 0 ? "" : cidr.slice(slash + 1);
  const family: Family | undefined = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
  const bits = Number(bitsText);
  if (family !== undefined && /^\d{1,3}$/.test(bitsText) && bits <= (family === "ipv4" ? 32 : 128)) {
    const list = new BlockList();
    list.addSubnet(address, bits, family);
    entry = { list, family };
  }
  if (subnets.size > 1000) subnets.clear();
  subnets.set(cidr, entry);
  return entry;
}

function inSubnet(ip: Value | undefined, cidr: Value | undefined, only: Family | undefined): boolean | null {
  const address = toText(ip);
  const range = toText(cidr);
  if (address === null || range === null) return null;
  const family: Family | undefined = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
  if (family === undefined || (only !== undefined && family !== only)) return false;
  const subnet = subnetOf(range.trim());
  if (subnet === null || subnet.family !== family) return false;
  return subnet.list.check(address, family);
}

function valid(ip: Value | undefined, test: (s: string) => boolean): boolean | null {
  const text = toText(ip);
  return text === null ? null : test(text);
}

export const IP_FUNCTIONS = {
  isvalidip: (ip: Value | undefined) => valid(ip, (s) => isIPv4(s) || isIPv6(s)),
  isvalidipv4: (ip: Value | undefined) => valid(ip, isIPv4),
  isvalidipv6: (ip: Value | undefined) => valid(ip, isIPv6),
  isipinsubnet: (ip: Value | undefined, cidr: Value | undefined) => inSubnet(ip, cidr, undefined),
  isipv4insubnet: (ip: Value | undefined, cidr: Value | undefined) => inSubnet(ip, cidr, "ipv4"),
  isipv6insubnet: (ip: Value | undefined, cidr: Value | undefined) => inSubnet(ip, cidr, "ipv6"),
};
