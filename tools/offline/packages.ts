/**
 * An index of the packages installed under node_modules (the locked versions from
 * package-lock.json). The offline CDN answers Framework's version and file requests from it.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

/** One installed copy of a package. */
export interface InstalledPackage {
  name: string;
  version: string;
  /** Absolute path of the package's folder. */
  dir: string;
  /** The folder that holds the node_modules this copy lives in (where a bare import of it resolves). */
  resolveDir: string;
  /** True for node_modules/NAME itself, the copy the project asked for directly. */
  topLevel: boolean;
}

/** Thrown when the site needs a package that the locked node_modules does not hold. */
export class MissingPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingPackageError";
  }
}

/** Splits "name@range/sub/path" (as jsDelivr and Framework spell it) into its parts. */
export function parseSpecifier(specifier: string): {name: string; range?: string; path?: string} {
  const parts = specifier.split("/");
  const nameRange = specifier.startsWith("@") ? `${parts.shift()}/${parts.shift()}` : parts.shift()!;
  const at = nameRange.indexOf("@", 1);
  return {
    name: at > 0 ? nameRange.slice(0, at) : nameRange,
    range: at > 0 ? nameRange.slice(at + 1) : undefined,
    path: parts.length > 0 ? parts.join("/") : undefined
  };
}

/** Every package installed below root/node_modules, nested copies included. */
export class PackageIndex {
  private readonly byName = new Map<string, InstalledPackage[]>();

  constructor(readonly root: string) {
    this.scan(root, true);
  }

  private scan(holder: string, topLevel: boolean): void {
    const modules = join(holder, "node_modules");
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith(".")) continue;
      const dirs = entry.startsWith("@")
        ? readdirSync(join(modules, entry)).map((sub) => join(modules, entry, sub))
        : [join(modules, entry)];
      for (const dir of dirs) {
        const manifest = join(dir, "package.json");
        if (!existsSync(manifest)) continue;
        const {name, version} = JSON.parse(readFileSync(manifest, "utf-8"));
        if (typeof name !== "string" || typeof version !== "string") continue;
        const list = this.byName.get(name) ?? [];
        list.push({name, version, dir, resolveDir: holder, topLevel});
        this.byName.set(name, list);
        this.scan(dir, false);
      }
    }
  }

  /** All installed copies of a package, the top-level copy first. */
  versions(name: string): InstalledPackage[] {
    const list = this.byName.get(name) ?? [];
    return [...list].sort((a, b) => Number(b.topLevel) - Number(a.topLevel));
  }

  /** The copy Framework should use when it asks for the "latest" version: the top-level one. */
  preferred(name: string): InstalledPackage {
    const [first] = this.versions(name);
    if (!first) throw missing(name);
    return first;
  }

  /** The installed copy with exactly this version. */
  exact(name: string, version: string): InstalledPackage {
    const list = this.versions(name);
    const found = list.find((p) => p.version === version);
    if (found) return found;
    if (list.length === 0) throw missing(name);
    throw new MissingPackageError(
      `npm:${name}@${version} is needed by the site, but node_modules holds ${name}@` +
        `${list.map((p) => p.version).join(", ")}. Run \`npm install\` and \`npm run clean\`, ` +
        `or pin ${name}@${version} in package.json.`
    );
  }
}

function missing(name: string): MissingPackageError {
  return new MissingPackageError(
    `npm:${name} is imported by the site but is not installed. ` +
      `Add it with \`npm install --save-exact ${name}\` (the build never downloads packages).`
  );
}
