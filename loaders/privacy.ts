/**
 * Keyed pseudonyms for customer ids: HMAC-SHA-256 of the raw id under a secret key, so the
 * same customer gets the same pseudonym in every build with the same key, and nobody without
 * the key can recompute it from a raw id (a plain hash of a phone number could be).
 */
import {createHmac} from "node:crypto";

/** Environment variable holding the pseudonymization key. */
export const KEY_VARIABLE = "WORKBENCH_PSEUDONYM_KEY";

const DEVELOPMENT_KEY = "development-key-do-not-use-in-production";

/** The key from the environment; the development default warns on every build. */
export function pseudonymKey(env: NodeJS.ProcessEnv = process.env): string {
  const key = env[KEY_VARIABLE];
  if (key && key.length >= 16) return key;
  if (key) throw new Error(`${KEY_VARIABLE} must be at least 16 characters long`);
  console.warn(
    `warning: ${KEY_VARIABLE} is not set; customer pseudonyms use the public development key. ` +
      `Set a secret key before publishing real customer data.`
  );
  return DEVELOPMENT_KEY;
}

/** Returns a function mapping a raw customer id to its pseudonym (16 hex digits, 64 bits). */
export function pseudonymizer(key: string): (rawId: string) => string {
  return (rawId) => createHmac("sha256", key).update(rawId.trim()).digest("hex").slice(0, 16);
}

