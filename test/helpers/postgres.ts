/**
 * A real PostgreSQL server for tests (Debian's postgresql package): a throwaway cluster in a
 * temporary folder, listening on 127.0.0.1 only, on a free port, stopped after the tests.
 * PostgreSQL refuses to run as root, so as root it runs as the postgres user.
 */
import {spawnSync} from "node:child_process";
import {chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";

export interface TestPostgres {
  port: number;
  /** A folder the server can read files from (for COPY ... FROM). */
  dir: string;
  /** Connection string for a user (and database). */
  url(user: string, password: string, database: string): string;
  adminUrl(database?: string): string;
  stop(): void;
}

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, "bin", "initdb"))) : [];
  if (versions.length === 0)
    throw new Error(
      "PostgreSQL is not installed: `sudo apt-get install -y postgresql` (npm test installs it when run as root)"
    );
  return join(base, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "workbench-pg-"));
  chmodSync(dir, 0o755);
  const root = process.getuid?.() === 0;
  if (root) {
    const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], {encoding: "utf-8"}).stdout.trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const run = (cmd: string, args: string[]) => {
    const r = root
      ? spawnSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], {encoding: "utf-8"})
      : spawnSync(join(bin, cmd), args, {encoding: "utf-8"});
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const password = "admin-password-for-tests";
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, password);
  if (root) chownSync(pwfile, Number(spawnSync("id", ["-u", "postgres"], {encoding: "utf-8"}).stdout.trim()), 0);
  run("initdb", [
    "-D",
    join(dir, "data"),
    "-U",
    "admin",
    `--pwfile=${pwfile}`,
    "--auth-local=trust",
    "--auth-host=scram-sha-256",
    "-E",
    "UTF8",
    "--locale=C.UTF-8"
  ]);
  const port = await freePort();
  run("pg_ctl", [
    "-D",
    join(dir, "data"),
    "-l",
    join(dir, "log"),
    "-w",
    "-t",
    "60",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    "start"
  ]);
  const url = (user: string, pw: string, database: string) =>
    `postgresql://${user}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`;
  return {
    port,
    dir,
    url,
    adminUrl: (database = "postgres") => url("admin", password, database),
    stop() {
      try {
        run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    }
  };
}
