/**
 * The lock that makes one loader process ingest while the others of the same build wait: a
 * directory (mkdir is atomic) holding its owner's PID, host and start time. A lock whose owner
 * is no longer running (a build killed mid-ingestion) is stale: the next process removes it and
 * goes on, instead of waiting in silence. Waiting processes say so every ten seconds.
 */
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {hostname} from "node:os";
import {join} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {UserError} from "./errors.js";

interface Owner {
  pid: number;
  host: string;
  started: string;
}

const OWNER_FILE = "owner.json";
/** A lock without an owner file this old was left by a process killed as it took the lock. */
const UNCLAIMED_MS = 30_000;

/** Whether a process of this host is running (signal 0 tests without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerOf(lock: string): Owner | null {
  try {
    return JSON.parse(readFileSync(join(lock, OWNER_FILE), "utf-8")) as Owner;
  } catch {
    return null;
  }
}

/** Why the lock is stale, or null while its owner may still be working. */
function staleness(lock: string): string | null {
  const owner = ownerOf(lock);
  if (owner)
    return owner.host === hostname() && !alive(owner.pid)
      ? `process ${owner.pid}, started ${owner.started}, is no longer running`
      : null;
  let age: number;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return null; // removed meanwhile
  }
  return age > UNCLAIMED_MS
    ? `it has no owner (left ${Math.round(age / 1000)} s ago by a process killed as it took the lock)`
    : null;
}

/**
 * Runs `work` under `lock` unless `done()` already holds, waiting for (or clearing a stale lock
 * of) another process; returns when `done()` holds or `work` ran. `say` prints progress.
 */
export async function withLock(
  lock: string,
  done: () => boolean,
  work: () => Promise<void>,
  {say = console.error, timeoutMs = 6 * 3_600_000, everyMs = 10_000} = {}
): Promise<void> {
  const started = Date.now();
  let lastSaid = started;
  while (!done()) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const stale = staleness(lock);
      if (stale) {
        say(`removing the stale lock ${lock}: ${stale}`);
        rmSync(lock, {recursive: true, force: true});
        continue;
      }
      const waited = Date.now() - started;
      if (waited > timeoutMs)
        throw new UserError(
          `waited ${Math.round(waited / 60_000)} minutes for the process holding ${lock}; remove it if no build is running`
        );
      if (Date.now() - lastSaid >= everyMs) {
        const owner = ownerOf(lock);
        say(
          `waiting for ${owner ? `process ${owner.pid} (since ${owner.started})` : "another process"} to finish (lock ${lock}, ${Math.round(waited / 1000)} s so far)`
        );
        lastSaid = Date.now();
      }
      await sleep(200);
      continue;
    }
    try {
      writeFileSync(
        join(lock, OWNER_FILE),
        JSON.stringify({pid: process.pid, host: hostname(), started: new Date().toISOString()} satisfies Owner)
      );
      if (!done()) await work();
    } finally {
      rmSync(lock, {recursive: true, force: true});
    }
    return;
  }
}
