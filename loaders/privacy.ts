/**
 * Keyed pseudonyms for customer ids: HMAC-SHA-256 of the raw id under a secret key, so the
 * same customer gets the same pseudonym in every build with the same key, and nobody without
 * the key can recompute it from a raw id (a plain hash of a phone number could be).
 */
import {createHash, createHmac} from "node:crypto";
import {UserError} from "./errors.js";
import {type IdCase, normalizeId} from "./ids.js";

/** Environment variable holding the pseudonymization key. */
export const KEY_VARIABLE = "WORKBENCH_PSEUDONYM_KEY";

/** The public key used when none is set: for the built-in sample only. */
export const DEVELOPMENT_KEY = "development-key-do-not-use-in-production";

/**
 * The key from the environment. Set but shorter than 16 characters (empty included) is an
 * error; unset, the public development key is used, which only the built-in sample may use:
 * with it anyone can recompute a pseudonym from a raw id (phone-number ids fall to brute force
 * in seconds). Callers warn once per build (developmentKeyWarning).
 */
export function pseudonymKey(env: NodeJS.ProcessEnv = process.env, source = "sample"): string {
  const key = env[KEY_VARIABLE];
  if (key !== undefined && key.length < 16)
    throw new UserError(`${KEY_VARIABLE} must be at least 16 characters long (it has ${key.length})`);
  if (key !== undefined) return key;
  if (source !== "sample") {
    throw new UserError(
      `${KEY_VARIABLE} is not set: the ${source} source holds real customer ids, which the public development key would not protect. ` +
        `Set a secret key of 16 or more characters (and keep it: a new key gives every customer a new pseudonym).`
    );
  }
  return DEVELOPMENT_KEY;
}

/** The warning a build with the development key prints once. */
export const developmentKeyWarning = () =>
  `warning: ${KEY_VARIABLE} is not set; customer pseudonyms use the public development key (built-in sample only). ` +
  `Set a secret key before publishing real customer data.`;

/**
 * Returns a function mapping a raw customer id to its pseudonym (16 hex digits, 64 bits). The
 * id is normalized first (ids.ts): `17850.0` and ` 17850` are the same customer as `17850`.
 */
export function pseudonymizer(key: string, idCase: IdCase = "as-is"): (rawId: string) => string {
  return (rawId) =>
    createHmac("sha256", key)
      .update(normalizeId(rawId, idCase) ?? "")
      .digest("hex")
      .slice(0, 16);
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

/**
 * A short public fingerprint of the key (not the key, and not enough to recompute a pseudonym):
 * an exported audience carries it, so resolving it with another key fails clearly.
 */
export function keyFingerprint(key: string): string {
  return createHash("sha256").update(`workbench key fingerprint:${key}`).digest("hex").slice(0, 16);
}
