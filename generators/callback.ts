/** callback_url values (D18: an absolute http or https URL). */
import { faker } from "./random.js";

export const callbackUrl = {
  /** Valid, and never delivered to (the .test TLD does not resolve; the mock only calls loopback). */
  valid: (): string => `https://hooks.example.test/idme/${faker.string.alphanumeric(8)}`,
  /** Plain http, as the webhooks page's own example. */
  plainHttp: (): string => `http://hooks.example.test/idme/${faker.string.alphanumeric(8)}`,
  ftp: (): string => "ftp://hooks.example.test/idme",
  relative: (): string => "/hooks/idme",
  notAUrl: (): string => "not a url",
  /** A valid URL inside spaces: not a URL until someone trims it. */
  padded: (): string => " http://hooks.example.test/idme ",
  schemeOnly: (): string => "http://",
  spaceInHost: (): string => "http://hooks.exa mple.test/idme",
};
