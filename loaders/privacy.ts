/**
 * Keyed pseudonyms for customer ids: HMAC-SHA-256 of the raw id under a secret key, so the
 * same customer gets the same pseudonym in every build with the same key, and nobody without
 * the key can recompute it from a raw id (a plain hash of a phone number could be).
 */
import {createHash, createHmac} from "node:crypto";

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


/**
 * The same pseudonym as pseudonymizer(key), as a DuckDB SQL expression over a VARCHAR
 * expression: HMAC-SHA-256 spelled out with sha256() (inner and outer padded keys), so that
 * millions of ids are pseudonymized inside DuckDB, in parallel, without a trip through Node.
 */
export function pseudonymSql(key: string, expr: string): string {
  const block = Buffer.alloc(64);
  const bytes = Buffer.from(key);
  (bytes.length > 64 ? createHash("sha256").update(bytes).digest() : bytes).copy(block);
  const pad = (x: number) => Buffer.from(block.map((b) => b ^ x)).toString("hex");
  return `left(sha256(unhex('${pad(0x5c)}') || unhex(sha256(unhex('${pad(0x36)}') || encode(${expr})))), 16)`;
}
