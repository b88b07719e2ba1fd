/**
 * The file source on exports the tests write themselves: every bad-input case, the
 * reconciliation of counts, encodings, and the build-stopping errors.
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {ingest, openBuildFolder} from "../../loaders/build.js";
import {fingerprint} from "../../loaders/build-folder.js";
import type {WorkbenchConfig} from "../../loaders/config.js";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {pseudonymizer} from "../../loaders/privacy.js";
import {blanksIn, lineGaps, sniffDelimiter} from "../../loaders/sources/files/decode.js";
import type {OrdersFile} from "../../loaders/sources/files/mapping.js";
import {REASON, type ReadAs, readAsText} from "../../src/lib/quality.js";
import {setLocale} from "../../src/lib/locale.js";
import {
  EXPECTED_ORDERS,
  INVOICE_ROWS,
  type FixtureFiles,
  fixtureConfig,
  gbk,
  writeFixtures
} from "../fixtures/retail.js";

const KEY = "test-key-0123456789abcdef";
const WORK = join(process.cwd(), ".workbench", "test-files");
const pseudonym = pseudonymizer(KEY);
let files: FixtureFiles;

/** Ingests with the canonical tables written out too, so that the tests can look at them. */
async function build(config: WorkbenchConfig, name: string): Promise<DuckDBConnection> {
  const dir = join(WORK, "builds", name);
  rmSync(dir, {recursive: true, force: true});
  await ingest({...config, keepCanonical: true}, KEY, dir);
  return openBuildFolder(dir);
}

/** The fixture config reading these invoice lines and a master list of id and city. */
function withFiles(orders: string, customers: string): WorkbenchConfig {
  const config = fixtureConfig(files);
  if (config.source.type === "files") {
    config.source.orders = {...config.source.orders, path: orders};
    config.source.customers = {path: customers, columns: {customer_id: "id", city: "city"}};
  }
  return config;
}

/** The quality counts of one source's files, file by file (several files read as one export). */
const qualityByFile = (db: DuckDBConnection, source: string) =>
  queryRows(
    db,
    `SELECT file, outcome, reason, rows::INTEGER AS rows FROM quality WHERE source = '${source}' ORDER BY file, outcome, reason`
  );

/** The line (or row) and column of each row in rejects file `name`, as "line,column". */
const rejectedAt = (name: string) =>
  readFileSync(join(".workbench", "files", "rejects", name), "utf-8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").slice(0, 2).join(","));

/** Writes `content` to file `name` among the inputs and returns its path. */
function input(name: string, ...content: (string | Buffer)[]): string {
  const path = join(files.dir, name);
  writeFileSync(path, Buffer.concat(content.map((c) => (typeof c === "string" ? Buffer.from(c) : c))));
  return path;
}

/** Writes an invoice-line export (the fixture's header, then `lines`) and returns its path. */
function invoiceCsv(name: string, lines: string[]): string {
  const path = join(files.dir, name);
  writeFileSync(
    path,
    `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n${lines.join("\n")}\n`
  );
  return path;
}

beforeAll(() => {
  rmSync(WORK, {recursive: true, force: true});
  files = writeFixtures(join(WORK, "input"));
});

describe("invoice-line export", () => {
  let db: DuckDBConnection;
  let rejected: string;
  beforeAll(async () => {
    db = await build(fixtureConfig(files), "invoices");
    // Read at once: other test files ingest an invoices.csv of their own and replace this file.
    rejected = readFileSync(join(".workbench", "files", "rejects", "orders-invoices.csv.rejected.csv"), "utf-8");
  });

  test("every row is accepted, classified or rejected with the expected reason, and the counts add up", async () => {
    const expected = new Map<string, number>();
    for (const [, outcome, reason] of INVOICE_ROWS)
      expected.set(`${outcome}|${reason}`, (expected.get(`${outcome}|${reason}`) ?? 0) + 1);
    const rows = await queryRows<{outcome: string; reason: string | null; rows: number}>(
      db,
      "SELECT outcome, reason, sum(rows)::INTEGER AS rows FROM quality WHERE source = 'orders' GROUP BY ALL"
    );
    expect(new Map(rows.map((r) => [`${r.outcome}|${r.reason}`, r.rows]))).toEqual(expected);
    expect(rows.reduce((s, r) => s + r.rows, 0)).toBe(INVOICE_ROWS.length);
  });

  test("lines become orders with kinds, pseudonymous customers and exact cents", async () => {
    const orders = await queryRows<{
      order_id: string;
      kind: string;
      customer_key: string | null;
      net_cents: number;
      items: number;
    }>(db, "SELECT order_id, kind, customer_key, net_cents, items FROM orders ORDER BY order_id");
    const expected = EXPECTED_ORDERS.map(([order_id, kind, raw, net_cents, items]) => ({
      order_id,
      kind,
      customer_key: raw ? pseudonym(raw) : null,
      net_cents,
      items
    }));
    expect(orders).toEqual(expected.sort((a, b) => a.order_id.localeCompare(b.order_id)));
  });

  test("store-local times become UTC timestamps with the local business date", async () => {
    const [row] = await queryRows<{utc: string; d: string}>(
      db,
      "SELECT strftime(ordered_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS utc, business_date::VARCHAR AS d FROM orders WHERE order_id = '536365'"
    );
    expect(row).toEqual({utc: "2024-12-01 00:26", d: "2024-12-01"}); // 08:26 in Shanghai is 00:26 UTC
  });

  test("the master list keeps birth years and flags, never names, phones or emails", async () => {
    const cols = (await queryRows<{column_name: string}>(db, "DESCRIBE customers")).map((r) => r.column_name);
    expect(cols).not.toEqual(expect.arrayContaining(["name"]));
    const [c] = await queryRows(
      db,
      `SELECT birth_year, gender, city, marketing_consent FROM customers WHERE customer_key = '${pseudonym("17850")}'`
    );
    expect(c).toEqual({birth_year: 1988, gender: "M", city: "Shanghai", marketing_consent: true});
    const quality = await queryRows<{reason: string | null; rows: number}>(
      db,
      "SELECT reason, rows FROM quality WHERE source = 'customers' ORDER BY reason NULLS FIRST"
    );
    expect(quality).toEqual([
      {reason: null, rows: 5},
      {reason: "duplicate", rows: 1},
      {reason: "missing customer id", rows: 1}
    ]);
  });

  test("rejected rows are written to the private folder with line, column and reason", () => {
    const lines = rejected
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",").slice(0, 2).join(","));
    // Header is line 1, so fixture row i is line i + 2.
    const expected = INVOICE_ROWS.flatMap(([, outcome], i) => (outcome === "rejected" ? [i + 2] : []));
    expect(lines.map((l) => Number(l.split(",")[0]))).toEqual(expected);
    expect(lines).toContain(`${expected[0]},ordered_at`);
  });
});

test("by default the build holds the published files and tables and the counts, the same as with keepCanonical, and no canonical table", async () => {
  const dir = join(WORK, "builds", "lean");
  rmSync(dir, {recursive: true, force: true});
  await ingest(fixtureConfig(files), KEY, dir);
  expect(readdirSync(dir).sort()).toEqual([
    "build.duckdb",
    "campaign-contacts.parquet",
    "campaigns.parquet",
    "customer-day.parquet",
    "customer-month.parquet",
    "customers.parquet",
    "info.json",
    "models.json",
    "predictions.parquet"
  ]);
  const lean = await openBuildFolder(dir);
  const tables = (
    await queryRows<{name: string}>(
      lean,
      "SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1"
    )
  ).map((t) => t.name);
  expect(tables).toEqual(["input_files", "out_kpis", "out_orders", "quality"]);
  const full = await build(fixtureConfig(files), "kept");
  for (const [table, order] of [
    ["out_customers", "customer_key"],
    ["out_customer_month", "month, customer_key"],
    ["out_customer_day", "day, customer_key"],
    ["out_kpis", "customers"],
    ["quality", "source, outcome, reason"],
    ["input_files", "source"]
  ]) {
    const sql = `SELECT * FROM ${table} ORDER BY ${order}`;
    expect(await queryRows(lean, sql)).toEqual(await queryRows(full, sql));
  }
});

test("UTF-8 with a byte-order mark and CRLF line ends reads the same as plain UTF-8", async () => {
  const config = fixtureConfig(files);
  if (config.source.type === "files") config.source.orders.path = files.invoicesBom;
  const db = await build(config, "bom");
  const [{n, cents}] = await queryRows<{n: number; cents: number}>(
    db,
    "SELECT count(*)::INTEGER AS n, sum(net_cents)::BIGINT AS cents FROM orders"
  );
  expect({n, cents}).toEqual({n: EXPECTED_ORDERS.length, cents: EXPECTED_ORDERS.reduce((s, o) => s + o[3], 0)});
});

test("a gzip-compressed export reads the same as the plain file; a workbook or a zip is refused with what to do", async () => {
  const config = fixtureConfig(files);
  if (config.source.type !== "files") throw new Error("fixture config");
  const compressed = join(files.dir, "invoices.csv.gz");
  writeFileSync(compressed, gzipSync(readFileSync(files.invoices)));
  const orders = "SELECT order_id, customer_key, net_cents, kind FROM orders ORDER BY order_id";
  const plain = await build(config, "plain-again");
  config.source.orders.path = compressed;
  const gz = await build(config, "gzipped");
  expect(await queryRows(gz, orders)).toEqual(await queryRows(plain, orders));
  expect(await queryRows(gz, "SELECT file FROM input_files WHERE source = 'orders'")).toEqual([
    {file: "invoices.csv.gz"}
  ]);
  const workbook = join(files.dir, "invoices.xlsx");
  writeFileSync(workbook, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]));
  config.source.orders.path = workbook;
  await expect(build(config, "workbook")).rejects.toThrow(
    /invoices\.xlsx: a spreadsheet workbook, not a CSV: save the sheet as CSV UTF-8/
  );
  const zip = join(files.dir, "invoices.zip");
  writeFileSync(zip, readFileSync(workbook));
  config.source.orders.path = zip;
  await expect(build(config, "zip")).rejects.toThrow(/invoices\.zip: a zip archive, not a CSV/);
});

/** Two customers of the fixture, a woman and a man in 上海, as a master list in Chinese must give them. */
async function expectTwoInShanghai(db: DuckDBConnection): Promise<void> {
  const rows = await queryRows(
    db,
    `SELECT gender, city FROM customers WHERE customer_key IN ('${pseudonym("17850")}', '${pseudonym("14527")}') ORDER BY gender`
  );
  expect(rows).toEqual([
    {gender: "F", city: "上海"},
    {gender: "M", city: "上海"}
  ]);
}

/** Builds with `path` as the master list of member number, gender and city under Chinese column names. */
function buildChineseMasterList(path: string, name: string): Promise<DuckDBConnection> {
  const config = fixtureConfig(files);
  if (config.source.type === "files")
    config.source.customers = {path, columns: {customer_id: "会员号", gender: "性别", city: "城市"}};
  return build(config, name);
}

test("a GBK master list from Chinese Excel is decoded", async () => {
  await expectTwoInShanghai(await build(fixtureConfig(files, {customers: files.customersGbk}), "gbk"));
});

test("a GBK master list with Chinese column names is recognised from its header", async () => {
  const path = join(files.dir, "customers-gbk-header.csv");
  writeFileSync(
    path,
    gbk("会员号,姓名,性别,城市\r\n17850,张伟,男,上海\r\n14527,李娜,女,上海\r\n".replace("姓名", "name"))
  );
  expect(new TextDecoder("gbk").decode(readFileSync(path)).split("\r\n")[0]).toBe("会员号,name,性别,城市");
  await expectTwoInShanghai(await buildChineseMasterList(path, "gbk-header"));
});

test("a master list saved as Unicode Text (UTF-16, tab-separated) with Chinese column names is read", async () => {
  const path = join(files.dir, "customers-unicode.txt");
  const text = "会员号\t姓名\t性别\t城市\r\n17850\t张伟\t男\t上海\r\n14527\t李娜\t女\t上海\r\n";
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
  await expectTwoInShanghai(await buildChineseMasterList(path, "unicode-text"));
});

describe("encodings settled before DuckDB reads", () => {
  const HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
  const invoicesConfig = (path: string): WorkbenchConfig => {
    const config = fixtureConfig(files, {maxRejectRate: 0.5});
    if (config.source.type === "files") {
      config.source.orders = {...config.source.orders, path};
      delete config.source.customers;
    }
    return config;
  };
  const qualityOf = (db: DuckDBConnection) =>
    queryRows<{outcome: string; reason: string | null; column: string | null; rows: number}>(
      db,
      "SELECT outcome, reason, column_name AS column, rows FROM quality WHERE source = 'orders' ORDER BY outcome, reason"
    );

  test("a UTF-8 file with one GBK row keeps its UTF-8 text and rejects that row", async () => {
    const path = join(files.dir, "mixed-utf8.csv");
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${HEADER}1,A,x,1,2024-03-01 10:00,1.00,501,上海\n2,A,x,1,2024-03-02 10:00,1.00,502,上海\n`),
        Buffer.from("3,A,x,1,2024-03-03 10:00,1.00,503,"),
        gbk("上海"),
        Buffer.from("\n4,A,x,1,2024-03-04 10:00,1.00,504,上海\n")
      ])
    );
    const db = await build(invoicesConfig(path), "mixed-utf8");
    expect(await qualityOf(db)).toEqual([
      {outcome: "accepted", reason: null, column: null, rows: 3},
      {outcome: "rejected", reason: REASON.undecodable, column: "region", rows: 1}
    ]);
    const regions = await queryRows(db, "SELECT DISTINCT region FROM customers");
    expect(regions).toEqual([{region: "上海"}]); // not mojibake
  });

  test("Latin-1 bytes in a later, unmapped column neither crash DuckDB nor reject the row", async () => {
    const path = join(files.dir, "latin1-description.csv");
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${HEADER}1,A,plain,1,2024-03-01 10:00,1.00,501,France\n2,A,caf`),
        Buffer.from([0xe9]),
        Buffer.from(" cr"),
        Buffer.from([0xe8]),
        Buffer.from("me,1,2024-03-02 10:00,2.00,502,France\n")
      ])
    );
    const db = await build(invoicesConfig(path), "latin1");
    expect(await qualityOf(db)).toEqual([{outcome: "accepted", reason: null, column: null, rows: 2}]);
  });

  test("a GBK file with one UTF-8 line decodes the GBK lines and rejects the UTF-8 one (no mojibake)", async () => {
    const path = join(files.dir, "mostly-gbk.csv");
    const line = (n: number) => gbk(`${n},A,x,1,2024-03-0${n} 10:00,1.00,50${n},上海\n`);
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(HEADER),
        line(1),
        line(2),
        line(3),
        Buffer.from("4,A,x,1,2024-03-04 10:00,1.00,504,上海\n")
      ])
    );
    const db = await build(invoicesConfig(path), "mostly-gbk");
    expect(await qualityOf(db)).toEqual([
      {outcome: "accepted", reason: null, column: null, rows: 3},
      {outcome: "rejected", reason: REASON.undecodable, column: "region", rows: 1}
    ]);
    expect(await queryRows(db, "SELECT DISTINCT region FROM customers")).toEqual([{region: "上海"}]);
  });

  test("a Windows-1252 file is never read as GB18030: its accented rows are undecodable until the mapping names the encoding", async () => {
    const path = join(files.dir, "windows-1252.csv");
    // München, Köln, Genève as Excel on a European Windows writes them: one byte per letter.
    const latin = (text: string) => Buffer.from(text, "latin1");
    writeFileSync(
      path,
      latin(
        `${HEADER}1,A,x,1,2024-03-01 10:00,1.00,501,München\n2,A,x,1,2024-03-02 10:00,1.00,502,Köln\n` +
          "3,A,x,1,2024-03-03 10:00,1.00,503,Berlin\n4,A,x,1,2024-03-04 10:00,1.00,504,Genève\n"
      )
    );
    const config = invoicesConfig(path);
    if (config.source.type === "files") config.source.maxRejectRate = 0.9;
    const guessed = await build(config, "windows-1252-detected");
    expect(await qualityOf(guessed)).toEqual([
      {outcome: "accepted", reason: null, column: null, rows: 1},
      {outcome: "rejected", reason: REASON.undecodable, column: "region", rows: 3}
    ]);
    expect(await queryRows(guessed, "SELECT DISTINCT region FROM customers")).toEqual([{region: "Berlin"}]);
    expect(await queryRows(guessed, "SELECT encoding, detected, undecodable_lines FROM input_files")).toEqual([
      {encoding: "utf-8", detected: "not GB18030", undecodable_lines: 3}
    ]);
    if (config.source.type === "files") config.source.orders.encoding = "windows-1252";
    const named = await build(config, "windows-1252-named");
    expect(await qualityOf(named)).toEqual([{outcome: "accepted", reason: null, column: null, rows: 4}]);
    expect(await queryRows(named, "SELECT encoding, detected FROM input_files")).toEqual([
      {encoding: "windows-1252", detected: "configured"}
    ]);
    expect(await queryRows(named, "SELECT region FROM customers ORDER BY region")).toEqual([
      {region: "Berlin"},
      {region: "Genève"},
      {region: "Köln"},
      {region: "München"}
    ]);
    if (config.source.type === "files") config.source.orders.encoding = "klingon";
    await expect(build(config, "windows-1252-unknown")).rejects.toThrow(/unknown encoding "klingon"/);
  });

  describe("UTF-16, as Excel's Unicode Text writes it", () => {
    // Tab-separated, CRLF; 上 is the bytes 0A 4E in UTF-16LE: a byte 0x0A that is not a line end.
    const TEXT =
      "InvoiceNo\tStockCode\tDescription\tQuantity\tInvoiceDate\tUnitPrice\tCustomerID\tCountry\r\n" +
      "1\tA\t上衣\t2\t2024-03-01 10:00\t1.50\t501\t上海\r\n" +
      '2\tA\t"上装\t(套)"\t1\t2024-03-02 10:00\t2.00\t502\t上海\r\n' +
      "3\tA\tx\t1\t2024-03-03 10:00\t3.00\t503\tMünchen\r\n";
    const LE = Buffer.from(TEXT, "utf16le");
    const BE = Buffer.from(LE).swap16();
    const regions = (db: DuckDBConnection) =>
      queryRows(db, "SELECT region, count(*)::INTEGER AS n FROM customers GROUP BY region ORDER BY region");
    const READ = [
      {region: "München", n: 1},
      {region: "上海", n: 2}
    ];

    test("little- and big-endian files with a byte-order mark read as their UTF-8 twin", async () => {
      const twin = await build(
        invoicesConfig(input("utf16-twin.csv", Buffer.from(TEXT.replaceAll("\t", ",")))),
        "utf16-twin"
      );
      const expected = await queryRows(twin, "SELECT order_id, net_cents, business_date FROM orders ORDER BY order_id");
      expect(expected).toHaveLength(3);
      for (const [name, bytes, encoding] of [
        ["utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), LE]), "utf-16le"],
        ["utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), BE]), "utf-16be"]
      ] as const) {
        const db = await build(invoicesConfig(input(name, bytes)), name);
        expect(await qualityOf(db)).toEqual([{outcome: "accepted", reason: null, column: null, rows: 3}]);
        expect(await queryRows(db, "SELECT order_id, net_cents, business_date FROM orders ORDER BY order_id")).toEqual(
          expected
        );
        expect(await regions(db)).toEqual(READ);
        expect(await queryRows(db, "SELECT encoding, detected, delimiter, undecodable_lines FROM input_files")).toEqual(
          [{encoding, detected: "byte-order mark", delimiter: "\t", undecodable_lines: 0}]
        );
      }
    });

    test("without a byte-order mark it is refused until the mapping names it", async () => {
      const path = input("utf16-unmarked.txt", LE);
      const config = invoicesConfig(path);
      await expect(build(config, "utf16-unmarked")).rejects.toThrow(
        /utf16-unmarked\.txt:1: the first line is full of NUL bytes.*encoding: "utf-16le"/
      );
      if (config.source.type === "files") config.source.orders.encoding = "utf-16";
      const db = await build(config, "utf16-named");
      expect(await regions(db)).toEqual(READ);
      expect(await queryRows(db, "SELECT encoding, detected FROM input_files")).toEqual([
        {encoding: "utf-16le", detected: "configured"}
      ]);
    });

    test("an unpaired surrogate makes its row undecodable; half a character at the end is a truncated file", async () => {
      // Line 3 (order 2) gets a lone high surrogate in its Country: D800 then an ASCII character.
      const lines = TEXT.split("\r\n");
      lines[2] = lines[2].replace("上海", "上\u{E000}海");
      const broken = Buffer.from(lines.join("\r\n"), "utf16le");
      const at = broken.indexOf(Buffer.from("\u{E000}", "utf16le"));
      broken[at] = 0x00;
      broken[at + 1] = 0xd8;
      const db = await build(
        invoicesConfig(input("utf16-surrogate.txt", Buffer.from([0xff, 0xfe]), broken)),
        "utf16-surrogate"
      );
      expect(await qualityOf(db)).toEqual([
        {outcome: "accepted", reason: null, column: null, rows: 2},
        {outcome: "rejected", reason: REASON.undecodable, column: "region", rows: 1}
      ]);
      expect(await queryRows(db, "SELECT undecodable_lines FROM input_files")).toEqual([{undecodable_lines: 1}]);
      const cut = input("utf16-cut.txt", Buffer.from([0xff, 0xfe]), LE.subarray(0, LE.length - 1));
      await expect(build(invoicesConfig(cut), "utf16-cut")).rejects.toThrow(
        /utf16-cut\.txt: the file is truncated: it is UTF-16LE, two bytes a character/
      );
    });
  });
});

test("a buyer missing from the master list becomes a customer in the region they buy in most", async () => {
  const orders = join(files.dir, "order-only.csv");
  writeFileSync(
    orders,
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
      "1,A,x,1,2024-03-01 10:00,1.00,501,France\n2,A,x,1,2024-03-02 10:00,1.00,501,Spain\n3,A,x,1,2024-03-03 10:00,1.00,501,France\n" +
      "4,A,x,1,2024-03-04 10:00,1.00,17850,France\n"
  );
  const list = join(files.dir, "order-only-list.csv");
  writeFileSync(list, "id,city\n17850,Shanghai\n");
  const db = await build(withFiles(orders, list), "order-only");
  const rows = await queryRows(db, "SELECT customer_key, region, city, gender FROM customers ORDER BY city NULLS LAST");
  expect(rows).toEqual([
    {customer_key: pseudonym("17850"), region: null, city: "Shanghai", gender: "U"},
    {customer_key: pseudonym("501"), region: "France", city: null, gender: "U"}
  ]);
});

test("a repeated master-list id keeps its first row; rows that read alike but are written differently are not duplicates", async () => {
  const customers = join(files.dir, "customers-repeated.csv");
  writeFileSync(customers, "id,city\n17850,Shanghai\n14527,Beijing\n17850,Beijing\n17850,Shanghai\n");
  const orders = join(files.dir, "invoices-alike.csv");
  writeFileSync(
    orders,
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
      "1,A,x,2,2024-04-03 10:00,1.50,17850,China\n1,A,x, 2,2024-04-03 10:00,1.5,17850,China\n1,A,x,2,2024-04-03 10:00,1.50,17850,China\n"
  );
  const db = await build(withFiles(orders, customers), "repeats");
  expect(await queryRows(db, `SELECT city FROM customers WHERE customer_key = '${pseudonym("17850")}'`)).toEqual([
    {city: "Shanghai"}
  ]);
  const quality = await queryRows(
    db,
    "SELECT source, reason, rows::INTEGER AS rows FROM quality ORDER BY source, reason NULLS FIRST"
  );
  expect(quality).toEqual([
    {source: "customers", reason: null, rows: 2},
    {source: "customers", reason: "duplicate", rows: 2},
    {source: "orders", reason: null, rows: 2},
    {source: "orders", reason: "duplicate", rows: 1}
  ]);
  // The two lines kept are one order of 2 + 2 items at ¥1.50.
  expect(await queryRows(db, "SELECT net_cents::INTEGER AS net, items FROM orders")).toEqual([{net: 600, items: 4}]);
});

test('an export written for Excel: a tab after long numbers, ids as ="…", a padded column name, a sep= line; the master list\'s customers all the same', async () => {
  // A Chinese platform's order export: phone-number member ids kept from Excel's rounding by a
  // tab after them or by its text formula, a column name with a blank after it, and Excel's
  // first line naming the delimiter.
  const orders = input(
    "platform-orders.csv",
    "sep=;\r\n订单号;会员;实付金额 ;下单时间;门店\r\n" +
      '"2403011234567\t";"13800138000\t";10,00;2024-03-01 10:00:00\t;"上海店\t"\r\n' +
      '2403011234568;="13800138000";20,00;2024-03-02 10:00:00;上海店\r\n' +
      '2403011234569;"=""13900139000""";30,00;2024-03-03 10:00:00;上海店\r\n' +
      "2403011234570;13900139000;abc;2024-03-04 10:00:00;上海店\r\n"
  );
  const customers = input("platform-members.csv", "id,city\n13800138000,上海\n13900139000,北京\n");
  const config: WorkbenchConfig = {
    source: {
      type: "files",
      orders: {
        path: orders,
        level: "orders",
        decimal: ",",
        columns: {order_id: "订单号", customer_id: "会员", net: "实付金额", ordered_at: "下单时间", store_id: "门店"}
      },
      customers: {path: customers, columns: {customer_id: "id", city: "city"}},
      maxRejectRate: 0.5
    }
  };
  const db = await build(config, "platform");
  expect(await queryRows(db, "SELECT delimiter, header_line FROM input_files WHERE source = 'orders'")).toEqual([
    {delimiter: ";", header_line: 2}
  ]);
  expect(
    await queryRows(
      db,
      "SELECT c.city, count(*)::INTEGER AS orders, sum(net_cents)::INTEGER AS cents, min(store_id) AS store FROM orders o JOIN customers c USING (customer_key) GROUP BY c.city ORDER BY c.city"
    )
  ).toEqual([
    {city: "上海", orders: 2, cents: 3000, store: "上海店"},
    {city: "北京", orders: 1, cents: 3000, store: "上海店"}
  ]);
  expect(await queryRows(db, "SELECT count(*)::INTEGER AS n FROM customers")).toEqual([{n: 2}]);
  // The rejected row keeps its real line: the sep= line and the header come first.
  const rejects = readFileSync(
    join(".workbench", "files", "rejects", "orders-platform-orders.csv.rejected.csv"),
    "utf-8"
  );
  expect(rejects.trim().split("\n")[1]).toMatch(/^6,net,amount is not a number,/);
  // A declared delimiter the mapping contradicts stops the build.
  if (config.source.type === "files") config.source.orders.delimiter = ",";
  await expect(build(config, "platform-contradicted")).rejects.toThrow(
    /platform-orders\.csv:1: the first line declares the delimiter ";", but the mapping says ","/
  );
});

test("a mapped name the header repeats stops the build: which column is meant cannot be told; the name each was given reads it", async () => {
  // Two columns named Amount: the list price and the amount paid (a two-row header flattened).
  const orders = input("two-amounts.csv", "order,member,Amount,at,Amount\nA1,501,12.00,2024-03-01 10:00,10.00\n");
  const config = (net: string): WorkbenchConfig => ({
    source: {
      type: "files",
      orders: {
        path: orders,
        level: "orders",
        columns: {order_id: "order", customer_id: "member", ordered_at: "at", net}
      }
    }
  });
  await expect(build(config("Amount"), "two-amounts")).rejects.toThrow(
    /two-amounts\.csv:1 \(column Amount\): the header has 2 columns named "Amount" \(field net\): map the one meant by the name each was given, "Amount_2" or "Amount_4"/
  );
  const db = await build(config("Amount_4"), "two-amounts-named");
  expect(await queryRows(db, "SELECT net_cents FROM orders")).toEqual([{net_cents: 1000}]);
});

test("large files, read in parallel, still give rejected rows their exact line and keep the first of repeated master-list rows", async () => {
  // Past about 10 MB DuckDB reads a file in parallel and rows arrive out of order: the
  // ingestion must notice rejects and repeats and read such a file again in order.
  const rows = 500_000;
  const orders = join(files.dir, "invoices-large.csv");
  const customers = join(files.dir, "customers-large.csv");
  const gen = await openDuckDB();
  await gen.run(`COPY (SELECT range + 1 AS InvoiceNo, 'A' AS StockCode, 'x' AS Description, 1 AS Quantity,
    CASE WHEN range IN (7, 400000) THEN 'someday' ELSE '2024-04-03 10:00' END AS InvoiceDate, '1.50' AS UnitPrice,
    range % 1000 AS CustomerID, 'China' AS Country FROM range(${rows}) ORDER BY range) TO '${orders}' (HEADER)`);
  await gen.run(`COPY (SELECT CASE WHEN range = 250000 THEN NULL WHEN range = ${rows - 1} THEN 'M0' ELSE 'M' || range END AS id,
    CASE WHEN range = 0 THEN 'First' WHEN range = ${rows - 1} THEN 'Last' ELSE 'Shanghai' END AS city FROM range(${rows}) ORDER BY range) TO '${customers}' (HEADER)`);
  const db = await build(withFiles(orders, customers), "large");
  expect(await queryRows(db, `SELECT city FROM customers WHERE customer_key = '${pseudonym("M0")}'`)).toEqual([
    {city: "First"}
  ]);
  const lines = (file: string) =>
    readFileSync(join(".workbench", "files", "rejects", file), "utf-8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => Number(l.split(",")[0]));
  expect(lines("orders-invoices-large.csv.rejected.csv")).toEqual([9, 400002]);
  expect(lines("customers-customers-large.csv.rejected.csv")).toEqual([250002]);
  const quality = await queryRows(
    db,
    "SELECT source, outcome, reason, rows::INTEGER AS rows FROM quality ORDER BY source, outcome, reason"
  );
  expect(quality).toEqual([
    {source: "customers", outcome: "accepted", reason: null, rows: rows - 2},
    {source: "customers", outcome: "classified", reason: "duplicate", rows: 1},
    {source: "customers", outcome: "rejected", reason: "missing customer id", rows: 1},
    {source: "orders", outcome: "accepted", reason: null, rows: rows - 2},
    {source: "orders", outcome: "rejected", reason: "unreadable date", rows: 2}
  ]);
});

test("a configured dateFormat reads day-first dates that are otherwise ambiguous", async () => {
  const path = invoiceCsv("dayfirst.csv", ["1,A,x,1,03/04/2024 10:00,1.00,9,China"]);
  const config = fixtureConfig(files);
  if (config.source.type === "files")
    config.source.orders = {...config.source.orders, path, dateFormat: "%d/%m/%Y %H:%M"};
  const db = await build(config, "dayfirst");
  expect(await queryRows(db, "SELECT business_date::VARCHAR AS d FROM orders")).toEqual([{d: "2024-04-03"}]);
});

test("amounts are read in the site's currency unless the file's mapping names another", async () => {
  const path = invoiceCsv("pounds.csv", [
    "1,A,x,2,2024-03-04 10:00,£2.90,9,UK",
    "2,A,x,1,2024-03-04 11:00,1.50,9,UK",
    "3,A,x,1,2024-03-04 12:00,¥1.50,9,UK"
  ]);
  const config = (site: string | undefined, file: string | undefined): WorkbenchConfig => {
    const c = {...fixtureConfig(files), currency: site, maxRejectRate: 1};
    if (c.source.type === "files") c.source = {...c.source, orders: {...c.source.orders, path, currency: file}};
    return c;
  };
  // The orders read, and the rejected rows' reasons.
  const read = async (name: string, c: WorkbenchConfig) => {
    const db = await build(c, name);
    return [
      await queryRows(db, "SELECT order_id, net_cents::INTEGER AS cents FROM orders ORDER BY order_id"),
      await queryRows(
        db,
        "SELECT reason, rows::INTEGER AS rows FROM quality WHERE source = 'orders' AND outcome = 'rejected'"
      )
    ];
  };
  const rejected = [{reason: "amount in another currency", rows: 1}];
  const pound = [
    [
      {order_id: "1", cents: 580},
      {order_id: "2", cents: 150}
    ],
    rejected
  ];
  const yuan = [
    [
      {order_id: "2", cents: 150},
      {order_id: "3", cents: 150}
    ],
    rejected
  ];
  expect(await read("pounds-site", config("GBP", undefined))).toEqual(pound);
  expect(await read("pounds-file", config(undefined, "GBP"))).toEqual(pound);
  expect(await read("yuan-site", config(undefined, undefined))).toEqual(yuan);
  expect(await read("yuan-file", config("GBP", "CNY"))).toEqual(yuan);
});

describe("inputs that stop the build", () => {
  const withOrders = (content: string | Buffer, overrides: {maxRejectRate?: number} = {}) => {
    const path = join(files.dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, content);
    const config = fixtureConfig(files, overrides);
    if (config.source.type === "files") config.source.orders.path = path;
    return {config, path};
  };

  test("a missing required column names the file, line 1 and the column", async () => {
    const {config, path} = withOrders(
      "InvoiceNo,StockCode,Quantity,UnitPrice,CustomerID,Country\n1,A,1,1.00,9,China\n"
    );
    await expect(ingest(config, KEY, join(WORK, "builds", "x1"))).rejects.toThrow(
      `${path}:1 (column InvoiceDate): missing required column "InvoiceDate"`
    );
  });

  test("an empty file", async () => {
    const {config, path} = withOrders("");
    await expect(ingest(config, KEY, join(WORK, "builds", "x2"))).rejects.toThrow(`${path}:1: the file is empty`);
  });

  test("a header without rows", async () => {
    const {config, path} = withOrders(
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
    );
    await expect(ingest(config, KEY, join(WORK, "builds", "x3"))).rejects.toThrow(
      `${path}:2: the file has a header but no data rows`
    );
  });

  test("a truncated file (cut off mid-row)", async () => {
    const {config, path} = withOrders(
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,x,1,2024-01-01,1.00,9,China\n2,B,y,1,2024-01"
    );
    await expect(ingest(config, KEY, join(WORK, "builds", "x4"))).rejects.toThrow(`${path}:3: the file is truncated`);
  });

  test("a reject rate above the limit names the first rejected line and column", async () => {
    const {config, path} = withOrders([readFileSync(files.invoices, "utf-8")].join(""), {maxRejectRate: 0.01});
    await expect(ingest(config, KEY, join(WORK, "builds", "x5"))).rejects.toThrow(
      new RegExp(`${path}:10 \\(column ordered_at\\): 13 of 34 rows rejected \\(38.24%, limit 1.00%\\)`)
    );
  });
});

test("a Parquet export as pandas writes it: typed columns, float amounts with rounding error, ids as floats", async () => {
  // pandas writes an integer column with gaps as float64 (17850.0), amounts computed before the
  // export carry binary rounding error, and a naive datetime is the store's local time.
  const path = join(files.dir, "pandas-orders.parquet");
  const writer = await openDuckDB();
  await writer.run(`COPY (SELECT * FROM (VALUES
      (1001::BIGINT, 17850.0::DOUBLE, TIMESTAMP '2024-03-01 10:00:00', 0.1::DOUBLE + 0.2::DOUBLE, 2::BIGINT, 12.30::DECIMAL(10,2)),
      (1002, 17850.0, TIMESTAMP '2024-03-02 10:00:00', 10.1::DOUBLE * 3, 3, 0.00),
      (1003, NULL, TIMESTAMP '2024-03-02 11:00:00', 19.99, 1, 0.00),
      (1004, 14527.0, TIMESTAMP '2024-03-03 10:00:00', 12.345, 1, 0.00),
      (1005, 14527.0, NULL, 5.00, 1, 0.00),
      (1006, 14527.0, TIMESTAMP '2024-03-04 10:00:00', -(0.1::DOUBLE + 0.2::DOUBLE), 1, 0.00)
    ) t(order_no, member, created, total, items, coupon)) TO '${path}' (FORMAT parquet)`);
  writer.closeSync();
  const config: WorkbenchConfig = {
    source: {
      type: "files",
      orders: {
        path,
        level: "orders",
        timeZone: "Europe/Paris",
        columns: {
          order_id: "order_no",
          customer_id: "member",
          ordered_at: "created",
          net: "total",
          items: "items",
          discount: "coupon"
        }
      },
      maxRejectRate: 0.9
    }
  };
  const db = await build(config, "pandas-parquet");
  expect(await queryRows(db, "SELECT format FROM input_files")).toEqual([{format: "parquet"}]);
  expect(
    await queryRows(
      db,
      "SELECT outcome, reason, column_name AS column, rows::INTEGER AS rows FROM quality WHERE source = 'orders' ORDER BY outcome, reason"
    )
  ).toEqual([
    {outcome: "accepted", reason: null, column: null, rows: 2},
    {outcome: "classified", reason: REASON.noCustomerId, column: null, rows: 1},
    {outcome: "classified", reason: REASON.return, column: null, rows: 1},
    {outcome: "rejected", reason: REASON.missingDate, column: "ordered_at", rows: 1},
    {outcome: "rejected", reason: REASON.tooManyDecimals, column: "net", rows: 1}
  ]);
  // 0.1 + 0.2 is 0.30, three times 10.1 is 30.30; 12.345 is not read as 12.35 (rejected above).
  expect(
    await queryRows(
      db,
      "SELECT order_id, customer_key, net_cents, discount_cents, items, strftime(ordered_at, '%Y-%m-%d %H:%M') AS utc FROM orders ORDER BY order_id"
    )
  ).toEqual([
    {
      order_id: "1001",
      customer_key: pseudonym("17850"),
      net_cents: 30,
      discount_cents: 1230,
      items: 2,
      utc: "2024-03-01 09:00"
    },
    {
      order_id: "1002",
      customer_key: pseudonym("17850"),
      net_cents: 3030,
      discount_cents: 0,
      items: 3,
      utc: "2024-03-02 09:00"
    },
    {order_id: "1003", customer_key: null, net_cents: 1999, discount_cents: 0, items: 1, utc: "2024-03-02 10:00"},
    {
      order_id: "1006",
      customer_key: pseudonym("14527"),
      net_cents: -30,
      discount_cents: 0,
      items: 1,
      utc: "2024-03-04 09:00"
    }
  ]);
  // A Parquet file has no lines: its rejected rows are named by their row number, from 1.
  expect(rejectedAt("orders-pandas-orders.parquet.rejected.csv")).toEqual(["4,net", "5,ordered_at"]);
});

test("a JSON export, one object per line or an array: keys are columns (a key first seen late too), values read as their text", async () => {
  const objects = [
    {order: "J1", member: 17850, at: "2024-03-01 10:00", total: 12.5},
    {order: "J2", member: "17850", at: "2024-03-02 10:00", total: "¥20.00"},
    {order: "J3", member: 14527, at: null, total: 5},
    {order: "J4", member: 14527, at: "2024-03-03 10:00", total: "7,00"},
    {order: "J5", member: 14527, at: "2024-03-04 10:00", total: 0.425, store: "S1"}
  ];
  const ndjson = objects.map((o) => JSON.stringify(o)).join("\n");
  const config = (path: string): WorkbenchConfig => ({
    source: {
      type: "files",
      orders: {
        path,
        level: "orders",
        columns: {order_id: "order", customer_id: "member", ordered_at: "at", net: "total", store_id: "store"}
      },
      maxRejectRate: 0.9
    }
  });
  const lines = input("orders.jsonl", `${ndjson}\n`);
  const db = await build(config(lines), "json-lines");
  expect(await queryRows(db, "SELECT format FROM input_files")).toEqual([{format: "json"}]);
  const orders = "SELECT order_id, customer_key, net_cents, store_id FROM orders ORDER BY order_id";
  expect(await queryRows(db, orders)).toEqual([
    {order_id: "J1", customer_key: pseudonym("17850"), net_cents: 1250, store_id: null},
    {order_id: "J2", customer_key: pseudonym("17850"), net_cents: 2000, store_id: null}
  ]);
  // Rows are numbered from 1: the missing date, the decimal comma, the third decimal.
  expect(rejectedAt("orders-orders.jsonl.rejected.csv")).toEqual(["3,ordered_at", "4,net", "5,net"]);
  const strict = config(lines);
  if (strict.source.type === "files") strict.source.maxRejectRate = 0.1;
  await expect(build(strict, "json-strict")).rejects.toThrow(
    /3 of 5 rows rejected .* First: row 3 ordered_at: missing date; row 4 net/
  );
  expect(await queryRows(db, "SELECT reason FROM quality WHERE outcome = 'rejected' ORDER BY reason")).toEqual([
    {reason: REASON.decimalComma},
    {reason: REASON.missingDate},
    {reason: REASON.tooManyDecimals}
  ]);
  // The same objects as an array, and compressed, read the same.
  for (const [name, content] of [
    ["orders-array.json", `[${objects.map((o) => JSON.stringify(o)).join(",\n")}]`],
    ["orders-gz.ndjson.gz", gzipSync(`${ndjson}\n`)]
  ] as const) {
    expect(await queryRows(await build(config(input(name, content)), name), orders)).toEqual(
      await queryRows(db, orders)
    );
  }
  // A key the file does not have is named with the keys it has; JSON is UTF-8 or it is refused.
  const missing = config(lines);
  if (missing.source.type === "files") missing.source.orders.columns.region = "province";
  await expect(build(missing, "json-missing")).rejects.toThrow(
    /missing mapped column "province" \(field region\); the file's keys are: order, member, at, total, store/
  );
  // An object where one value belongs stops the build at its row: its JSON text is no id.
  const nested = input(
    "nested.ndjson",
    `${ndjson}\n${JSON.stringify({order: "J6", member: {id: 1}, at: "2024-03-05", total: 1})}\n`
  );
  await expect(build(config(nested), "json-nested")).rejects.toThrow(
    /nested\.ndjson:6 \(column member\): an object or a list where one value belongs \(field customer_id\)/
  );
  const latin = input(
    "latin.json",
    Buffer.from('{"order":"J1","member":1,"at":"2024-03-01","total":1,"store":"M\u00fcnchen"}\n', "latin1")
  );
  await expect(build(config(latin), "json-latin")).rejects.toThrow(
    /latin\.json: not valid UTF-8, which a JSON file must be/
  );
});

describe("order-level exports and master lists: nothing guessed", () => {
  const ORDER_HEADER = "order_id,customer_id,ordered_at,net,discount\n";
  const ORDER_COLUMNS = {order_id: "order_id", customer_id: "customer_id", ordered_at: "ordered_at", net: "net"};
  const orderConfig = (path: string, customers?: string): WorkbenchConfig => ({
    source: {
      type: "files",
      orders: {path, level: "orders", columns: {...ORDER_COLUMNS, discount: "discount"}},
      ...(customers
        ? {
            customers: {
              path: customers,
              columns: {customer_id: "id", marketing_consent: "consent", opt_out_date: "opt_out", points: "points"}
            }
          }
        : {}),
      maxRejectRate: 0.9
    }
  });

  test("an unreadable discount is rejected (not read as 0); an order id repeated with other values is rejected, an exact copy is a duplicate", async () => {
    const path = join(files.dir, "order-level.csv");
    writeFileSync(
      path,
      ORDER_HEADER +
        "A1,101,2024-03-01 10:00,10.00,1.00\nA2,102,2024-03-01 11:00,20.00,abc\n" +
        "A3,103,2024-03-02 10:00,30.00,0\nA3,103,2024-03-02 10:00,30.00,0\n" + // an exact copy
        "A4,104,2024-03-03 10:00,40.00,0\nA4,105,2024-03-03 10:00,45.00,0\n"
    ); // the same id, other values
    const db = await build(orderConfig(path), "order-level");
    const quality = await queryRows(
      db,
      "SELECT outcome, reason, column_name AS column, rows FROM quality WHERE source = 'orders' ORDER BY outcome, reason"
    );
    expect(quality).toEqual([
      {outcome: "accepted", reason: null, column: null, rows: 2},
      {outcome: "classified", reason: "duplicate", column: null, rows: 1},
      {outcome: "rejected", reason: "amount is not a number", column: "discount", rows: 1},
      {outcome: "rejected", reason: "order id repeated with different values", column: "order_id", rows: 2}
    ]);
    const orders = await queryRows(db, "SELECT order_id, net_cents FROM orders ORDER BY order_id");
    expect(orders).toEqual([
      {order_id: "A1", net_cents: 1000},
      {order_id: "A3", net_cents: 3000}
    ]);
  });

  test("an unreadable opt-out date or consent means no consent and is counted; unreadable points are counted too", async () => {
    const path = join(files.dir, "consent-orders.csv");
    writeFileSync(
      path,
      ORDER_HEADER +
        "B1,201,2024-03-01 10:00,10.00,0\nB2,202,2024-03-01 10:00,10.00,0\nB3,203,2024-03-01 10:00,10.00,0\n"
    );
    const list = join(files.dir, "consent-list.csv");
    writeFileSync(
      list,
      "id,consent,opt_out,points\n201,yes,2023-13-01,10\n202,yes,,x12\n203,yes,,5\n204,subscribed,,7\n"
    );
    const db = await build(orderConfig(path, list), "consent");
    const consent = await queryRows(
      db,
      "SELECT customer_key, consent, points FROM out_customers ORDER BY points NULLS FIRST, consent"
    );
    expect(consent).toEqual([
      {customer_key: pseudonym("202"), consent: true, points: null},
      {customer_key: pseudonym("203"), consent: true, points: 5},
      {customer_key: pseudonym("204"), consent: false, points: 7}, // a word the workbench does not read: no consent
      {customer_key: pseudonym("201"), consent: false, points: 10} // "2023-13-01" may be an opt-out: no consent
    ]);
    const quality = await queryRows(
      db,
      "SELECT outcome, reason, rows FROM quality WHERE source = 'customers' ORDER BY reason NULLS FIRST"
    );
    expect(quality).toEqual([
      {outcome: "accepted", reason: null, rows: 1},
      {outcome: "accepted", reason: "unreadable consent (counted as no consent)", rows: 1},
      {outcome: "accepted", reason: "unreadable opt-out date (counted as no consent)", rows: 1},
      {outcome: "accepted", reason: "unreadable points (left blank)", rows: 1}
    ]);
    // Named in the mapping, the list's own words read.
    const words = orderConfig(path, list);
    if (words.source.type !== "files" || !words.source.customers) throw new Error("config");
    words.source.customers.consentValues = {yes: ["Subscribed", "yes"], no: ["unsubscribed", "no"]};
    const named = await build(words, "consent-words");
    expect(
      await queryRows(named, `SELECT consent FROM out_customers WHERE customer_key = '${pseudonym("204")}'`)
    ).toEqual([{consent: true}]);
    expect(
      await queryRows(named, "SELECT count(*)::INTEGER AS n FROM quality WHERE reason LIKE 'unreadable consent%'")
    ).toEqual([{n: 0}]);
    words.source.customers.consentValues = {yes: ["yes"], no: ["YES "]};
    await expect(build(words, "consent-both")).rejects.toThrow(/consentValues: yes cannot mean both yes and no/);
  });

  test("a master list's unreadable signup dates say why: day and month order unknown, or a spreadsheet day number", async () => {
    const path = join(files.dir, "signup-orders.csv");
    writeFileSync(path, `${ORDER_HEADER}S1,1,2024-03-01,10.00,0\n`);
    const list = join(files.dir, "signup-list.csv");
    writeFileSync(list, "id,signup\n1,2024-01-05\n2,05/03/2024\n3,45352\n4,soon\n");
    const config = orderConfig(path);
    if (config.source.type === "files")
      config.source.customers = {path: list, columns: {customer_id: "id", signup_date: "signup"}};
    const db = await build(config, "signup-reasons");
    expect(
      await queryRows(
        db,
        "SELECT reason, rows FROM quality WHERE source = 'customers' AND outcome = 'rejected' ORDER BY reason"
      )
    ).toEqual([
      {reason: REASON.spreadsheetSerial, rows: 1},
      {reason: REASON.ambiguousDate, rows: 1},
      {reason: REASON.unreadableDate, rows: 1}
    ]);
  });

  test("an order status column: the statuses the mapping lists are cancellations, left out of revenue", async () => {
    const path = join(files.dir, "statuses.csv");
    writeFileSync(
      path,
      "order_id,customer_id,ordered_at,net,status\n" +
        "W1,1,2024-03-01,10.00,completed\nW2,2,2024-03-01,20.00, Cancelled \nW3,3,2024-03-01,30.00,REFUNDED\n" +
        "W4,4,2024-03-01,40.00,processing\nW5,5,2024-03-01,50.00,\n"
    );
    const config = (cancelledStatuses?: string[]): WorkbenchConfig => ({
      source: {
        type: "files",
        orders: {path, level: "orders", columns: {...ORDER_COLUMNS, status: "status"}, cancelledStatuses}
      }
    });
    const db = await build(config(["cancelled", "Refunded", "failed"]), "statuses");
    expect(await queryRows(db, "SELECT order_id, kind FROM orders ORDER BY order_id")).toEqual([
      {order_id: "W1", kind: "sale"},
      {order_id: "W2", kind: "cancellation"},
      {order_id: "W3", kind: "cancellation"},
      {order_id: "W4", kind: "sale"},
      {order_id: "W5", kind: "sale"}
    ]);
    expect(await queryRows(db, "SELECT reason, rows FROM quality WHERE outcome = 'classified'")).toEqual([
      {reason: REASON.cancellation, rows: 2}
    ]);
    // Which statuses do not count is the retailer's to say: a status without the list stops the build.
    // A mapping error, said as one: not as a file DuckDB could not read.
    await expect(build(config(), "statuses-unlisted")).rejects.toThrow(
      /^[^:]+\.csv: the status column is mapped but cancelledStatuses is not set/
    );
    const none = await build(config([]), "statuses-none");
    expect(await queryRows(none, "SELECT count(*)::INTEGER AS n FROM orders WHERE kind = 'sale'")).toEqual([{n: 5}]);
  });

  test("credit statuses: a return slip written with a positive amount reduces revenue, the sale it returns stays counted", async () => {
    // A point-of-sale export: 单据类型 says sale slip (销售单) or return slip (退货单), amounts positive.
    const path = input(
      "slips.csv",
      "单号,会员,时间,金额,单据类型\n" +
        "S1,1,2024-03-01 10:00,100.00,销售单\nS2,1,2024-03-05 10:00,40.00,退货单\nS3,2,2024-03-02 10:00,30.00,销售单\n" +
        "S4,2,2024-03-03 10:00,30.00,作废\nS5,3,2024-03-04 10:00,-20.00,退货单\n"
    );
    const config = (creditStatuses?: string[], cancelledStatuses = ["作废"]): WorkbenchConfig => ({
      source: {
        type: "files",
        orders: {
          path,
          level: "orders",
          columns: {order_id: "单号", customer_id: "会员", ordered_at: "时间", net: "金额", status: "单据类型"},
          cancelledStatuses,
          creditStatuses
        }
      }
    });
    const db = await build(config(["退货单"]), "slips");
    expect(await queryRows(db, "SELECT order_id, kind, net_cents FROM orders ORDER BY order_id")).toEqual([
      {order_id: "S1", kind: "sale", net_cents: 10000},
      {order_id: "S2", kind: "return", net_cents: -4000},
      {order_id: "S3", kind: "sale", net_cents: 3000},
      {order_id: "S4", kind: "cancellation", net_cents: 3000},
      {order_id: "S5", kind: "return", net_cents: -2000}
    ]);
    // Customer 1 bought 100.00 and returned 40.00: 60.00, against an independent sum of the slips.
    expect(
      await queryRows(db, `SELECT revenue_cents FROM out_customers WHERE customer_key = '${pseudonym("1")}'`)
    ).toEqual([{revenue_cents: 10000 - 4000}]);
    // Without the setting the return slip would be a 40.00 sale: the build reads it so only when told nothing.
    const unsaid = await build(config(undefined), "slips-unsaid");
    expect(await queryRows(unsaid, "SELECT kind FROM orders WHERE order_id = 'S2'")).toEqual([{kind: "sale"}]);
    // A status in both lists stops the build.
    await expect(build(config(["退货单"], ["作废", "退货单"]), "slips-both")).rejects.toThrow(
      /^[^:]+\.csv: the status 退货单 is in both cancelledStatuses and creditStatuses/
    );
  });

  test("credit statuses on invoice lines: a slip's type on its first line only makes the whole slip a credit", async () => {
    const path = input(
      "slip-lines.csv",
      "单号,商品,数量,单价,会员,时间,单据类型\n" +
        "S1,A,3,10.00,1,2024-03-01 10:00,销售单\nS1,B,1,5.00,1,2024-03-01 10:00,\n" +
        "R1,A,2,10.00,1,2024-03-05 10:00,退货单\nR1,B,1,5.00,1,2024-03-05 10:00,\n"
    );
    const db = await build(
      {
        source: {
          type: "files",
          orders: {
            path,
            level: "lines",
            columns: {
              order_id: "单号",
              sku: "商品",
              qty: "数量",
              unit_price: "单价",
              customer_id: "会员",
              ordered_at: "时间",
              status: "单据类型"
            },
            cancelledStatuses: [],
            creditStatuses: ["退货单"]
          }
        }
      },
      "slip-lines"
    );
    expect(await queryRows(db, "SELECT order_id, kind, net_cents FROM orders ORDER BY order_id")).toEqual([
      {order_id: "R1", kind: "return", net_cents: -2500},
      {order_id: "S1", kind: "sale", net_cents: 3500}
    ]);
    expect(
      await queryRows(
        db,
        "SELECT reason, rows::INTEGER AS rows, amount_cents::INTEGER AS cents FROM quality WHERE source = 'orders' ORDER BY reason"
      )
    ).toEqual([
      {reason: REASON.creditNote, rows: 2, cents: -2500},
      {reason: null, rows: 2, cents: 3500}
    ]);
  });

  test("a whitespace-aligned log without order ids: every row is an order named by its line, identical rows kept and noted", async () => {
    const path = join(files.dir, "aligned-log.txt");
    // Columns lined up with spaces, CRLF, a blank-padded header; line 5 repeats line 4 exactly.
    writeFileSync(
      path,
      [
        " customer_id   ordered_at      net",
        "       101     20240301    10.00",
        "       102     20240301    20.50",
        "       102     20240302     7.25",
        "       102     20240302     7.25",
        "       103     2024O303     9.99",
        "       104     20240304     0.00",
        ""
      ].join("\r\n")
    );
    const log: OrdersFile = {
      path,
      level: "orders",
      columns: {customer_id: "customer_id", ordered_at: "ordered_at", net: "net"}
    };
    const config: WorkbenchConfig = {source: {type: "files", orders: log, maxRejectRate: 0.5}};
    const db = await build(config, "aligned-log");
    const orders = await queryRows(db, "SELECT order_id, net_cents, kind FROM orders ORDER BY order_id");
    expect(orders).toEqual([
      {order_id: "line 2", net_cents: 1000, kind: "sale"},
      {order_id: "line 3", net_cents: 2050, kind: "sale"},
      {order_id: "line 4", net_cents: 725, kind: "sale"},
      {order_id: "line 5", net_cents: 725, kind: "sale"},
      {order_id: "line 7", net_cents: 0, kind: "adjustment"}
    ]);
    const quality = await queryRows(
      db,
      "SELECT outcome, reason, column_name AS column, rows FROM quality WHERE source = 'orders' ORDER BY outcome, reason"
    );
    expect(quality).toEqual([
      {outcome: "accepted", reason: REASON.identicalKept, column: null, rows: 1},
      {outcome: "accepted", reason: null, column: null, rows: 3},
      {outcome: "classified", reason: REASON.adjustment, column: null, rows: 1},
      {outcome: "rejected", reason: REASON.unreadableDate, column: "ordered_at", rows: 1}
    ]);
    const rejects = readFileSync(
      join(".workbench", "files", "rejects", "orders-aligned-log.txt.rejected.csv"),
      "utf-8"
    );
    expect(rejects.trim().split("\n")[1]).toMatch(/^6,ordered_at,unreadable date,103,2024O303,9\.99$/);
    // Declared rather than sniffed, the same file reads the same.
    const declared = await build(
      {source: {type: "files", orders: {...log, delimiter: "whitespace"}, maxRejectRate: 0.5}},
      "aligned-log-declared"
    );
    expect(await queryRows(declared, "SELECT order_id, net_cents, kind FROM orders ORDER BY order_id")).toEqual(orders);
    // How each was read is recorded for the data-quality page.
    const readAs = "SELECT format, encoding, detected, delimiter, header_line, undecodable_lines FROM input_files";
    expect(await queryRows(db, readAs)).toEqual([
      {
        format: "csv",
        encoding: "utf-8",
        detected: "valid UTF-8",
        delimiter: "whitespace",
        header_line: 1,
        undecodable_lines: 0
      }
    ]);
  });

  test("a file without a header line (headerLine 0): columns named by position, every line a row with its own number", async () => {
    const path = join(files.dir, "headerless-log.txt");
    // A legacy dump like CDNOW_sample.txt: aligned with spaces, CRLF, no header; line 3 has a bad date.
    writeFileSync(
      path,
      [
        "  00001     1 19970101  1  11.77",
        "  00002     2 19970112  1  12.00",
        "  00002     2 1997O112  5  77.00",
        "  00003     3 19970102  2  20.76",
        ""
      ].join("\r\n")
    );
    const log: OrdersFile = {
      path,
      level: "orders",
      headerLine: 0,
      columns: {customer_id: "2", ordered_at: "3", items: "4", net: "5"}
    };
    const db = await build({source: {type: "files", orders: log, maxRejectRate: 0.5}}, "headerless-log");
    expect(await queryRows(db, "SELECT order_id, net_cents, items FROM orders ORDER BY order_id")).toEqual([
      {order_id: "line 1", net_cents: 1177, items: 1},
      {order_id: "line 2", net_cents: 1200, items: 1},
      {order_id: "line 4", net_cents: 2076, items: 2}
    ]);
    const rejects = readFileSync(
      join(".workbench", "files", "rejects", "orders-headerless-log.txt.rejected.csv"),
      "utf-8"
    );
    expect(rejects.trim().split("\n")[1]).toMatch(/^3,ordered_at,unreadable date,/);
    expect(await queryRows(db, "SELECT delimiter, header_line FROM input_files")).toEqual([
      {delimiter: "whitespace", header_line: 0}
    ]);
    setLocale({language: "en"});
    expect(readAsText({...(await queryRows<ReadAs>(db, "SELECT * EXCLUDE (source, file) FROM input_files"))[0]})).toBe(
      "Read as CSV: UTF-8 (valid throughout), columns aligned with spaces, no header line (columns named by position)."
    );
    // Left to its default, the first row is taken for a header: the error says what to set.
    const {headerLine: _, ...headed} = log;
    await expect(build({source: {type: "files", orders: headed}}, "headerless-unsaid")).rejects.toThrow(
      /the header has: 00001, 1, 19970101, 1, 11\.77 \(if the file has no header line, set headerLine: 0 and map the columns by position: "1" to "5"\)/
    );
    // A position past the last column names the columns there are.
    await expect(
      build({source: {type: "files", orders: {...log, columns: {...log.columns, net: "6"}}}}, "headerless-past")
    ).rejects.toThrow(
      /missing mapped column "6" \(field net\): without a header line the columns are named by position, "1" to "5"/
    );
    // A master list without a header reads the same way.
    const master = join(files.dir, "headerless-customers.csv");
    writeFileSync(master, "2,2024-01-05,Shanghai\n3,2024-02-10,Hangzhou\n");
    const withMaster = await build(
      {
        source: {
          type: "files",
          orders: log,
          customers: {path: master, headerLine: 0, columns: {customer_id: "1", signup_date: "2", city: "3"}},
          maxRejectRate: 0.5
        }
      },
      "headerless-master"
    );
    expect(
      await queryRows(
        withMaster,
        "SELECT city, signup_date::VARCHAR AS signup FROM customers WHERE city IS NOT NULL ORDER BY city"
      )
    ).toEqual([
      {city: "Hangzhou", signup: "2024-02-10"},
      {city: "Shanghai", signup: "2024-01-05"}
    ]);
  });

  test("sub-cent prices and amounts (amountDecimals 4): each line's or order's value is rounded once, to the cent", async () => {
    const linesPath = invoiceCsv("sub-cent-lines.csv", [
      "900001,A,Washer,1000,2024-12-01 09:00,0.425,17850,United Kingdom", // 425.00, not 1,000 × 0.43
      "900001,B,Bolt,3,2024-12-01 09:00,0.3333,17850,United Kingdom", // 0.9999 → 1.00
      "900002,C,Pin,7,2024-12-01 10:00,0.0049,17851,United Kingdom", // 0.0343 → 0.03: still a sale
      "900003,D,Nut,1,2024-12-01 11:00,0.00001,17852,United Kingdom" // five decimals: rejected
    ]);
    const lines = fixtureConfig(files);
    if (lines.source.type !== "files") throw new Error("fixture config");
    lines.source = {
      type: "files",
      orders: {...lines.source.orders, path: linesPath, amountDecimals: 4},
      maxRejectRate: 0.5
    };
    const db = await build(lines, "sub-cent-lines");
    expect(await queryRows(db, "SELECT order_id, net_cents, kind FROM orders ORDER BY order_id")).toEqual([
      {order_id: "900001", net_cents: 42600, kind: "sale"},
      {order_id: "900002", net_cents: 3, kind: "sale"}
    ]);
    expect(
      await queryRows(db, "SELECT reason, column_name AS column, rows FROM quality WHERE outcome = 'rejected'")
    ).toEqual([{reason: REASON.tooManyDecimals, column: "unit_price", rows: 1}]);

    const ordersPath = join(files.dir, "sub-cent-orders.csv");
    writeFileSync(
      ordersPath,
      "order_id,customer_id,ordered_at,gross,discount\nS1,1,2024-03-01,957.5775,0\nS2,2,2024-03-01,10.005,0.005\nS3,3,2024-03-01,1.0049,0\n"
    );
    const columns = {order_id: "order_id", customer_id: "customer_id", ordered_at: "ordered_at", gross: "gross"};
    const orders = (amountDecimals?: number): WorkbenchConfig => ({
      source: {
        type: "files",
        orders: {path: ordersPath, level: "orders", columns: {...columns, discount: "discount"}, amountDecimals},
        maxRejectRate: 0.5
      }
    });
    const four = await build(orders(4), "sub-cent-orders");
    expect(await queryRows(four, "SELECT order_id, net_cents FROM orders ORDER BY order_id")).toEqual([
      {order_id: "S1", net_cents: 95758},
      {order_id: "S2", net_cents: 1000}, // 10.005 − 0.005, rounded once
      {order_id: "S3", net_cents: 100}
    ]);
    // By default the same file is refused row by row, with the setting named in the reason.
    await expect(build(orders(), "sub-cent-default")).rejects.toThrow(
      /every row was rejected \(3 more decimals than the mapping allows \(amountDecimals/
    );
  });

  test("invoice lines valued by their line total (gross less discount), as point-of-sale exports write them", async () => {
    const path = join(files.dir, "pos-lines.csv");
    writeFileSync(
      path,
      "receipt,sku,qty,sold_at,gross,discount,member\n" +
        "R1,A,2,2024-03-01 10:00,20.00,2.00,7\n" + // two items, 18.00 after discount
        "R1,B,1,2024-03-01 10:00,5.00,0,7\n" +
        "R2,B,-1,2024-03-02 10:00,-5.00,0,7\n" + // a return
        "R3,A,-2,2024-03-03 10:00,20.00,0,8\n" + // signs disagree: rejected
        "R4,C,1,2024-03-04 10:00,0.00,0,8\n" + // worth nothing: an adjustment
        "R5,C,3,2024-03-05 10:00,30.00,0,\n" // no member: sales totals only
    );
    const columns = {order_id: "receipt", sku: "sku", qty: "qty", ordered_at: "sold_at", customer_id: "member"};
    const config = (mapped: OrdersFile["columns"]): WorkbenchConfig => ({
      source: {type: "files", orders: {path, level: "lines", columns: mapped}, maxRejectRate: 0.5}
    });
    const db = await build(config({...columns, gross: "gross", discount: "discount"}), "pos-lines");
    expect(
      await queryRows(
        db,
        "SELECT order_id, gross_cents, discount_cents, net_cents, items, kind FROM orders ORDER BY order_id"
      )
    ).toEqual([
      {order_id: "R1", gross_cents: 2500, discount_cents: 200, net_cents: 2300, items: 3, kind: "sale"},
      {order_id: "R2", gross_cents: -500, discount_cents: 0, net_cents: -500, items: -1, kind: "return"},
      {order_id: "R4", gross_cents: 0, discount_cents: 0, net_cents: 0, items: 1, kind: "adjustment"},
      {order_id: "R5", gross_cents: 3000, discount_cents: 0, net_cents: 3000, items: 3, kind: "sale"}
    ]);
    expect(
      await queryRows(db, "SELECT outcome, reason, column_name AS column, rows FROM quality ORDER BY outcome, reason")
    ).toEqual([
      {outcome: "accepted", reason: null, column: null, rows: 2},
      {outcome: "classified", reason: REASON.adjustment, column: null, rows: 1},
      {outcome: "classified", reason: REASON.noCustomerId, column: null, rows: 1},
      {outcome: "classified", reason: REASON.return, column: null, rows: 1},
      {outcome: "rejected", reason: REASON.signsDisagree, column: "qty", rows: 1}
    ]);
    expect(
      await queryRows(db, "SELECT order_id, qty, unit_price_cents FROM order_lines WHERE order_id = 'R1' ORDER BY sku")
    ).toEqual([
      {order_id: "R1", qty: 2, unit_price_cents: 900},
      {order_id: "R1", qty: 1, unit_price_cents: 500}
    ]);
    // A net line total and no quantity: each line is one item worth its total.
    const {qty: _, ...noQty} = columns;
    const net = await build(config({...noQty, net: "gross"}), "pos-lines-net");
    expect(await queryRows(net, "SELECT order_id, net_cents, items, kind FROM orders ORDER BY order_id")).toEqual([
      {order_id: "R1", net_cents: 2500, items: 2, kind: "sale"},
      {order_id: "R2", net_cents: -500, items: 1, kind: "return"},
      {order_id: "R3", net_cents: 2000, items: 1, kind: "sale"},
      {order_id: "R4", net_cents: 0, items: 1, kind: "adjustment"},
      {order_id: "R5", net_cents: 3000, items: 1, kind: "sale"}
    ]);
    // A line total with no quantity (a service, a fee) is worth its total and has no unit price.
    writeFileSync(path, `${readFileSync(path, "utf-8")}R6,D,0,2024-03-06 10:00,12.00,0,9\n`);
    const fee = await build(config({...columns, gross: "gross", discount: "discount"}), "pos-lines-fee");
    expect(
      await queryRows(
        fee,
        "SELECT o.net_cents, o.kind, l.unit_price_cents FROM orders o JOIN order_lines l USING (order_id) WHERE order_id = 'R6'"
      )
    ).toEqual([{net_cents: 1200, kind: "sale", unit_price_cents: null}]);
    // Without a unit price or a line total, invoice lines cannot be valued.
    await expect(build(config(columns), "pos-lines-unvalued")).rejects.toThrow(/required field "unit_price"/);
  });

  test("invoice lines priced by unit with a discount: off the line or off each unit, as discountPer says; never guessed", async () => {
    const path = join(files.dir, "unit-discount-lines.csv");
    writeFileSync(
      path,
      "invoice,sku,qty,unit_price,discount,sold_at,member\n" +
        "I1,A,2,10.00,3.00,2024-03-01 10:00,7\n" +
        "I1,B,1,5.00,0,2024-03-01 10:00,7\n" +
        "I2,A,-2,10.00,3.00,2024-03-02 10:00,7\n" + // a return gives its discount back
        "I3,A,1,10.00,12.00,2024-03-03 10:00,8\n" + // more off than the line (and the unit): rejected
        "I4,C,2,4.00,-1.00,2024-03-04 10:00,8\n" // a discount written negative is still an amount off
    );
    const columns = {
      order_id: "invoice",
      sku: "sku",
      qty: "qty",
      unit_price: "unit_price",
      discount: "discount",
      ordered_at: "sold_at",
      customer_id: "member"
    };
    const config = (orders: Partial<OrdersFile>): WorkbenchConfig => ({
      source: {type: "files", orders: {path, level: "lines", columns, ...orders}, maxRejectRate: 0.5}
    });
    const orders = "SELECT order_id, gross_cents, discount_cents, net_cents, items, kind FROM orders ORDER BY order_id";
    const line = await build(config({discountPer: "line"}), "unit-discount-line");
    expect(await queryRows(line, orders)).toEqual([
      {order_id: "I1", gross_cents: 2500, discount_cents: 300, net_cents: 2200, items: 3, kind: "sale"},
      {order_id: "I2", gross_cents: -2000, discount_cents: -300, net_cents: -1700, items: -2, kind: "return"},
      {order_id: "I4", gross_cents: 800, discount_cents: 100, net_cents: 700, items: 2, kind: "sale"}
    ]);
    expect(
      await queryRows(line, "SELECT reason, column_name AS column, rows FROM quality WHERE outcome = 'rejected'")
    ).toEqual([{reason: REASON.discountExceeds, column: "discount", rows: 1}]);
    const unit = await build(config({discountPer: "unit"}), "unit-discount-unit");
    expect(await queryRows(unit, orders)).toEqual([
      {order_id: "I1", gross_cents: 2500, discount_cents: 600, net_cents: 1900, items: 3, kind: "sale"},
      {order_id: "I2", gross_cents: -2000, discount_cents: -600, net_cents: -1400, items: -2, kind: "return"},
      {order_id: "I4", gross_cents: 800, discount_cents: 200, net_cents: 600, items: 2, kind: "sale"}
    ]);
    // Sub-cent prices: the discount comes off the exact price, and the line is rounded once.
    writeFileSync(
      path,
      "invoice,sku,qty,unit_price,discount,sold_at,member\nJ1,A,1000,0.425,0.0049,2024-03-01 10:00,7\n"
    );
    const exact = await build(config({discountPer: "unit", amountDecimals: 4}), "unit-discount-exact");
    expect(await queryRows(exact, "SELECT net_cents, discount_cents FROM orders")).toEqual([
      {net_cents: 42010, discount_cents: 490} // 1,000 × (0.425 − 0.0049) = 420.10
    ]);
    // Per line or per unit cannot be told from the file: the build stops and asks.
    await expect(build(config({}), "unit-discount-unsaid")).rejects.toThrow(
      /discount is mapped beside unit_price: set discountPer/
    );
    // A line total mapped beside the unit price would be read and ignored: the build stops.
    await expect(
      build(config({discountPer: "line", columns: {...columns, net: "discount"}}), "unit-discount-both")
    ).rejects.toThrow(/map both unit_price and a line total \(net\)/);
  });

  test("goods sold by weight (qtyDecimals 3): the exact quantity values the line, which counts as one item", async () => {
    const path = join(files.dir, "weighed.csv");
    // A decimal-comma export: 0,532 kg of cheese at 12,99 a kilo is 6,91 (6.91068 rounded once).
    writeFileSync(
      path,
      "bon;artikel;menge;zeit;preis;kunde\n" +
        "B1;cheese;0,532;2024-03-01 10:00;12,99;7\n" +
        "B1;bread;2;2024-03-01 10:00;1,50;7\n" +
        "B2;cheese;-0,25;2024-03-02 10:00;12,99;7\n" + // a return of 250 g: −3.2475 → −3.25
        "B3;cheese;0,5321;2024-03-03 10:00;12,99;8\n" // four decimals: rejected
    );
    const config = (qtyDecimals?: number): WorkbenchConfig => ({
      source: {
        type: "files",
        orders: {
          path,
          level: "lines",
          decimal: ",",
          qtyDecimals,
          columns: {
            order_id: "bon",
            sku: "artikel",
            qty: "menge",
            ordered_at: "zeit",
            unit_price: "preis",
            customer_id: "kunde"
          }
        },
        maxRejectRate: 0.5
      }
    });
    const db = await build(config(3), "weighed");
    expect(await queryRows(db, "SELECT order_id, net_cents, items, kind FROM orders ORDER BY order_id")).toEqual([
      {order_id: "B1", net_cents: 691 + 300, items: 3, kind: "sale"},
      {order_id: "B2", net_cents: -325, items: -1, kind: "return"}
    ]);
    expect(
      await queryRows(db, "SELECT outcome, reason, column_name AS column, rows FROM quality ORDER BY outcome, reason")
    ).toEqual([
      {outcome: "accepted", reason: null, column: null, rows: 2},
      {outcome: "classified", reason: REASON.return, column: null, rows: 1},
      {outcome: "rejected", reason: REASON.unreadableQuantity, column: "qty", rows: 1}
    ]);
    // By default a fractional quantity is refused: reading it as a whole number would be a guess.
    const whole = await build(
      {...config(), source: {...config().source, maxRejectRate: 0.9}} as WorkbenchConfig,
      "weighed-default"
    );
    expect(await queryRows(whole, "SELECT reason, rows FROM quality WHERE outcome = 'rejected'")).toEqual([
      {reason: REASON.notWholeQuantity, rows: 3}
    ]);
  });

  test("a per-row currency column: rows in another currency, or none, are rejected; a spreadsheet day number is named as such", async () => {
    const path = join(files.dir, "currencies.csv");
    writeFileSync(
      path,
      "order_id,customer_id,ordered_at,net,currency\n" +
        "E1,1,2024-03-01,10.00,EUR\nE2,2,2024-03-01,20.00, eur \nU1,3,2024-03-01,30.00,USD\n" +
        "X1,4,2024-03-01,40.00,\nS1,5,45352.5,50.00,EUR\n"
    );
    const config: WorkbenchConfig = {
      currency: "EUR",
      source: {
        type: "files",
        orders: {path, level: "orders", columns: {...ORDER_COLUMNS, currency_code: "currency"}},
        maxRejectRate: 0.9
      }
    };
    const db = await build(config, "currencies");
    expect(await queryRows(db, "SELECT order_id, net_cents FROM orders ORDER BY order_id")).toEqual([
      {order_id: "E1", net_cents: 1000},
      {order_id: "E2", net_cents: 2000}
    ]);
    expect(
      await queryRows(
        db,
        "SELECT reason, column_name AS column, rows FROM quality WHERE outcome = 'rejected' ORDER BY reason"
      )
    ).toEqual([
      {reason: REASON.spreadsheetSerial, column: "ordered_at", rows: 1},
      {reason: REASON.otherCurrencyCode, column: "currency_code", rows: 2}
    ]);
  });

  test("a report with title lines above its header (headerLine): rows keep their real line numbers", async () => {
    const path = join(files.dir, "report.csv");
    writeFileSync(
      path,
      "Sales report, March 2024\nExported by POS 7.2; all amounts in CNY\n\n" +
        `${ORDER_HEADER}R1,1,2024-03-01,10.00,0\nR2,2,2024-13-01,20.00,0\nR3,3,2024-03-03,30.00,0\n`
    );
    const config = (headerLine?: number): WorkbenchConfig => {
      const c = orderConfig(path);
      if (c.source.type === "files")
        c.source = {...c.source, orders: {...c.source.orders, headerLine}, maxRejectRate: 0.5};
      return c;
    };
    await expect(build(config(), "report-no-header-line")).rejects.toThrow(
      /report\.csv:1 .*missing mapped column "order_id".*the header has: Sales report/
    );
    const db = await build(config(4), "report");
    expect(await queryRows(db, "SELECT order_id, net_cents FROM orders ORDER BY order_id")).toEqual([
      {order_id: "R1", net_cents: 1000},
      {order_id: "R3", net_cents: 3000}
    ]);
    const rejects = readFileSync(join(".workbench", "files", "rejects", "orders-report.csv.rejected.csv"), "utf-8");
    expect(rejects.trim().split("\n")[1]).toMatch(/^6,ordered_at,unreadable date,R2,/);
  });

  test("a customer id a spreadsheet turned into exponent notation is rejected, in orders and in the master list", async () => {
    const path = join(files.dir, "exponent-ids.csv");
    writeFileSync(
      path,
      `${ORDER_HEADER}A1,123456789012,2024-03-01,10.00,0\nA2,1.23457E+11,2024-03-01,20.00,0\nA3,17850.0,2024-03-01,30.00,0\n`
    );
    const list = join(files.dir, "exponent-ids-list.csv");
    writeFileSync(list, "id,consent,opt_out,points\n123456789012,y,,\n4.5e12,y,,\n17850,y,,\n");
    const config = orderConfig(path, list);
    const db = await build(config, "exponent-ids");
    expect(
      await queryRows(
        db,
        "SELECT source, reason, column_name AS column, rows FROM quality WHERE outcome = 'rejected' ORDER BY source"
      )
    ).toEqual([
      {source: "customers", reason: REASON.exponentId, column: "customer_id", rows: 1},
      {source: "orders", reason: REASON.exponentId, column: "customer_id", rows: 1}
    ]);
    expect(await queryRows(db, "SELECT order_id FROM orders ORDER BY order_id")).toEqual([
      {order_id: "A1"},
      {order_id: "A3"}
    ]);
    expect(await queryRows(db, "SELECT count(*)::INTEGER AS n FROM customers")).toEqual([{n: 2}]);
  });

  test("monthly exports read as one: an order repeated across files is a duplicate or a conflict; each file keeps its own lines", async () => {
    const dir = join(files.dir, "monthly");
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(dir, {recursive: true});
    writeFileSync(
      join(dir, "2024-01.csv"),
      `${ORDER_HEADER}M1,1,2024-01-05,10.00,0\nM2,2,2024-01-31,20.00,0\nM3,3,2024-01-31,30.00,0\n`
    );
    // February's export overlaps January's last day: M2 again (a copy), M3 with another amount.
    writeFileSync(
      join(dir, "2024-02.csv"),
      `${ORDER_HEADER}M2,2,2024-01-31,20.00,0\nM3,3,2024-01-31,35.00,0\nM4,4,2024-02-02,40.00,0\nM5,5,2024-02-30,50.00,0\n`
    );
    writeFileSync(join(dir, "README.md"), "not an export\n");
    const expectMonthly = async (db: DuckDBConnection) => {
      expect(await queryRows(db, "SELECT order_id, net_cents FROM orders ORDER BY order_id")).toEqual([
        {order_id: "M1", net_cents: 1000},
        {order_id: "M2", net_cents: 2000},
        {order_id: "M4", net_cents: 4000}
      ]);
      expect(await qualityByFile(db, "orders")).toEqual([
        {file: "2024-01.csv", outcome: "accepted", reason: null, rows: 2},
        {file: "2024-01.csv", outcome: "rejected", reason: REASON.repeatedOrderId, rows: 1},
        {file: "2024-02.csv", outcome: "accepted", reason: null, rows: 1},
        {file: "2024-02.csv", outcome: "classified", reason: REASON.duplicate, rows: 1},
        {file: "2024-02.csv", outcome: "rejected", reason: REASON.repeatedOrderId, rows: 1},
        {file: "2024-02.csv", outcome: "rejected", reason: REASON.unreadableDate, rows: 1}
      ]);
      const rejected = (name: string) =>
        readFileSync(join(".workbench", "files", "rejects", `orders-${name}.rejected.csv`), "utf-8")
          .trim()
          .split("\n")
          .slice(1)
          .map((l) => l.split(",").slice(0, 2).join(","));
      expect(rejected("2024-01.csv")).toEqual(["4,order_id"]);
      expect(rejected("2024-02.csv")).toEqual(["3,order_id", "5,ordered_at"]);
    };
    const config = (path: string | string[]): WorkbenchConfig => {
      const c = orderConfig(join(dir, "2024-01.csv"));
      if (c.source.type === "files") c.source.orders = {...c.source.orders, path};
      return c;
    };
    await expectMonthly(await build(config([join(dir, "2024-01.csv"), join(dir, "2024-02.csv")]), "monthly-list"));
    await expectMonthly(await build(config(dir), "monthly-folder"));
    // Without order ids each row is an order named by its file and line; nothing is a duplicate.
    const unnamed = config(dir);
    if (unnamed.source.type === "files") {
      const {order_id: _, ...columns} = unnamed.source.orders.columns;
      unnamed.source.orders = {...unnamed.source.orders, columns};
    }
    const logs = await build(unnamed, "monthly-no-ids");
    expect(
      (await queryRows<{order_id: string}>(logs, "SELECT order_id FROM orders ORDER BY order_id")).map(
        (o) => o.order_id
      )
    ).toEqual([
      "2024-01.csv line 2",
      "2024-01.csv line 3",
      "2024-01.csv line 4",
      "2024-02.csv line 2",
      "2024-02.csv line 3",
      "2024-02.csv line 4"
    ]);
    // A new month's file in the folder is a new build.
    const before = fingerprint(config(dir), "workbench.config.ts", KEY, "b");
    writeFileSync(join(dir, "2024-03.csv"), `${ORDER_HEADER}M6,6,2024-03-01,60.00,0\n`);
    expect(fingerprint(config(dir), "workbench.config.ts", KEY, "b")).not.toBe(before);
    rmSync(join(dir, "README.md"));
    rmSync(join(dir, "2024-03.csv"));
  });

  test("a master list in several files (one per store): an id repeated across files keeps its first row; each file keeps its own lines", async () => {
    const dir = join(files.dir, "members");
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(dir, {recursive: true});
    writeFileSync(join(dir, "store-a.csv"), "id,city,signup\n1,Shanghai,2024-01-05\n2,Beijing,2024-01-06\n");
    // Customer 2 joined store B too (their first row wins); customer 3's signup date does not read.
    writeFileSync(
      join(dir, "store-b.csv"),
      "id,city,signup\n2,Chengdu,2024-02-01\n3,Hangzhou,2024-13-01\n4,Wuhan,2024-02-03\n"
    );
    const orders = join(files.dir, "members-orders.csv");
    writeFileSync(orders, `${ORDER_HEADER}P1,1,2024-03-01,10.00,0\nP2,2,2024-03-01,20.00,0\nP3,3,2024-03-01,30.00,0\n`);
    const config = (path: string | string[]): WorkbenchConfig => ({
      source: {
        type: "files",
        orders: {path: orders, level: "orders", columns: ORDER_COLUMNS},
        customers: {path, columns: {customer_id: "id", city: "city", signup_date: "signup"}},
        maxRejectRate: 0.5
      }
    });
    const layouts: [string, string | string[]][] = [
      ["members-folder", dir],
      ["members-list", [join(dir, "store-a.csv"), join(dir, "store-b.csv")]]
    ];
    for (const [name, path] of layouts) {
      const db = await build(config(path), name);
      expect(await queryRows(db, "SELECT customer_key, city FROM customers ORDER BY city NULLS FIRST")).toEqual([
        {customer_key: pseudonym("3"), city: null}, // rejected from the list: known from its order only
        {customer_key: pseudonym("2"), city: "Beijing"},
        {customer_key: pseudonym("1"), city: "Shanghai"},
        {customer_key: pseudonym("4"), city: "Wuhan"}
      ]);
      expect(await qualityByFile(db, "customers")).toEqual([
        {file: "store-a.csv", outcome: "accepted", reason: null, rows: 2},
        {file: "store-b.csv", outcome: "accepted", reason: null, rows: 1},
        {file: "store-b.csv", outcome: "classified", reason: REASON.duplicate, rows: 1},
        {file: "store-b.csv", outcome: "rejected", reason: REASON.unreadableDate, rows: 1}
      ]);
      const rejected = readFileSync(
        join(".workbench", "files", "rejects", "customers-store-b.csv.rejected.csv"),
        "utf-8"
      );
      expect(rejected.trim().split("\n")[1]).toMatch(/^3,signup_date,unreadable date,3,/);
      expect(
        await queryRows(db, "SELECT file, header_line FROM input_files WHERE source = 'customers' ORDER BY file")
      ).toEqual([
        {file: "store-a.csv", header_line: 1},
        {file: "store-b.csv", header_line: 1}
      ]);
    }
    // A new store's file in the folder is a new build.
    const before = fingerprint(config(dir), "workbench.config.ts", KEY, "b");
    writeFileSync(join(dir, "store-c.csv"), "id,city,signup\n5,Xi'an,2024-03-01\n");
    expect(fingerprint(config(dir), "workbench.config.ts", KEY, "b")).not.toBe(before);
    rmSync(join(dir, "store-c.csv"));
  });

  test("a Shopify-style orders export: one row per line item, order fields on the first row only, emails as ids", async () => {
    const path = join(files.dir, "shopify-orders.csv");
    const header =
      "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name\n";
    writeFileSync(
      path,
      header +
        "#1001,jane@example.com,paid,2024-03-01 10:05:00 +0100,EUR,30.00,35.00,2024-03-01 10:00:00 +0100,1,Shirt,20.00,Jane Doe\n" +
        "#1001,jane@example.com,,,,,,2024-03-01 10:00:00 +0100,1,Hat,10.00,\n" +
        "#1002,max@example.com,refunded,2024-03-02 11:05:00 +0100,EUR,15.00,15.00,2024-03-02 11:00:00 +0100,3,Socks,5.00,Max Roe\n" +
        "#1003,jane@example.com,paid,2024-03-03 23:30:00 -0500,EUR,12.50,12.50,2024-03-03 23:30:00 -0500,1,Scarf,12.50,Jane Doe\n"
    );
    const config: WorkbenchConfig = {
      currency: "EUR",
      source: {
        type: "files",
        orders: {
          path,
          level: "lines",
          timeZone: "Europe/Paris",
          columns: {
            order_id: "Name",
            customer_id: "Email",
            ordered_at: "Created at",
            qty: "Lineitem quantity",
            unit_price: "Lineitem price",
            status: "Financial Status"
          },
          cancelledStatuses: ["refunded", "voided"]
        }
      }
    };
    const db = await build(config, "shopify");
    expect(
      await queryRows(
        db,
        "SELECT order_id, business_date::VARCHAR AS day, net_cents, items, kind FROM orders ORDER BY order_id"
      )
    ).toEqual([
      {order_id: "#1001", day: "2024-03-01", net_cents: 3000, items: 2, kind: "sale"},
      {order_id: "#1002", day: "2024-03-02", net_cents: 1500, items: 3, kind: "cancellation"},
      // 23:30 in New York is 05:30 the next morning in Paris, the store's zone.
      {order_id: "#1003", day: "2024-03-04", net_cents: 1250, items: 1, kind: "sale"}
    ]);
    expect(await queryRows(db, "SELECT count(*)::INTEGER AS n FROM customers")).toEqual([{n: 2}]);
    expect(await queryRows(db, "SELECT count(*)::INTEGER AS n FROM quality WHERE outcome = 'rejected'")).toEqual([
      {n: 0}
    ]);

    // With its Currency column mapped, a blank code on a continuation row is its order's; an order
    // in dollars, or one that states no currency on any row, is rejected whole.
    writeFileSync(
      path,
      `${readFileSync(path, "utf-8")}#1004,max@example.com,paid,,USD,25.00,25.00,2024-03-05 10:00:00 +0100,1,Belt,20.00,Max Roe\n` +
        "#1004,max@example.com,,,,,,2024-03-05 10:00:00 +0100,1,Pin,5.00,\n" +
        "#1005,max@example.com,paid,,,9.00,9.00,2024-03-06 10:00:00 +0100,1,Cap,9.00,Max Roe\n"
    );
    if (config.source.type === "files") {
      config.source.orders.columns.currency_code = "Currency";
      config.source.maxRejectRate = 0.5;
    }
    const coded = await build(config, "shopify-currency");
    expect(await queryRows(coded, "SELECT order_id FROM orders ORDER BY order_id")).toEqual([
      {order_id: "#1001"},
      {order_id: "#1002"},
      {order_id: "#1003"}
    ]);
    expect(
      await queryRows(coded, "SELECT reason, column_name AS column, rows FROM quality WHERE outcome = 'rejected'")
    ).toEqual([{reason: REASON.otherCurrencyCode, column: "currency_code", rows: 3}]);
  });

  test("delimiters: sniffed from the header, a whitespace-aligned header only when it has none of the others", () => {
    expect(sniffDelimiter("a,b,c")).toBe(",");
    expect(sniffDelimiter("a;b;c")).toBe(";");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
    expect(sniffDelimiter("customer id\torder date")).toBe("\t");
    expect(sniffDelimiter("a|b|c")).toBe("|");
    expect(sniffDelimiter("  customer_id  date  dollar_value")).toBe("whitespace");
    expect(sniffDelimiter("customer id, order date")).toBe(",");
  });

  test("blanks DuckDB's trim() leaves are looked for in the file: a line end only between quotes, a tab-separated file's tab too", () => {
    const blanks = (name: string, delimiter: string, ...content: (string | Buffer)[]) =>
      blanksIn(input(name, ...content), delimiter);
    expect(blanks("plain.csv", ",", "id,city\nC1,上海\u3000\n")).toBe("");
    expect(blanks("crlf.csv", ",", "\ufeffid,city\r\nC1,上海\r\n")).toBe("");
    expect(blanks("tsv.csv", "\t", "id\tcity\r\nC1\t上海\r\n")).toBe("");
    expect(blanks("quoted.csv", ",", 'id,city\n"C1",上海\n')).toBe("\n\r");
    expect(blanks("quoted-tsv.csv", "\t", 'id\tcity\n"C1"\t上海\n')).toBe("\t\n\r");
    expect(blanks("tab.csv", ",", "id,city\nC1\t,上海\n")).toBe("\t");
    expect(blanks("marks.csv", ",", "id,city\nC1\u2028,\ufeff上海\v\n")).toBe("\v\u2028\ufeff");
    // Rows that are not one a line, from the first data row: [row, lines above it that began no row].
    expect(lineGaps(input("titled.csv", "Report\n\nid,x\n1,a\n\n2,b\n"), 3)).toEqual([[1, 1]]);
    expect(lineGaps(input("headerless.csv", "1,a\r\n\r\n\r\n2,b\r\n3,c\r\n"), 0)).toEqual([[1, 2]]);
    expect(lineGaps(input("broken.csv", 'id,x\n1,"a\n""b""\n"\n2,c\n3,"d\ne"\n4,f\n'), 1)).toEqual([
      [1, 2],
      [3, 3]
    ]);
    expect(lineGaps(input("one-a-line.csv", 'id,x\n1,"a"\n2,b\n'), 1)).toEqual([]);
    // Looked for in the whole file, not its first chunks: a form feed after 5 MB.
    expect(blanks("long.csv", ",", "id,city\n", "C1,上海\n".repeat(600_000), "C2\f,上海\n")).toBe("\f");
  });

  test("a file's values are trimmed of every blank it may hold: a quoted line break, a line separator, the Unicode spaces DuckDB trims", async () => {
    const orders = invoiceCsv("blanks-orders.csv", [
      "1,A,x,1,2024-03-01 10:00,10.00,17850,上海",
      "2,A,x,1,2024-03-02 10:00,10.00,14527,北京"
    ]);
    const cities = async (customers: string, name: string) => {
      const db = await build(withFiles(orders, customers), name);
      return queryRows(db, "SELECT customer_key, city FROM customers ORDER BY city");
    };
    const expected = [
      {customer_key: pseudonym("17850"), city: "上海"},
      {customer_key: pseudonym("14527"), city: "北京"}
    ].sort((a, b) => (a.city < b.city ? -1 : 1));
    // Quoted values may hold a line end, and this file holds a line separator: the complete trim where one is.
    const quoted = input("blanks-quoted.csv", 'id,city\n"17850","上海\r\n"\n14527,北京\u2028\n');
    expect(blanksIn(quoted, ",")).toBe("\n\r\u2028");
    expect(await cities(quoted, "blanks-quoted")).toEqual(expected);
    // A tab-separated list without quotes holds none: DuckDB's own trim (Unicode spaces).
    const plain = input("blanks-plain.tsv", "id\tcity\n17850\t上海\u3000\n14527\t\u00a0北京\n");
    expect(blanksIn(plain, "\t")).toBe("");
    expect(await cities(plain, "blanks-plain")).toEqual(expected);
  });

  test("a WeChat Pay bill: a backtick before every value (valuePrefix), totals under a header of their own after the rows (footerLines)", async () => {
    // The trade bill as WeChat Pay's merchant platform writes it (fewer columns): the details,
    // then a header and a line of totals; every value but the headers' starts with a backtick.
    const bill = [
      "交易时间,商户号,微信订单号,商户订单号,用户标识,交易状态,货币种类,应结订单金额,商品名称",
      "`2024-03-01 10:00:00,`1900000109,`4200001234202403011234567890,`T1001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`SUCCESS,`CNY,`10.00,`上衣",
      "`2024-03-02 11:30:00,`1900000109,`4200001234202403021234567890,`T1002,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`SUCCESS,`CNY,`20.50,`裤子",
      "`2024-03-02 12:00:00,`1900000109,`4200001234202403021234567891,`T1003,`oUpF8uN0aZ,`SUCCESS,`CNY,`5.00,`袜子",
      "总交易单数,应结订单总金额,退款总金额",
      "`3,`35.50,`0.00",
      ""
    ].join("\r\n");
    const orders = (path: string, extra: Partial<OrdersFile> = {}): WorkbenchConfig => ({
      source: {
        type: "files",
        orders: {
          path,
          level: "orders",
          valuePrefix: "`",
          footerLines: 2,
          columns: {order_id: "商户订单号", customer_id: "用户标识", ordered_at: "交易时间", net: "应结订单金额"},
          ...extra
        }
      }
    });
    const expected = [
      {order_id: "T1001", customer_key: pseudonym("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), day: "2024-03-01", net: 1000},
      {order_id: "T1002", customer_key: pseudonym("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), day: "2024-03-02", net: 2050},
      {order_id: "T1003", customer_key: pseudonym("oUpF8uN0aZ"), day: "2024-03-02", net: 500}
    ];
    const read = (db: DuckDBConnection) =>
      queryRows(
        db,
        "SELECT order_id, customer_key, strftime(business_date, '%Y-%m-%d') AS day, net_cents::INTEGER AS net FROM orders ORDER BY order_id"
      );
    const path = input("wechat-bill.csv", bill);
    const db = await build(orders(path), "wechat-bill");
    expect(await read(db)).toEqual(expected);
    const [readAs] = await queryRows<ReadAs>(db, "SELECT * EXCLUDE (source, file) FROM input_files");
    expect(readAs.footer_lines).toBe(2);
    setLocale({language: "en"});
    expect(readAsText(readAs)).toBe(
      "Read as CSV: UTF-8 (valid throughout), comma-separated, header on line 1; the last 2 lines are not rows (footerLines)."
    );
    // The same bill saved as Unicode Text: decoded first, then its totals left out.
    const wide = input("wechat-bill-utf16.txt", Buffer.from(`\ufeff${bill}`, "utf16le"));
    expect(await read(await build(orders(wide), "wechat-bill-utf16"))).toEqual(expected);
    // Without footerLines the totals' header stops the build at its line, saying why.
    await expect(build(orders(path, {footerLines: 0}), "wechat-no-footer")).rejects.toThrow(
      /wechat-bill\.csv:5: unreadable CSV: this line has 3 fields where the header has 9: .*footerLines/
    );
    // Without valuePrefix no date or amount reads: every row is rejected.
    await expect(build(orders(path, {valuePrefix: undefined}), "wechat-no-prefix")).rejects.toThrow(
      /every row was rejected .*value "`2024-03-01 10:00:00"/
    );
    // More footer lines than the file has rows below its header, or a footer for a Parquet file, stop the build.
    await expect(build(orders(path, {footerLines: 5}), "wechat-footer-5")).rejects.toThrow(
      /wechat-bill\.csv:2: the file has a header but no data rows/
    );
    await expect(build(orders(path, {footerLines: 9}), "wechat-footer-9")).rejects.toThrow(
      /wechat-bill\.csv: footerLines is 9, but the file has no rows above its last 9 lines/
    );
    await expect(build(orders(path, {format: "parquet"}), "wechat-parquet")).rejects.toThrow(
      /footerLines is for CSV files; this file is read as PARQUET/
    );
  });

  test("a line with more or fewer fields than the header, or a quote left open, stops the build with its line and why", async () => {
    const header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    const config = (name: string, lines: string[]) => {
      const c = fixtureConfig(files);
      if (c.source.type === "files") {
        c.source.orders = {...c.source.orders, path: input(name, `${[header, ...lines].join("\n")}\n`)};
        delete c.source.customers;
      }
      return c;
    };
    const good = "1,A,x,1,2024-03-01 10:00,10.00,17850,上海";
    await expect(
      build(config("fields.csv", [good, "2,A,x, 2,5,1,2024-03-01 10:00,10.00,17850,上海", good]), "fields")
    ).rejects.toThrow(
      /fields\.csv:3: unreadable CSV: this line has 9 fields where the header has 8: a value holding the delimiter must be quoted/
    );
    await expect(
      build(config("open-quote.csv", [good, '2,A,"x,1,2024-03-01 10:00,10.00,17850,上海', good]), "open-quote")
    ).rejects.toThrow(/open-quote\.csv:3: unreadable CSV: a quoted value does not end where it should/);
  });

  test("no transcoded copy stays after a build; a file's old rejects go once its cause is fixed", async () => {
    const staging = join(process.cwd(), ".workbench", "files", "staging");
    const leftovers = () => (existsSync(staging) ? readdirSync(staging) : []);
    const before = new Set(leftovers());
    const path = join(files.dir, "fixable.csv");
    writeFileSync(path, `${ORDER_HEADER}C1,301,2024-03-01 10:00,10.00,0\nC2,302,2024-13-01 10:00,10.00,0\n`);
    await build(orderConfig(path), "fixable-1");
    const rejects = join(process.cwd(), ".workbench", "files", "rejects", "orders-fixable.csv.rejected.csv");
    expect(readFileSync(rejects, "utf-8")).toContain("2024-13-01");
    writeFileSync(path, `${ORDER_HEADER}C1,301,2024-03-01 10:00,10.00,0\nC2,302,2024-12-01 10:00,10.00,0\n`);
    await build(orderConfig(path), "fixable-2");
    expect(existsSync(rejects)).toBe(false);
    // GBK input is transcoded to a copy while it is read: none stays.
    await build(fixtureConfig(files, {customers: files.customersGbk}), "gbk-again");
    expect(leftovers().filter((f) => !before.has(f))).toEqual([]);
  });
  test("rejected rows keep their lines past a blank line and a note holding line breaks; so do a log's rows named by their line", async () => {
    // DuckDB skips the blank line and reads the quoted note's three lines as one row.
    const text =
      "order_id,customer_id,ordered_at,net,discount,note\r\n" +
      "1,C1,2024-03-01 10:00,10.00,0,ok\r\n" +
      "\r\n" +
      "2,C2,2024-13-01 10:00,10.00,0,ok\r\n" +
      '3,C3,2024-03-01 10:00,10.00,0,"送货前\r\n请电话联系\r\n""谢谢"""\r\n' +
      "4,C4,2024-03-01 10:00,abc,0,ok\r\n";
    const path = input("gaps.csv", text);
    await build(orderConfig(path), "gaps");
    expect(rejectedAt("orders-gaps.csv.rejected.csv")).toEqual(["4,ordered_at", "8,net"]);
    // The same rows as two files of one export: each keeps its own lines.
    const second = input(
      "gaps-2.csv",
      text.replace("1,C1", "11,C11").replace("2,C2", "12,C12").replace("3,C3", "13,C13").replace("4,C4", "14,C14")
    );
    const both = orderConfig(path);
    if (both.source.type === "files") both.source.orders.path = [path, second];
    await build(both, "gaps-two");
    expect(rejectedAt("orders-gaps-2.csv.rejected.csv")).toEqual(["4,ordered_at", "8,net"]);
    // Without order ids, each row is named by its line.
    const log = orderConfig(input("gaps-log.csv", text.replace("13-01", "03-01").replace("abc", "9.00")));
    if (log.source.type === "files") {
      const {order_id: _, ...columns} = ORDER_COLUMNS;
      log.source.orders.columns = columns;
    }
    const db = await build(log, "gaps-log");
    expect(await queryRows(db, "SELECT order_id FROM orders ORDER BY ordered_at, order_id")).toEqual(
      ["line 2", "line 4", "line 5", "line 8"].map((order_id) => ({order_id}))
    );
  });

  test("an app's export of times counted since 1970 (dateFormat unix-seconds): the instant, on its store's business day", async () => {
    // 1709591400 is 2024-03-04 22:30 UTC: the 5th already in Shanghai, the 4th in New York.
    const path = input("epoch.csv", `${ORDER_HEADER}E1,C1,1709591400,10.00,0\nE2,C2,2024-03-05 10:00,12.00,0\n`);
    const config = orderConfig(path);
    if (config.source.type === "files") config.source.orders.dateFormat = "unix-seconds";
    const db = await build(config, "epoch");
    const days =
      "SELECT order_id, strftime(ordered_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS utc, business_date::VARCHAR AS d FROM orders ORDER BY order_id";
    expect(await queryRows(db, days)).toEqual([{order_id: "E1", utc: "2024-03-04 22:30", d: "2024-03-05"}]);
    // The ISO row is not a count: rejected as an unreadable date, not guessed.
    expect(await queryRows(db, "SELECT reason, rows::INTEGER AS rows FROM quality WHERE outcome = 'rejected'")).toEqual(
      [{reason: REASON.unreadableDate, rows: 1}]
    );
    if (config.source.type === "files") config.source.orders.timeZone = "America/New_York";
    expect(await queryRows(await build(config, "epoch-ny"), days)).toEqual([
      {order_id: "E1", utc: "2024-03-04 22:30", d: "2024-03-04"}
    ]);
    // Without the setting every count is rejected, and the build says which setting reads them.
    const unset = orderConfig(input("epoch-unset.csv", `${ORDER_HEADER}E1,C1,1709591400,10.00,0\n`));
    await expect(build(unset, "epoch-unset")).rejects.toThrow('dateFormat "unix-seconds"');
  });

  test("lines of delimiters alone (a spreadsheet's cleared rows) are rejected as blank rows, not for the first value they lack", async () => {
    const rejected = (db: DuckDBConnection, source: string) =>
      queryRows(
        db,
        `SELECT reason, rows::INTEGER AS rows FROM quality WHERE source = '${source}' AND outcome = 'rejected' ORDER BY reason`
      );
    // A cleared row between two orders, two at the end, and a row that lacks only its order id.
    const text = `${ORDER_HEADER}1,C1,2024-03-01,10.00,0\n,,,,\n2,C2,2024-03-02,12.00,0\n,C3,2024-03-03,5.00,0\n,,,,\n , ,,,\n`;
    const list = input("blank-list.csv", "id,consent,opt_out,points\n1,yes,,10\n,,,\n2,no,,\n,,,\n");
    const config = orderConfig(input("blank-rows.csv", text), list);
    const db = await build(config, "blank-rows");
    expect(await rejected(db, "orders")).toEqual([
      {reason: REASON.blankRow, rows: 3},
      {reason: REASON.missingOrderId, rows: 1}
    ]);
    expect(rejectedAt("orders-blank-rows.csv.rejected.csv")).toEqual([
      "3,order_id",
      "5,order_id",
      "6,order_id",
      "7,order_id"
    ]);
    expect(await rejected(db, "customers")).toEqual([{reason: REASON.blankRow, rows: 2}]);
    expect(await queryRows(db, "SELECT count(*)::INTEGER AS n FROM orders")).toEqual([{n: 2}]);
    // Blank rows held nothing: without the row lacking its id, 3 blank rows of 5 are no reject rate at
    // all; with it, the rate is 1 of the 3 other rows.
    const strict = orderConfig(input("blank-strict.csv", text.replace(",C3,2024-03-03,5.00,0\n", "")));
    if (strict.source.type === "files") strict.source.maxRejectRate = 0.01;
    await build(strict, "blank-strict");
    const lacking = orderConfig(input("blank-lacking.csv", text));
    if (lacking.source.type === "files") lacking.source.maxRejectRate = 0.3;
    await expect(build(lacking, "blank-lacking")).rejects.toThrow(
      "1 of 3 rows rejected (33.33%, limit 30.00%; 3 blank rows not counted)"
    );
    // Without order ids a cleared row lacks its date first: still a blank row, not a missing date.
    const log = orderConfig(input("blank-log.csv", text.replace(",C3,2024-03-03", "3,C3,")));
    if (log.source.type === "files") {
      const {order_id: _, ...columns} = ORDER_COLUMNS;
      log.source.orders.columns = columns;
    }
    expect(await rejected(await build(log, "blank-log"), "orders")).toEqual([
      {reason: REASON.blankRow, rows: 3},
      {reason: REASON.missingDate, rows: 1}
    ]);
  });
});

test("when every row is rejected (a wrong dateFormat), the build says so with the reason, the column and a sample value", async () => {
  const path = invoiceCsv("iso-dates.csv", [
    "1,A,x,1,2024-03-01 10:00,1.00,501,France",
    "2,A,x,1,2024-03-02 10:00,1.00,502,France"
  ]);
  const config = fixtureConfig(files, {maxRejectRate: 1});
  if (config.source.type === "files")
    config.source.orders = {...config.source.orders, path, dateFormat: "%d/%m/%Y %H:%M"};
  await expect(ingest(config, KEY, join(WORK, "builds", "all-rejected"))).rejects.toThrow(
    `${path}:2 (column ordered_at): every row was rejected (2 unreadable date (column ordered_at)); the first, line 2: unreadable date, value "2024-03-01 10:00". Check the mapping of this column and dateFormat.`
  );
});

describe("campaign and contact exports", () => {
  const campaignsCsv = [
    "id,name,sent,window,offer",
    "SPRING,Spring sale,2024-12-02,14,10% off",
    "XMAS,Christmas,2024-12-05,,free gift",
    "XMAS,Christmas,2024-12-05,,free gift",
    "BAD,Bad window,2024-12-03,ten,",
    ",No id,2024-12-03,7,",
    "LATE,Late,03/12/2024,7,"
  ];
  const contactsCsv = [
    "campaign,customer,arm,used",
    "SPRING,17850,Treatment,yes",
    "SPRING,17853,control,",
    "SPRING,17853,control,",
    "SPRING,17852,treated,no",
    "XMAS,17850.0,test,maybe",
    "XMAS,14527,holdout,no",
    "BAD,17850,treatment,no",
    "NOPE,17850,treatment,no",
    "XMAS,,treatment,no"
  ];
  function withCampaigns(campaigns: string[], contacts: string[]): WorkbenchConfig {
    const config = fixtureConfig(files, {maxRejectRate: 0.9});
    writeFileSync(join(files.dir, "campaigns.csv"), `${campaigns.join("\n")}\n`);
    writeFileSync(join(files.dir, "contacts.csv"), `${contacts.join("\n")}\n`);
    if (config.source.type === "files") {
      config.source.campaigns = {
        path: join(files.dir, "campaigns.csv"),
        columns: {campaign_id: "id", campaign_name: "name", sent_date: "sent", window_days: "window", offer: "offer"}
      };
      config.source.contacts = {
        path: join(files.dir, "contacts.csv"),
        columns: {campaign_id: "campaign", customer_id: "customer", group: "arm", redeemed: "used"}
      };
    }
    return {...config, campaigns: {window: 21}};
  }

  test("rows are read, rejected and counted like orders; contacts are pseudonymized and their groups read as mapped", async () => {
    // Each list ends with a spreadsheet's cleared row: a blank row, not a missing campaign id.
    const db = await build(withCampaigns([...campaignsCsv, ",,,,"], [...contactsCsv, ",,,"]), "campaigns");
    expect(
      await queryRows(
        db,
        "SELECT campaign_id, campaign_name, CAST(sent_date AS VARCHAR) AS sent, window_days FROM out_campaigns ORDER BY campaign_id"
      )
    ).toEqual([
      {campaign_id: "SPRING", campaign_name: "Spring sale", sent: "2024-12-02", window_days: 14},
      // No window in the file: the config's.
      {campaign_id: "XMAS", campaign_name: "Christmas", sent: "2024-12-05", window_days: 21}
    ]);
    expect(
      await queryRows(
        db,
        "SELECT campaign_id, customer_key, grp, sent, redeemed FROM out_campaign_contacts ORDER BY campaign_id, customer_key"
      )
    ).toEqual(
      [
        {campaign_id: "SPRING", customer_key: pseudonym("17850"), grp: "treatment", sent: true, redeemed: true},
        {campaign_id: "SPRING", customer_key: pseudonym("17853"), grp: "holdout", sent: false, redeemed: false},
        {campaign_id: "XMAS", customer_key: pseudonym("14527"), grp: "holdout", sent: false, redeemed: false}
      ].sort((a, b) => a.campaign_id.localeCompare(b.campaign_id) || a.customer_key.localeCompare(b.customer_key))
    );
    const quality = await queryRows(
      db,
      "SELECT source, outcome, reason, column_name AS column, rows::INTEGER AS rows FROM quality WHERE source IN ('campaigns', 'contacts') ORDER BY ALL"
    );
    expect(quality).toEqual([
      {source: "campaigns", outcome: "accepted", reason: null, column: null, rows: 2},
      {source: "campaigns", outcome: "classified", reason: "duplicate", column: null, rows: 1},
      {
        source: "campaigns",
        outcome: "rejected",
        reason: "ambiguous date (day and month order unknown: set dateFormat)",
        column: "sent_date",
        rows: 1
      },
      {source: "campaigns", outcome: "rejected", reason: REASON.blankRow, column: "campaign_id", rows: 1},
      {source: "campaigns", outcome: "rejected", reason: "missing campaign id", column: "campaign_id", rows: 1},
      {
        source: "campaigns",
        outcome: "rejected",
        reason: "unreadable response window (a whole number of days, 1 to 365)",
        column: "window_days",
        rows: 1
      },
      {source: "contacts", outcome: "accepted", reason: null, column: null, rows: 3},
      {source: "contacts", outcome: "classified", reason: "duplicate", column: null, rows: 1},
      {source: "contacts", outcome: "rejected", reason: REASON.blankRow, column: "campaign_id", rows: 1},
      {
        source: "contacts",
        outcome: "rejected",
        reason: "contact of a campaign not in the campaign list",
        column: "campaign_id",
        rows: 2
      },
      {
        source: "contacts",
        outcome: "rejected",
        reason: "group is neither treatment nor holdout (set groups in the mapping)",
        column: "group",
        rows: 1
      },
      {source: "contacts", outcome: "rejected", reason: "missing customer id", column: "customer_id", rows: 1},
      {source: "contacts", outcome: "rejected", reason: "unreadable yes/no flag", column: "redeemed", rows: 1}
    ]);
  });

  test("contact lists in a folder, one per campaign, read as one list: a repeat across files is a duplicate; each file keeps its lines", async () => {
    const dir = join(files.dir, "contacts");
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(dir, {recursive: true});
    const header = contactsCsv[0];
    writeFileSync(join(dir, "spring.csv"), `${header}\nSPRING,17850,Treatment,yes\nSPRING,17853,control,\n`);
    writeFileSync(
      join(dir, "xmas.csv"),
      `${header}\nXMAS,14527,holdout,no\nNOPE,17850,treatment,no\nSPRING,17853,control,\n`
    );
    const config = withCampaigns(campaignsCsv, contactsCsv);
    if (config.source.type === "files") config.source.contacts = {...config.source.contacts!, path: dir};
    const db = await build(config, "contacts-folder");
    expect(
      await queryRows(db, "SELECT campaign_id, customer_key, grp FROM out_campaign_contacts ORDER BY campaign_id, grp")
    ).toEqual([
      {campaign_id: "SPRING", customer_key: pseudonym("17853"), grp: "holdout"},
      {campaign_id: "SPRING", customer_key: pseudonym("17850"), grp: "treatment"},
      {campaign_id: "XMAS", customer_key: pseudonym("14527"), grp: "holdout"}
    ]);
    expect(await qualityByFile(db, "contacts")).toEqual([
      {file: "spring.csv", outcome: "accepted", reason: null, rows: 2},
      {file: "xmas.csv", outcome: "accepted", reason: null, rows: 1},
      {file: "xmas.csv", outcome: "classified", reason: REASON.duplicate, rows: 1},
      {file: "xmas.csv", outcome: "rejected", reason: REASON.unknownCampaign, rows: 1}
    ]);
    const rejected = readFileSync(join(".workbench", "files", "rejects", "contacts-xmas.csv.rejected.csv"), "utf-8");
    expect(rejected.trim().split("\n")[1]).toMatch(/^3,campaign_id,/);
  });

  test("a contact list with a byte its encoding cannot hold: that row rejected as undecodable, in its group column too", async () => {
    const config = withCampaigns(campaignsCsv, contactsCsv);
    const path = input(
      "contacts-bytes.csv",
      `${contactsCsv[0]}\nSPRING,17850,Treatment,yes\nSPRING,17853,`,
      Buffer.from([0xff]),
      "control,\n"
    );
    if (config.source.type === "files") config.source.contacts = {...config.source.contacts!, path};
    const db = await build(config, "contacts-bytes");
    expect(await qualityByFile(db, "contacts")).toEqual([
      {file: "contacts-bytes.csv", outcome: "accepted", reason: null, rows: 1},
      {file: "contacts-bytes.csv", outcome: "rejected", reason: REASON.undecodable, rows: 1}
    ]);
    expect(rejectedAt("contacts-contacts-bytes.csv.rejected.csv")).toEqual(["3,group"]);
  });

  test("a contact list without a campaign list stops the build with a clear error", async () => {
    const config = withCampaigns(campaignsCsv, contactsCsv);
    if (config.source.type === "files") config.source.campaigns = undefined;
    await expect(build(config, "contacts-only")).rejects.toThrow(/maps contacts but not campaigns/);
  });
});
