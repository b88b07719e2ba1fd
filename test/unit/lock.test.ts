/** withLock (loaders/lock.ts): one holder at a time, stale locks cleared, waiting said aloud. */
import {spawnSync} from "node:child_process";
import {mkdirSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {hostname} from "node:os";
import {join} from "node:path";
import {beforeEach, expect, test} from "vitest";
import {withLock} from "../../loaders/lock.js";

const DIR = join(process.cwd(), ".workbench", "test-lock");
const LOCK = join(DIR, "build.lock");

beforeEach(() => {
  rmSync(DIR, {recursive: true, force: true});
  mkdirSync(DIR, {recursive: true});
});

/** The PID of a process that has exited. */
const deadPid = () => spawnSync("true").pid!;

test("a lock left by a killed build (its owner no longer runs) is removed, and the work runs at once", async () => {
  mkdirSync(LOCK);
  writeFileSync(
    join(LOCK, "owner.json"),
    JSON.stringify({pid: deadPid(), host: hostname(), started: "2026-01-01T00:00:00Z"})
  );
  const said: string[] = [];
  let ran = 0;
  await withLock(
    LOCK,
    () => false,
    async () => void ran++,
    {say: (m) => said.push(m), timeoutMs: 2000}
  );
  expect(ran).toBe(1);
  expect(said.join("\n")).toMatch(/stale lock .* is no longer running/);
});

test("a lock without an owner file, older than 30 s, is stale; a fresh one is not", async () => {
  mkdirSync(LOCK);
  const said: string[] = [];
  await expect(
    withLock(
      LOCK,
      () => false,
      async () => undefined,
      {say: (m) => said.push(m), timeoutMs: 500}
    )
  ).rejects.toThrow(/waited/);
  const old = (Date.now() - 60_000) / 1000;
  utimesSync(LOCK, old, old);
  let ran = 0;
  await withLock(
    LOCK,
    () => false,
    async () => void ran++,
    {say: (m) => said.push(m), timeoutMs: 2000}
  );
  expect(ran).toBe(1);
  expect(said.join("\n")).toMatch(/has no owner/);
});

test("a live owner is waited for, with a line while waiting, and its result is used", async () => {
  mkdirSync(LOCK);
  writeFileSync(
    join(LOCK, "owner.json"),
    JSON.stringify({pid: process.pid, host: hostname(), started: "2026-01-01T00:00:00Z"})
  );
  let done = false;
  setTimeout(() => {
    done = true;
    rmSync(LOCK, {recursive: true, force: true});
  }, 1200);
  const said: string[] = [];
  let ran = 0;
  await withLock(
    LOCK,
    () => done,
    async () => void ran++,
    {say: (m) => said.push(m), everyMs: 300}
  );
  expect(ran).toBe(0); // the other process did the work
  expect(said.some((m) => m.includes(`waiting for process ${process.pid}`))).toBe(true);
});

test("the holder's work runs once and the lock is gone afterwards, also when the work fails", async () => {
  await expect(
    withLock(
      LOCK,
      () => false,
      async () => Promise.reject(new Error("boom"))
    )
  ).rejects.toThrow("boom");
  let ran = 0;
  await withLock(
    LOCK,
    () => false,
    async () => void ran++
  );
  expect(ran).toBe(1);
});
