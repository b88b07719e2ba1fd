/** The sample chain's stores: 30 shops in six provinces across three city tiers, plus online. */

export interface Store {
  store_id: string;
  store_name: string;
  region: string;
  city: string;
  city_tier: number | null;
  channel: "store" | "online";
  /** Relative size: how many of the chain's store customers call it home. */
  weight: number;
}

// [province, city, tier, number of stores]
const CITIES: [string, string, number, number][] = [
  ["Shanghai", "Shanghai", 1, 4],
  ["Beijing", "Beijing", 1, 3],
  ["Guangdong", "Guangzhou", 1, 3],
  ["Guangdong", "Shenzhen", 1, 2],
  ["Guangdong", "Dongguan", 2, 1],
  ["Zhejiang", "Hangzhou", 2, 3],
  ["Zhejiang", "Ningbo", 2, 1],
  ["Zhejiang", "Wenzhou", 3, 1],
  ["Jiangsu", "Nanjing", 2, 2],
  ["Jiangsu", "Suzhou", 2, 2],
  ["Jiangsu", "Wuxi", 3, 1],
  ["Sichuan", "Chengdu", 2, 3],
  ["Sichuan", "Mianyang", 3, 1],
  ["Hubei", "Wuhan", 2, 2],
  ["Hubei", "Yichang", 3, 1]
];

/** The online shop: its customers live anywhere, so it has no city of its own. */
export const ONLINE_STORE: Store = {
  store_id: "ONLINE",
  store_name: "Online shop",
  region: "Online",
  city: "Online",
  city_tier: null,
  channel: "online",
  weight: 0
};

/** All physical stores, in a fixed order (ids S01..S30). */
export const PHYSICAL_STORES: Store[] = CITIES.flatMap(([region, city, tier, count]) =>
  Array.from({length: count}, (_, i) => ({region, city, tier, i}))
).map(({region, city, tier, i}, n) => ({
  store_id: `S${String(n + 1).padStart(2, "0")}`,
  store_name: `${city} ${i + 1}`,
  region,
  city,
  city_tier: tier,
  channel: "store" as const,
  weight: tier === 1 ? 3 : tier === 2 ? 2 : 1
}));

export const ALL_STORES: Store[] = [...PHYSICAL_STORES, ONLINE_STORE];
