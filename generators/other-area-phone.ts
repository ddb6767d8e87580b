/** D30: a valid phone whose area code is neither the sandbox's success (888) nor failure (999) one. */
import { digits, faker } from "./random.js";

export function phoneInOtherArea(): string {
  return `${faker.helpers.arrayElement(["212", "312", "415", "617", "703"])}${digits(7)}`;
}
