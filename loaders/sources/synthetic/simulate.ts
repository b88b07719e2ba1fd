/**
 * The sample's customers, simulated one at a time with the buy-till-you-die processes the
 * CLV literature fits (Fader, Hardie & Lee 2005), so our models can be checked against truth:
 *
 * - purchases: Poisson with a per-customer rate λ ~ Gamma(r, α) (per ordinary day), thinned by
 *   the retail calendar's seasonality (promotion-driven customers buy almost only in promotions);
 * - drop-out: after each purchase the customer leaves for good with probability p ~ Beta(a, b);
 *   a complaint raises p by complaintDropout;
 * - spend: order value ~ Gamma(shapeP, ν) with ν ~ Gamma(q, γ) per customer (gamma-gamma);
 * - campaigns: eligible customers are split at random into treatment and holdout; a treated
 *   customer makes an extra purchase in the window with probability trueUplift.
 */
import {randomBeta, randomExponential, randomGamma, randomLcg, randomNormal, randomPoisson} from "d3-random";
import {MAX_SEASONALITY, isPromotion, seasonality} from "./calendar.js";
import {ONLINE_STORE, PHYSICAL_STORES, type Store} from "./stores.js";

/** The generator's true parameters, published in the sample's metadata. */
export const TRUE_PARAMETERS = {
  prospectShare: 0.15,
  promoShare: 0.2,
  onlineShare: 0.3,
  regular: {r: 0.9, alpha: 54, a: 0.8, b: 4, p: 6, q: 4, gamma: 225, discountShare: 0.25},
  promo: {r: 0.6, alpha: 40, a: 1, b: 3, p: 4, q: 4, gamma: 110, discountShare: 0.9},
  complaintRate: 0.03,
  complaintDropout: 0.3,
  praiseRate: 0.05,
  returnRate: 0.05,
  cancelRate: 0.01,
  walkInPerStoreSale: 0.33
};

export interface Campaign {
  campaign_id: string;
  campaign_name: string;
  sent_day: number;
  offer: string;
  window_days: number;
  holdout_share: number;
  trueUplift: number;
  /** Who may be contacted, judged on the customer's purchases before the send day. */
  eligible: (c: {consent: boolean | null; optOutDay: number | null; purchases: number[]}, day: number) => boolean;
}

export interface SimCustomer {
  index: number;
  signupDay: number;
  birthYear: number;
  gender: "F" | "M" | "U";
  home: Store;
  region: string;
  city: string;
  channel: "store" | "online";
  consent: boolean | null;
  optOutDay: number | null;
  /** Whether the customer dropped out (left for good) before the end of the data: the truth churn models are scored on. */
  droppedOut: boolean;
}

export interface SimOrder {
  day: number;
  minute: number; // local minutes after midnight
  store: Store;
  gross: number; // cents
  discount: number; // cents
  items: number;
  kind: "sale" | "return" | "cancellation";
  customer: boolean; // false: a walk-in sale without customer id
}

/** Everything the simulation emits; the source wires it to DuckDB. */
export interface SimSink {
  customer(c: SimCustomer, tier: string, points: number): void;
  order(c: SimCustomer | null, o: SimOrder): void;
  feedback(c: SimCustomer, day: number, kind: "complaint" | "praise", score: number): void;
  contact(c: SimCustomer, campaign: Campaign, group: "treatment" | "holdout", redeemed: boolean): void;
}

/**
 * Simulates `count` customers between two day numbers, deterministically from `seed`.
 * `intensity` k > 1 makes customers buy k times as often and drop out k times less often (for
 * benchmark sizes: k = 3 gives about 10 orders per customer); only k = 1 follows
 * TRUE_PARAMETERS exactly.
 */
export function simulate(
  count: number,
  seed: number,
  startDay: number,
  endDay: number,
  campaigns: Campaign[],
  sink: SimSink,
  intensity = 1
): void {
  const source = randomLcg(seed);
  const u = () => source();
  const normal = randomNormal.source(source);
  const gamma = randomGamma.source(source);
  const beta = randomBeta.source(source);
  const expo = randomExponential.source(source);
  const poisson = randomPoisson.source(source);
  const P = TRUE_PARAMETERS;
  const storeWeights = PHYSICAL_STORES.map((s) => s.weight);
  const totalWeight = storeWeights.reduce((a, b) => a + b, 0);
  const pickStore = (): Store => {
    let x = u() * totalWeight;
    for (const s of PHYSICAL_STORES) if ((x -= s.weight) < 0) return s;
    return PHYSICAL_STORES[PHYSICAL_STORES.length - 1];
  };
  const span = endDay - startDay;

  for (let index = 0; index < count; index++) {
    const online = u() < P.onlineShare;
    const home = online ? ONLINE_STORE : pickStore();
    const place = online ? pickStore() : home; // where an online customer lives
    const signupDay = startDay + Math.floor(Math.sqrt(u()) * span); // the base grows over time
    const c: SimCustomer = {
      index,
      signupDay,
      birthYear: 2026 - Math.round(Math.min(75, Math.max(16, normal(34, 10)()))),
      gender: ((x) => (x < 0.62 ? "F" : x < 0.97 ? "M" : "U"))(u()),
      home,
      region: place.region,
      city: place.city,
      channel: online ? "online" : "store",
      consent: ((x) => (x < 0.7 ? true : x < 0.95 ? false : null))(u()),
      optOutDay: null,
      droppedOut: false
    };
    if (c.consent && u() < 0.1) c.optOutDay = signupDay + Math.floor(u() * (endDay - signupDay + 1));

    const type = u() < P.prospectShare ? "prospect" : u() < P.promoShare / (1 - P.prospectShare) ? "promo" : "regular";
    const m = type === "promo" ? P.promo : P.regular;
    const lambda = gamma(m.r, 1 / m.alpha)() * intensity;
    let dropout = beta(m.a, m.b)() / intensity;
    const nu = gamma(m.q, 1 / m.gamma)();
    const ageLift = c.birthYear <= 2001 && c.birthYear >= 1982 ? 1.15 : 0.9;

    // Purchase days: first purchase at signup in a store, after a delay online; then a
    // thinned Poisson process until drop-out or the end of the data.
    const days: number[] = [];
    const complaints = new Set<number>(); // purchase days followed by a complaint
    if (type !== "prospect") {
      let day = online ? signupDay + Math.floor(expo(1 / 15)()) : signupDay;
      let alive = true;
      while (alive && day <= endDay) {
        days.push(day);
        if (u() < P.complaintRate) {
          complaints.add(day);
          dropout = Math.min(1, dropout + P.complaintDropout);
        }
        if (u() < dropout) {
          alive = false;
          c.droppedOut = true;
        }
        let next = day;
        for (;;) {
          next += Math.max(1, Math.ceil(expo(lambda * MAX_SEASONALITY)()));
          if (next > endDay) break;
          const accept = (seasonality(next) / MAX_SEASONALITY) * (type === "promo" && !isPromotion(next) ? 0.15 : 1);
          if (u() < accept) break;
        }
        day = next;
      }
    }

    // Campaigns, in send order: the random split, then a treated customer's extra purchase.
    const redeemedDays = new Set<number>();
    for (const campaign of campaigns) {
      if (!campaign.eligible({consent: c.consent, optOutDay: c.optOutDay, purchases: days}, campaign.sent_day))
        continue;
      const group = u() < campaign.holdout_share ? "holdout" : "treatment";
      const responds = group === "treatment" && u() < campaign.trueUplift;
      if (responds) {
        const day = campaign.sent_day + 1 + Math.floor(u() * campaign.window_days);
        if (day <= endDay) {
          days.push(day);
          days.sort((a, b) => a - b);
          redeemedDays.add(day);
        }
      }
      sink.contact(c, campaign, group, responds);
    }

    let spend = 0;
    for (const day of days) {
      const store = online ? (u() < 0.05 ? place : ONLINE_STORE) : u() < 0.15 ? ONLINE_STORE : home;
      const gross = Math.max(100, Math.round(gamma(m.p, 1 / nu)() * ageLift * 100));
      const discounted =
        redeemedDays.has(day) || (isPromotion(day) && u() < m.discountShare / 0.6) || u() < m.discountShare * 0.25;
      const discount = discounted ? Math.round(gross * (type === "promo" ? 0.3 + 0.2 * u() : 0.1 + 0.2 * u())) : 0;
      const order: SimOrder = {
        day,
        minute: 600 + Math.floor(u() * 660),
        store,
        gross,
        discount,
        items: 1 + poisson(1.3)(),
        kind: "sale",
        customer: true
      };
      if (u() < P.cancelRate) {
        sink.order(c, {...order, kind: "cancellation"});
        continue;
      }
      sink.order(c, order);
      spend += gross - discount;
      if (u() < P.returnRate) {
        const share = 0.3 + 0.7 * u();
        const back = Math.min(endDay, day + 3 + Math.floor(u() * 18));
        sink.order(c, {
          ...order,
          day: back,
          gross: -Math.round(gross * share),
          discount: -Math.round(discount * share),
          items: -1,
          kind: "return"
        });
        spend -= Math.round((gross - discount) * share);
      }
      if (complaints.has(day)) {
        sink.feedback(c, Math.min(endDay, day + 1 + Math.floor(u() * 7)), "complaint", 1 + Math.floor(u() * 2));
      } else if (u() < P.praiseRate) {
        sink.feedback(c, Math.min(endDay, day + 1 + Math.floor(u() * 7)), "praise", 5);
      }
      if (store.channel === "store" && u() < P.walkInPerStoreSale) {
        const walkIn = Math.max(100, Math.round(gamma(6, 1 / (4 / 225))() * 100));
        sink.order(null, {
          day,
          minute: 600 + Math.floor(u() * 660),
          store,
          gross: walkIn,
          discount: 0,
          items: 1,
          kind: "sale",
          customer: false
        });
      }
    }
    const yuan = spend / 100;
    const tier =
      days.length === 0 ? "Basic" : yuan < 1500 ? "Basic" : yuan < 5000 ? "Silver" : yuan < 15000 ? "Gold" : "Platinum";
    sink.customer(c, tier, Math.max(0, Math.floor(yuan * (1 - 0.6 * u()))));
  }
}
