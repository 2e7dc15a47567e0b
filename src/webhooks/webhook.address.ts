// Where a webhook may be sent: an http(s) URL whose host resolves only to public addresses, so that an admin's
// endpoint cannot reach the desk's own network (SSRF). Checked when an endpoint is saved and again at every
// send (DNS answers change): the send connects to the address that was checked (see webhook.sender.ts).
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { badInput } from '../errors.js';

export interface AddressPolicy {
  /** WEBHOOKS_ALLOW_PRIVATE=1: loopback, private and other non-public addresses are allowed (tests, an intranet). */
  allowPrivate: boolean;
  /** Plain http is allowed (outside production). */
  allowHttp: boolean;
}

const MAX_URL_LENGTH = 2048;

/** Whether an IP address is on the public internet: not loopback, private, link-local, CGNAT, multicast, reserved… */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** The URL an admin typed, parsed and checked for its form (not yet its addresses). Throws BAD_USER_INPUT. */
export function parseEndpointUrl(raw: string, policy: AddressPolicy): URL {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH) throw badInput(`url is at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('url is not a URL: give the full address, e.g. https://tools.example.org/desk-events');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    throw badInput(policy.allowHttp ? 'url must start with https:// or http://' : 'url must start with https://');
  if (url.username || url.password) throw badInput('url must not carry a user name or password');
  if (url.hash) throw badInput('url must not have a #fragment');
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

const refused = (host: string, address: string) =>
  badInput(
    `url: ${host} is ${host === address ? 'a' : `at ${address}, a`} non-public address (loopback, private, link-local…); set WEBHOOKS_ALLOW_PRIVATE=1 to allow it`,
  );

/**
 * The addresses the URL's host resolves to, every one checked. Throws BAD_USER_INPUT when the name does not
 * resolve or (without allowPrivate) any address is not public.
 */
export async function resolveEndpointAddresses(
  url: URL,
  policy: AddressPolicy,
): Promise<{ address: string; family: number }[]> {
  const host = hostOf(url);
  const literal = isIP(host);
  const found = literal
    ? [{ address: host, family: literal }]
    : await dnsLookup(host, { all: true, verbatim: true }).catch(() => {
        throw badInput(`url: the name ${host} does not resolve`);
      });
  if (found.length === 0) throw badInput(`url: the name ${host} does not resolve`);
  if (!policy.allowPrivate) {
    const bad = found.find((entry) => !isPublicAddress(entry.address));
    if (bad) throw refused(host, bad.address);
  }
  return found;
}

/** Checks a URL an admin gives, form and addresses; answers it normalized. */
export async function checkEndpointUrl(raw: string, policy: AddressPolicy): Promise<string> {
  const url = parseEndpointUrl(raw, policy);
  await resolveEndpointAddresses(url, policy);
  return url.toString();
}
