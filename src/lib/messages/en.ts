/**
 * Every string the site shows, in English. zh-CN.ts has the same shape (the type checker and a
 * test fail on a missing key). Strings with `**bold**` or `code` are rendered by rich().
 */
export const en = {
  common: {
    customers: "Customers",
    buyers: "Buyers",
    revenue: "Revenue",
    netRevenue: "Net revenue",
    customerShare: "share of customers",
    revenueShare: "share of revenue",
    segment: "Segment",
    group: "Group",
    filters: "Filters",
    breakDownBy: "Break down by",
    ruleSet: "Rule set",
    asOf: "As of",
    from: "From",
    to: "To",
    before: "Before",
    after: "After",
    noCustomers: "No customers match.",
    noRows: "No rows were read.",
    notInPopulation: "(not in population)",
    noRule: "(no rule)",
    download: "Download CSV",
    exportOf: (name: string, n: string) => `Export ${name} (${n} customers)`
  },
  attributes: {
    region: "Region",
    city_tier: "City tier",
    home_store: "Home store",
    first_store: "First store",
    channel: "Channel",
    tier: "Member tier",
    age_band: "Age band",
    gender: "Gender",
    city: "City",
    segment: "Segment",
    store: "Store"
  },
  values: {
    gender: {F: "Female", M: "Male", U: "Unknown"} as Record<string, string>,
    channel: {store: "Store", online: "Online", unknown: "Unknown"} as Record<string, string>,
    unknown: "unknown"
  },
  missing: {
    title: "What this data lacks",
    text: (names: string) =>
      `The source has no ${names}: the filters, breakdowns and cross-tabs that would only show "unknown" are hidden.`
  },
  ruleSets: {
    "Standard RFM segments": "Standard RFM segments",
    "Clothing-store four types": "Clothing-store four types"
  } as Record<string, string>,
  segments: {
    Champions: "Champions",
    Loyal: "Loyal",
    "Potential Loyalist": "Potential Loyalist",
    New: "New",
    Promising: "Promising",
    "Need Attention": "Need Attention",
    "About to Sleep": "About to Sleep",
    "Can't Lose": "Can't Lose",
    "At Risk": "At Risk",
    Hibernating: "Hibernating",
    Lost: "Lost",
    loyal: "loyal",
    potential: "potential",
    drifting: "drifting",
    churned: "churned"
  } as Record<string, string>,
  playbooks: {
    Champions: "Reward them: early access, VIP events; ask for reviews and referrals.",
    Loyal: "Upsell higher-value lines; loyalty-tier perks.",
    "Potential Loyalist": "Membership benefits and personalised recommendations to build frequency.",
    New: "Onboarding: welcome series, second-purchase incentive.",
    Promising: "Build the habit: new-arrival alerts, small time-limited offer.",
    "Need Attention": "Limited-time offers based on past purchases; reactivate before they slip.",
    "About to Sleep": "Share popular items and a modest discount; reconnect.",
    "Can't Lose": "Win them back personally: best-customer offer, ask what went wrong.",
    "At Risk": "Personalised win-back with a strong offer and new products.",
    Hibernating: "Low-cost reactivation only; suppress from expensive channels.",
    Lost: "Last-chance campaign, then stop spending on them.",
    loyal: "Frequent, high spend, recent: keep them close (tier perks, early access, personal service).",
    potential: "Registered or one purchase, recent: convert with a welcome offer and a second-purchase incentive.",
    drifting: "Occasional, low spend, promotion-driven: time offers to their windows, bundle to lift basket size.",
    churned: "Over a year without a purchase: one win-back attempt with holdout, then suppress."
  } as Record<string, string>,
  stages: {
    Prospect: "Prospect",
    "First purchase": "First purchase",
    Repeat: "Repeat",
    "High value": "High value",
    "At risk": "At risk",
    Churned: "Churned",
    "(not yet a customer)": "(not yet a customer)"
  } as Record<string, string>,
  states: {new: "new", returning: "returning", resurrecting: "resurrecting", dormant: "dormant"} as Record<
    string,
    string
  >,
  charts: {
    customersAxis: "Customers →",
    shareAxis: "Share →",
    rowsAxis: "Rows →",
    lifecycleY: "↑ Customers (dormant below zero)",
    lorenzX: "Share of customers (largest spenders first) →",
    lorenzY: "↑ Share of revenue",
    ltvY: "↑ Cumulative revenue per customer",
    frequencyScore: "Frequency score →",
    recencyScore: "↑ Recency score",
    meanMonetary: "Mean monetary",
    revenuePerCustomer: "Revenue per customer",
    customerRetention: "Customer retention",
    revenueRetention: "Revenue retention",
    allCohorts: "All cohorts",
    lorenzMarker: (x: string, y: string) => `top ${x} → ${y}`,
    gini: (g: string) => `Gini ${g}`,
    lorenzTip: (x: string, y: string) => `top ${x} of customers bring ${y} of revenue`,
    dataStart: "* first month of data: customers already active before it start here",
    partial: "dashed: partial month",
    cohortTip: (cohort: string, period: number) => `${cohort}, period ${period}`,
    customersTip: (active: string, members: string, share: string) => `${active} of ${members} customers (${share})`,
    revenueTip: (revenue: string, share: string) => `revenue ${revenue}${share ? ` (${share} of period 0)` : ""}`,
    ltvTip: (ltv: string) => `LTV ${ltv}`,
    kpis: {
      active: "Active customers",
      new: "New customers",
      repeat_rate: "Repeat purchase rate",
      retention_rate: "Retention rate",
      aov: "Average order value",
      frequency: "Purchase frequency (orders per active customer)"
    } as Record<string, string>
  },
  outcomes: {accepted: "accepted", classified: "classified", rejected: "rejected"} as Record<string, string>,
  kinds: {sale: "sale", return: "return", cancellation: "cancellation", adjustment: "adjustment"} as Record<
    string,
    string
  >,
  overview: {
    title: "Customer overview",
    meta: (asOf: string, source: string, built: string) => `As of ${asOf} · source: ${source} · built ${built} UTC`,
    customers: "Customers",
    buyers: "Buyers",
    repeatBuyers: "Repeat buyers",
    customerSales: "Customer sales",
    returnsOnly: (n: string, amount: string) =>
      `Includes ${amount} of returns by customers who made no purchase (${n}); the breakdown below leaves them out.`,
    noBreakdown:
      "The data has no customer attribute (region, channel, tier, age, gender, store) to break buyers and revenue down by.",
    shareBy: (dimension: string) => `Share of buyers and of revenue by ${dimension}`
  },
  rfm: {
    title: "RFM explorer",
    intro: (asOf: string) =>
      `Recency, frequency and monetary value of every buyer as of the chosen date, scored 1–5 or 1–3 by quantiles (customers with equal values always share a score; ties take the lower one) or by your own thresholds, then named by a rule set. Data as of ${asOf}.`,
    scoring: "Scoring",
    quantile: "Quantile scores",
    thresholds: "Custom thresholds",
    scale: "Scale",
    recencyCuts: "Recency cuts (days)",
    frequencyCuts: "Frequency cuts (orders)",
    monetaryCuts: (symbol: string) => `Monetary cuts (${symbol})`,
    thresholdError: (errors: string) => `${errors} — showing quantile scores until fixed.`,
    /** A threshold message (src/lib/thresholds.ts), in the reader's language. */
    thresholdMessage: (message: string) => message,
    colourBy: "Colour by",
    meanMonetary: "Mean monetary",
    grid: (n: string) => `R × F grid (${n} buyers)`,
    clickHint: "Click a cell to list its customers under “Drill down”.",
    shares: (set: string) => `${set}: share of customers and revenue`,
    drillDown: "Drill down",
    largest: (shown: string, total: string) => `The ${shown} largest spenders of ${total} are listed below.`,
    pseudonyms:
      "Customer keys are pseudonyms: the same key in every build with the same secret, no name or contact detail behind it on this site.",
    columns: {
      group: "segment",
      customers: "customers",
      orders: "orders",
      revenue_cents: "revenue",
      aov_cents: "AOV",
      mean_recency_days: "mean recency (days)",
      mean_frequency: "mean orders",
      customer_share: "share of customers",
      revenue_share: "share of revenue",
      playbook: "playbook"
    } as Record<string, string>
  },
  rulesLab: {
    title: "Rules lab",
    intro: (columns: string, asOf: string, highValue: string) =>
      `Edit the rules and see at once what they do: segment sizes, rules that match nobody or can never be reached, customers no rule takes, and how customers and revenue move from the baseline rule set. One rule per line, \`Segment name: condition\`; the first rule that matches names the segment (names may be in any language). Columns: ${columns}; \`high_value\` is the site's high-value revenue, ${highValue}. Scores are 1–5 quantiles as of ${asOf}.`,
    baseline: "Baseline",
    population: "Customers",
    buyers: "buyers",
    everyone: "everyone",
    rules: "Rules",
    errors: (n: number) => `${n} error${n > 1 ? "s" : ""} — showing the last rules that worked`,
    ok: (n: number) => `✓ ${n} rules, no errors.`,
    at: (line: number, column: number) => `line ${line}${column ? `, column ${column}` : ""}`,
    segments: (n: string) => `Segments (${n} customers`,
    unmatched: (n: string) => `${n} matched by no rule`,
    migration: (baseline: string) => `From ${baseline} (rows) to the edited rules (columns)`,
    edited: "Edited",
    problem: (problem: string) => problem,
    /** A rule error (src/lib/rules.ts and lab.ts write them in English), in the reader's language. */
    error: (message: string) => message,
    copy: "Copy rules",
    copied: "Copied ✓",
    columns: {
      rule: "rule",
      line: "line",
      matches: "condition true for",
      named: "first match for",
      revenue: "revenue",
      share: "share",
      problem: "problem"
    } as Record<string, string>
  },
  migration: {
    title: "Segment migration",
    intro:
      "Each customer's segment at two dates, with the same rule set and 1–5 quantile scores at each date: who moved from Loyal to At Risk, and how much revenue they carry (revenue up to the later date).",
    compared: "Customers compared",
    moved: "Changed segment",
    movedRevenue: "Their revenue",
    dates: "Dates",
    matrix: (before: string, after: string) => `From (rows, ${before}) to (columns, ${after})`,
    flows: "Flows between segments (grey: stayed)"
  },
  cohorts: {
    title: "Cohorts",
    intro: (asOf: string) =>
      `Customers grouped by the month (or quarter) of their **first purchase**; each column is a period after it. **Customer retention** is the share of the cohort that bought in that period (*recurring*) or in that period or any later one (*on or after*). **Revenue retention** is the cohort's net revenue in the period divided by its net revenue in its first period — money, not headcount; credits and returns count in the period they happen, so it can fall below zero. The **All cohorts** row pools every cohort that has reached the period. The first cohort also holds the customers already active before the data starts; the last column of each cohort is the as-of month (${asOf}), which may be partial.`,
    cohortBy: "Cohort by",
    month: "Month",
    quarter: "Quarter",
    retention: "Retention",
    recurring: "Recurring",
    onOrAfter: "On or after",
    members: "Customers in these cohorts",
    retention1: "Retention, period 1",
    revenueRetention1: "Revenue retention, period 1",
    ltv0: "Revenue per customer, period 0",
    customerRetentionTitle: "Customer retention (%)",
    revenueRetentionTitle: "Revenue retention (% of the first period's revenue)",
    ltvTitle: "Cumulative revenue per customer (LTV curves)",
    periodLabel: (grain: string) =>
      grain === "month" ? "Months since first purchase" : "Quarters since first purchase",
    columns: {
      period: "period",
      members: "cohort customers",
      active: "bought",
      retention: "retention",
      revenue_cents: "revenue",
      revenue_retention: "revenue retention",
      ltv_cents: "LTV"
    } as Record<string, string>
  },
  lifecycle: {
    title: "Lifecycle & trends",
    intro:
      "A customer is **active** in a month in which they bought. Each month, active customers are **new** (their first purchase month), **returning** (also active the month before) or **resurrecting** (not active the month before, but at some earlier month); **dormant** customers were active the month before and not this month, drawn below zero. So last month's active customers = this month's returning + dormant.",
    activeIn: (month: string) => `Active in ${month}`,
    newCustomers: "New",
    returning: "Returning + resurrecting",
    dormant: "Dormant",
    byState: "Customers by lifecycle state, per month",
    kpiTitle: "KPI trends",
    kpiIntro:
      "**Active customers**: bought in the month. **New customers**: first purchase in the month. **Repeat purchase rate**: share of the month's active customers who had bought before. **Retention rate**: share of last month's active customers active again (returning ÷ (returning + dormant)). **Average order value**: net revenue (returns and credits deducted) ÷ orders. **Purchase frequency**: orders ÷ active customers.",
    stagesTitle: "Lifecycle stages",
    stagesIntro:
      "Every customer known by the date (signed up or bought by then) is in one stage, tested in this order: **prospect** (no purchase yet), **churned** (no purchase for more than the churn threshold), **at risk** (more than the at-risk threshold), **high value** (net revenue to date at least the threshold), **repeat** (two orders or more), **first purchase** (one order).",
    atRiskAfter: "At risk after (days)",
    churnedAfter: "Churned after (days)",
    highValueFrom: (symbol: string) => `High value from (${symbol})`,
    churnWarning: (days: number) => `Churned must come after at risk: using ${days} days.`,
    perStage: (date: string) => `Customers per stage on ${date}`,
    conversionTo: (date: string) => `Conversion to ${date}`,
    prospectToFirst: "Prospect → first purchase",
    ofRegistered: (a: string, b: string) => `${a} of ${b} registered customers`,
    medianFromSignup: (days: string) => `median ${days} days from signup`,
    firstToSecond: "First → second purchase",
    ofBuyers: (a: string, b: string) => `${a} of ${b} buyers`,
    medianAfterFirst: (days: string) => `median ${days} days after the first`,
    conversionNote:
      "Customers who joined or first bought recently have had less time to convert. Customers without a signup date are not in the first rate.",
    flowsTitle: "Stage flows",
    flowsFromTo: (a: string, b: string) => `From ${a} to ${b}`,
    moving: "Customers moving between stages",
    stageOn: (date: string) => `Stage on ${date}`
  },
  value: {
    title: "Value contribution",
    intro: (asOf: string) =>
      `Where the revenue comes from. Buyers are sorted from the largest net revenue down (returns and credits deducted; a buyer whose credits exceed their purchases counts as zero); the curve shows the share of revenue the top share of buyers brings. The **Gini coefficient** is 0 when every buyer spends the same and approaches 1 when one buyer brings everything. Data as of ${asOf}.`,
    topPercent: "Top % of buyers",
    topBring: (p: number) => `Top ${p}% of buyers bring`,
    nBuyers: (n: string) => `${n} buyers`,
    gini: "Gini coefficient",
    clipped: (n: string, zero: string) => `${n} buyers with net credits count as ${zero}`,
    lorenz: "Pareto (Lorenz) curve of revenue over buyers",
    byGroup: "Contribution by group",
    byGroupIntro: (set: string, asOf: string) =>
      `Each group's share of buyers beside its share of revenue (all buyers, no filter). Segments are the rule set “${set}” as of ${asOf}.`,
    shareBy: (dimension: string) => `Share of buyers and of revenue by ${dimension}`
  },
  demographics: {
    title: "Demographics & stores",
    intro: (small: number, asOf: string) =>
      `Who the customers are, where they live and shop, and how their segments differ. Each cell shows its customers, net revenue per customer (shading) and segment mix (bar); cells with fewer than ${small} customers show their count only. Segments as of ${asOf}, 1–5 quantile scores.`,
    segments: "Segments",
    ageGender: (n: string) => `Age band × gender (${n} customers)`,
    regionTier: "Region × city tier",
    nothing:
      "This data records no age, gender, region with city tier, nor home store for its customers: there is nothing to cross-tabulate. The overview lists the attributes the data lacks.",
    storesTitle: "Store comparison",
    storesIntro:
      "Per home store: customers, buyers, net revenue, revenue per buyer, the share of buyers with two orders or more, and average order value.",
    columns: {
      store: "store",
      customers: "customers",
      buyers: "buyers",
      revenue_cents: "revenue",
      revenue_per_buyer_cents: "revenue per buyer",
      repeat_rate: "repeat rate",
      aov_cents: "AOV"
    } as Record<string, string>,
    perCustomer: " each",
    cellCustomers: (n: string) => `${n} customers`,
    fewCustomers: (k: number) => `< ${k} customers`
  },
  models: {
    diagnostics: {
      too_few_repeaters: (v: Record<string, number>) =>
        `Only ${v.repeaters} repeat buyers (at least ${v.minimum} are needed): no model is fitted. Expected purchases are each buyer's own past rate carried forward, spend is their own average, and there is no P(alive).`,
      bgnbd_not_converged: () =>
        "The purchase model (BG/NBD) did not converge: expected purchases fall back to each buyer's own past rate, and there is no P(alive).",
      bgnbd_extreme: (v: Record<string, number>) =>
        `The purchase model's parameters ran to an extreme (r ${v.r.toPrecision(3)}, α ${v.alpha.toPrecision(3)}, b ${v.b.toPrecision(3)}): the data cannot pin it down. Expected purchases fall back to each buyer's own past rate, and there is no P(alive).`,
      no_dropout: (v: Record<string, number>) =>
        `The purchase model sees almost no one leave (mean drop-out chance per purchase ${(100 * v.dropout).toPrecision(2)} %): P(alive) would be near 1 for everyone, so it is not shown; the churn page relies on the overdue rule.`,
      gg_not_converged: () =>
        "The spend model (Gamma-Gamma) did not converge: expected spend is each buyer's own average.",
      gg_unbounded_mean: (v: Record<string, number>) =>
        `The spend model's q is ${v.q.toPrecision(3)} (≤ 1): its mean spend per order would be unbounded. Expected spend is each buyer's own average.`,
      gg_extreme: (v: Record<string, number>) =>
        `The spend model's parameters ran to an extreme (p ${v.p.toPrecision(3)}, q ${v.q.toPrecision(3)}, v ${v.v.toPrecision(3)}). Expected spend is each buyer's own average.`,
      gg_correlation: (v: Record<string, number>) =>
        `Spend per order rises or falls with purchase frequency (correlation ${v.correlation.toFixed(2)}, beyond ±${v.limit}): the spend model assumes they are unrelated. Expected spend is each buyer's own average.`,
      validation_skipped: (v: Record<string, number>) =>
        `The data is shorter than twice the ${v.holdoutWeeks}-week holdout: the models are not validated.`
    } as Record<string, (values: Record<string, number>) => string>,
    allGood:
      "All checks passed: the purchase model converged with parameters in range, and spend per order is unrelated to purchase frequency, as the spend model assumes.",
    methods: {
      purchases: {bgnbd: "BG/NBD model", "own-rate": "own past rate (fallback)"},
      pAlive: {bgnbd: "BG/NBD model", none: "not available"},
      spend: {gammagamma: "Gamma-Gamma model", "own-mean": "own average (fallback)"}
    } as Record<string, Record<string, string>>,
    methodLine: (purchases: string, spend: string) => `Purchases: ${purchases}. Spend: ${spend}.`
  },
  clv: {
    title: "Customer lifetime value",
    intro: (months: number, discount: string, margin: string, asOf: string) =>
      `What each buyer is expected to bring in the next **${months} months**: the purchases the BG/NBD model expects of them, times the spend per purchase the Gamma-Gamma model expects, times a margin of ${margin}, discounted at ${discount} a month. Models fitted on every buyer's purchase days as of ${asOf}. See the README (Predictions) for every number.`,
    buyers: "Buyers",
    totalClv: (months: number) => `CLV, next ${months} months`,
    expected90: "Expected purchases, next 90 days",
    meanClv: "Mean CLV per buyer",
    distribution: "Buyers by CLV",
    band: "CLV band",
    checks: "Model checks",
    validationTitle: "Does the model predict? Calibration and holdout",
    validationIntro: (end: string, weeks: number, n: string) =>
      `Fitted again on the data up to ${end}, the model predicted each of ${n} buyers' purchases in the ${weeks} weeks after; here is the prediction beside what they did, by their repeat purchases before.`,
    validationTotals: (actual: string, predicted: string, naive: string, mae: string, naiveMae: string) =>
      `In total ${predicted} purchases predicted, ${actual} made (a naive "same rate as before" rule: ${naive}). Mean error per buyer ${mae} purchases (naive rule ${naiveMae}).`,
    repeatsBefore: "Repeat purchases in calibration",
    perBuyer: "Holdout purchases per buyer",
    actual: "actual",
    predicted: "predicted",
    noValidation: "No validation: the data is too short or the model could not be fitted.",
    parameters: "Fitted parameters",
    parametersIntro: (symbol: string, sample: boolean) =>
      `Time in days, money in ${symbol}.` +
      (sample
        ? " The built-in sample's true parameters are shown beside them: the sample mixes two customer types, a retail calendar and campaigns, and draws gross order values (the spend model sees net value per purchase day, after discounts), so the fit matches them in kind, not digit for digit."
        : ""),
    parameter: "parameter",
    fitted: "fitted",
    truthRegular: "true (regular)",
    truthPromo: "true (promotion-driven)",
    byGroup: "CLV by group",
    top: "Buyers with the highest CLV",
    columns: {
      group: "group",
      buyers: "buyers",
      clv_cents: "CLV",
      mean_clv_cents: "mean CLV",
      expected_90d: "purchases, 90 days",
      mean_p_alive: "mean P(alive)",
      revenue_cents: "revenue to date",
      customer_key: "customer (pseudonym)",
      segment: "segment",
      clv_percentile: "CLV percentile",
      p_alive: "P(alive)",
      expected_purchases_90d: "purchases, 90 days",
      expected_order_cents: "per purchase",
      orders: "orders",
      recency_days: "days since last"
    } as Record<string, string>
  },
  churn: {
    title: "Churn early warning and win-back",
    intro: (threshold: number, asOf: string) =>
      `Two signals side by side. **The model**: P(alive), the BG/NBD model's probability that a buyer still buys (at risk below ${threshold}). **The rule**: days since the last purchase beyond the buyer's usual gap (their mean interval plus two deviations; twice the typical interval for one-time buyers). As of ${asOf}.`,
    atRiskModel: "At risk by the model",
    atRiskRule: "Overdue by the rule",
    both: "Both signals",
    buyersOf: (n: string) => `of ${n} buyers`,
    noModel: "Without P(alive) (see the model checks on the CLV page) only the rule speaks.",
    noComparison: "Without P(alive) there is no second signal to compare the rule with.",
    disagree: "Where the signals disagree",
    disagreeIntro:
      'The model weighs how often a buyer bought: a frequent buyer silent for a while drops fast, a one-time buyer stays "alive" (P(alive) is 1 until a second purchase). The rule compares with the buyer\'s own rhythm. Buyers flagged by one signal only deserve a look before any campaign.',
    modelSays: "model: at risk",
    modelFine: "model: alive",
    ruleSays: "rule: overdue",
    ruleFine: "rule: on time",
    trend: "At-risk buyers at each month end",
    trendModel: "P(alive) below threshold",
    trendRule: "overdue by the rule",
    valueAtRisk: "Value at risk by group",
    warningTitle: "Early warning: valuable buyers newly at risk",
    warningIntro: (p: number) =>
      `Buyers in the top ${100 - p} % by CLV whose risk crossed its line in the last 30 days, most valuable first, with why and their segment's playbook.`,
    why: {
      overdue: (days: string) => `${days} days overdue`,
      pAlive: (now: string, before: string) => `P(alive) ${before} → ${now}`,
      falling: (now: number, before: number) => `purchases in the last 12 months ${now}, the 12 before ${before}`
    },
    winBackTitle: "Win-back",
    winBackIntro:
      "Lapsed buyers (either signal), ranked by the value of winning them back: a year of purchases at their old pace (expected spend per purchase × 365 ÷ their usual interval).",
    consentNote: (exported: string, refused: string, unknown: string) =>
      `The export holds ${exported} buyers with marketing consent; ${refused} without consent or opted out and ${unknown} with unknown consent are left out.`,
    exportName: "win-back",
    columns: {
      group: "group",
      buyers: "buyers",
      at_risk: "at risk",
      clv_at_risk_cents: "CLV at risk",
      revenue_at_risk_cents: "revenue to date of those at risk",
      customer_key: "customer (pseudonym)",
      segment: "segment",
      clv_cents: "CLV",
      why: "why",
      playbook: "playbook",
      win_back_cents: "win-back value",
      recency_days: "days since last",
      orders: "orders",
      revenue_cents: "revenue to date",
      p_alive: "P(alive)"
    } as Record<string, string>
  },
  clusters: {
    title: "Clusters",
    intro: (sample: string) =>
      `k-means groups buyers by how recently, how often and how much they bought (logarithms, standardized), with no rules given: a second opinion on the segments. Fitted on up to ${sample} buyers with a fixed seed (the same clusters every time), then every buyer is assigned to the nearest centre.`,
    k: "Clusters (k)",
    extra: "Also cluster on",
    extraNames: {tenure: "tenure", discount: "discount share", aov: "average order value"} as Record<string, string>,
    choose: "Choosing k",
    chooseIntro:
      "Inertia (within-cluster spread) always falls as k grows: look for the bend. Silhouette (−1 to 1) is higher when clusters are well apart.",
    inertia: "inertia per buyer",
    silhouette: "silhouette",
    centres: "The clusters in plain words",
    describe: (cluster: number, days: string, orders: string, revenue: string) =>
      `Cluster ${cluster}: typically last bought ${days === "1" ? "1 day" : `${days} days`} ago, ${orders === "1" ? "1 order" : `${orders} orders`}, ${revenue} in total.`,
    versus: (set: string) => `Clusters against the segments of “${set}”`,
    columns: {
      cluster: "cluster",
      customers: "buyers",
      recencyDays: "median days since last",
      orders: "median orders",
      revenue: "median revenue",
      revenueShare: "share of revenue"
    } as Record<string, string>,
    buildTime: (k: number) => `The build's default clustering (k = ${k}); changing an input recomputes in your browser.`
  },
  quality: {
    title: "Data quality",
    meta: (asOf: string, source: string, built: string, seconds: string) =>
      `As of ${asOf} · source: ${source} · ingested ${built} UTC in ${seconds} s`,
    intro:
      "Every input row is **accepted** (a customer's purchase, or a customer on the master list), **classified** (a duplicate, cancellation, credit note, return, adjustment or sale without customer id: counted here, and its amount goes where the table below says) or **rejected** (unreadable: the row's line, column and reason are in the private folder `.workbench/files/rejects/`, never published). Per file, the three add up to the rows read.",
    reconciles: (read: string, accepted: string, classified: string, rejected: string) =>
      `${read} rows read = ${accepted} accepted + ${classified} classified + ${rejected} rejected`,
    readAs: {
      parquet: "Read as Parquet.",
      json: "Read as JSON.",
      csv: (encoding: string, how: string, delimiter: string, header: number, undecodable: string, footer: string) =>
        `Read as CSV: ${encoding} (${how}), ${delimiter}, ${header ? `header on line ${header}` : "no header line (columns named by position)"}${undecodable ? `; ${undecodable} lines not valid in it` : ""}${footer ? `; the last ${footer} lines are not rows (footerLines)` : ""}.`,
      how: {
        "byte-order mark": "by its byte-order mark",
        configured: "set in the mapping",
        "valid UTF-8": "valid throughout",
        "mostly UTF-8": "most lines",
        "mostly GB18030": "most lines",
        "not GB18030": "the other lines look single-byte, not GB18030: set encoding"
      } as Record<string, string>,
      delimiters: {
        ",": "comma-separated",
        ";": "semicolon-separated",
        "\t": "tab-separated",
        "|": "pipe-separated",
        whitespace: "columns aligned with spaces"
      } as Record<string, string>
    },
    ok: "✓",
    notOk: "✗ does not reconcile",
    ordersTitle: "What the orders add up to, and where each amount went",
    ordersIntro:
      "Orders by kind, with and without a customer id, and what their amounts do: sales with a customer are customer revenue; returns and credit notes with a customer are deducted from it (on the day they were issued); sales and returns without a customer id count in sales totals only; cancellations and adjustments are left out. Add the first two to reconcile with the customer revenue the other pages show.",
    accepted: "A customer's purchase (or a customer on the master list).",
    columns: {
      outcome: "outcome",
      reason: "reason",
      column: "column",
      rows: "rows",
      amount_cents: "worth",
      meaning: "meaning",
      kind: "kind",
      with_customer: "customer id",
      orders: "orders",
      net_cents: "net amount",
      effect: "where it went"
    } as Record<string, string>,
    yes: "yes",
    no: "no",
    effects: {
      customerRevenue: "customer revenue",
      deducted: "deducted from customer revenue",
      totalsOnly: "sales totals only",
      deductedTotals: "deducted from sales totals only",
      leftOut: "left out of revenue"
    },
    reasonNames: {
      duplicate: "duplicate",
      cancellation: "cancellation",
      "credit note": "credit note",
      return: "return",
      adjustment: "adjustment",
      "no customer id": "no customer id",
      "missing order id": "missing order id",
      "blank row (every field empty)": "blank row",
      "missing date": "missing date",
      "unreadable date": "unreadable date",
      "ambiguous date (day and month order unknown: set dateFormat)":
        "ambiguous date (day and month order unknown: set dateFormat)",
      "date outside the plausible window": "date outside the plausible window",
      "two-digit year (century unknown: set dateFormat)": "two-digit year (century unknown: set dateFormat)",
      "currency code missing or not the file's currency": "currency code missing or not the file's currency",
      "a spreadsheet day number, not a date (export the column formatted as dates)":
        "a spreadsheet day number, not a date (export the column formatted as dates)",
      "quantity is not a whole number": "quantity is not a whole number",
      "unreadable quantity (more decimals than qtyDecimals, or not a number)":
        "unreadable quantity (more decimals than qtyDecimals, or not a number)",
      "quantity and line total of opposite signs": "quantity and line total of opposite signs",
      "discount larger than what it discounts": "discount larger than what it discounts",
      "quantity out of range": "quantity out of range",
      "missing amount": "missing amount",
      "amount out of range": "amount out of range",
      "amount in another currency": "amount in another currency",
      "more decimals than the mapping allows (amountDecimals, 2 unless set)":
        "more decimals than the mapping allows (amountDecimals, 2 unless set)",
      "amount in exponent notation": "amount in exponent notation",
      'decimal comma (set decimal: "," in the mapping)': 'decimal comma (set decimal: "," in the mapping)',
      "digit grouping not in threes": "digit grouping not in threes",
      "amount is not a number": "amount is not a number",
      "undecodable text (not valid in the file's encoding; set encoding in the mapping if the file has another)":
        "undecodable text (not valid in the file's encoding; set encoding in the mapping if the file has another)",
      "invoice lines name different customers": "invoice lines name different customers",
      "invoice lines fall on different days": "invoice lines fall on different days",
      "order id repeated with different values": "order id repeated with different values",
      "identical to an earlier row (kept: the file has no order ids)":
        "identical to an earlier row (kept: the file has no order ids)",
      "missing customer id": "missing customer id",
      "customer id in exponent notation (digits lost in a spreadsheet)":
        "customer id in exponent notation (digits lost in a spreadsheet)",
      "unreadable opt-out date (counted as no consent)": "unreadable opt-out date (counted as no consent)",
      "unreadable consent (counted as no consent)": "unreadable consent (counted as no consent)",
      "unreadable birth date (age unknown)": "unreadable birth date (age unknown)",
      "unreadable points (left blank)": "unreadable points (left blank)",
      "missing campaign id": "missing campaign id",
      "campaign id repeated with different values": "campaign id repeated with different values",
      "unreadable response window (a whole number of days, 1 to 365)":
        "unreadable response window (a whole number of days, 1 to 365)",
      "contact of a campaign not in the campaign list": "contact of a campaign not in the campaign list",
      "group is neither treatment nor holdout (set groups in the mapping)":
        "group is neither treatment nor holdout (set groups in the mapping)",
      "unreadable yes/no flag": "unreadable yes/no flag"
    } as Record<string, string>,
    reasons: {
      duplicate: "An exact copy of an earlier row (in a master list, an id seen before): counted once.",
      cancellation:
        "A cancelled order whose sale is not in the file (order id with the cancel prefix): left out of revenue.",
      "credit note":
        "A credit note against a sale that stays in the file (order id with the credit prefix): deducted from the customer's revenue on the day it was issued.",
      return: "Goods returned (negative quantity or amount): deducted from revenue.",
      adjustment:
        "A line or order worth nothing to revenue (zero or negative price, zero quantity or amount: a correction, a fee, a write-off): left out of revenue.",
      "no customer id":
        "A sale without a customer id (a walk-in or guest sale): in sales totals, left out of customer tables.",
      "missing order id": "Rejected: the row has no order id.",
      "blank row (every field empty)":
        "Rejected: every field of the line is empty (a line of delimiters alone, as a spreadsheet writes for a row whose cells were cleared). It held nothing to lose.",
      "missing date": "Rejected: the row has no date.",
      "unreadable date": "Rejected: the date is in no known format.",
      "ambiguous date (day and month order unknown: set dateFormat)":
        "Rejected: 03/04/2024 could be March or April; set dateFormat in workbench.config.ts.",
      "two-digit year (century unknown: set dateFormat)":
        'Rejected: 5-Mar-24 does not say its century; set dateFormat in workbench.config.ts (for example "%d-%b-%y").',
      "date outside the plausible window":
        "Rejected: the date is before 1990 or after the build (a typo year would move every page); set dates in the mapping to widen the window.",
      "currency code missing or not the file's currency":
        "Rejected: the row's currency code (the mapped currency_code column) is blank or names another currency than the file's: its amount would be counted in the wrong money.",
      "a spreadsheet day number, not a date (export the column formatted as dates)":
        "Rejected: a number such as 40513.35, which is how a spreadsheet stores a date (days since 1900, or 1904 in old Mac files). Which calendar is not written down, so it is not converted: export the column formatted as dates.",
      "quantity is not a whole number": "Rejected: the quantity is not a whole number.",
      "unreadable quantity (more decimals than qtyDecimals, or not a number)":
        "Rejected: the quantity is not a number with at most the decimals the mapping allows (qtyDecimals).",
      "quantity and line total of opposite signs":
        "Rejected: a line whose quantity and total have opposite signs (−2 items worth 20.00): whether it is a sale or a return cannot be told.",
      "discount larger than what it discounts":
        'Rejected: a line\'s discount is larger than the line (discountPer: "line") or than its unit price (discountPer: "unit"): the line would be worth less than nothing.',
      "quantity out of range": "Rejected: a quantity above a million on one line.",
      "missing amount": "Rejected: the price or amount is blank.",
      "amount out of range": "Rejected: an amount above ten billion: a typo, and sums must stay exact.",
      "amount in another currency":
        "Rejected: the amount carries another currency's mark than the configured currency.",
      "more decimals than the mapping allows (amountDecimals, 2 unless set)":
        "Rejected: more decimals than the mapping allows (0.001 where amountDecimals is 2, the default): reading it would mean rounding it. If the export writes prices to a tenth of a cent, set amountDecimals (up to 4) in the mapping: each line or order is then rounded once, to the cent.",
      "amount in exponent notation": "Rejected: an amount written like 1e15.",
      'decimal comma (set decimal: "," in the mapping)':
        'Rejected: 12,50 uses a decimal comma; set decimal: "," in the mapping if the file does.',
      "digit grouping not in threes":
        "Rejected: separators that are not a thousands grouping (12 50): the number cannot be read for certain.",
      "amount is not a number": "Rejected: the price or amount is not a number.",
      "undecodable text (not valid in the file's encoding; set encoding in the mapping if the file has another)":
        "Rejected: the line's bytes are not valid in the file's encoding (a line from another program): it would be read as garbage. If many rows say this, the whole file is in an encoding that is neither UTF-8 nor GB18030 (Excel on a European Windows writes Windows-1252): name it in the mapping, e.g. encoding: \"windows-1252\".",
      "invoice lines name different customers":
        "Rejected: the lines of one invoice name different customers (or some none): whose purchase it is cannot be told.",
      "invoice lines fall on different days":
        "Rejected: the lines of one invoice fall on different days: its day cannot be told.",
      "order id repeated with different values":
        "Rejected: the same order id on rows that differ: which is right cannot be told.",
      "identical to an earlier row (kept: the file has no order ids)":
        "Accepted: a purchase written exactly like an earlier row. Without order ids a second purchase of the same amount on the same day cannot be told from a copied row, so every row counts as an order.",
      "missing customer id": "Rejected: a master-list row without a customer id.",
      "customer id in exponent notation (digits lost in a spreadsheet)":
        "Rejected: a customer id written like 1.23457E+11, which is how a spreadsheet shows a long number it has rounded: several customers may now share it. Export the id column as text.",
      "unreadable consent (counted as no consent)":
        "Accepted, but the consent value is none of the yes/no words the workbench reads (1/0, y/n, yes/no, true/false, t/f, 是/否): the customer counts as not consenting. Name the list's own words in consentValues in the mapping if these are consents.",
      "unreadable opt-out date (counted as no consent)":
        "Accepted, but the opt-out date could not be read: the customer counts as not consenting to marketing.",
      "unreadable birth date (age unknown)": "Accepted, but the birth date could not be read: age band unknown.",
      "unreadable points (left blank)": "Accepted, but the points could not be read: left blank.",
      "missing campaign id": "A campaign or contact row without a campaign id: rejected.",
      "campaign id repeated with different values":
        "The campaign list names one campaign twice with different details (which send date is right cannot be told): every such row is rejected.",
      "unreadable response window (a whole number of days, 1 to 365)":
        "The response window is not a whole number of days from 1 to 365: the campaign is rejected rather than evaluated over a guessed window.",
      "contact of a campaign not in the campaign list":
        "A contact of a campaign the campaign list does not have (or rejected): rejected, since its send date is unknown.",
      "group is neither treatment nor holdout (set groups in the mapping)":
        "The group value means neither the contacted nor the holdout: rejected. Name your values in the mapping (groups).",
      "unreadable yes/no flag":
        "The sent or redeemed value is neither yes nor no: rejected (a blank redeemed counts as not redeemed)."
    }
  },
  campaigns: {
    title: "Campaign evaluation",
    intro: (asOf: string) =>
      `Each campaign against its random holdout: customers drawn from the same audience and not contacted, whose response is what the contacted would have done anyway. **Response**: a purchase within the campaign's window after the send day. **Uplift**: response of the contacted minus the holdout's, with a 95 % interval (Newcombe's hybrid score interval; relative uplift by Katz's log method; revenue per customer by Welch). Data to ${asOf}.`,
    none: "This data has no campaigns. The files source reads campaign and contact exports (README, Campaign evaluation); the built-in sample has two.",
    window: "Response window",
    ownWindow: "each campaign's own",
    days: (n: number) => `${n} days`,
    upliftTitle: "Response uplift with 95 % intervals",
    upliftAxis: "uplift (percentage points) →",
    truth: "true",
    truthNote: "Rings: the uplift the built-in sample was made with. The interval should contain it 19 times in 20.",
    costsTitle: "Costs and return",
    costsIntro:
      "The cost of a campaign is its contacts plus its redeemed offers; its return is the margin on the incremental revenue. Defaults from workbench.config.ts (campaigns); change them here to see the return at once.",
    costPerContact: (symbol: string) => `Cost per contact (${symbol})`,
    offerCost: (symbol: string) => `Cost per redeemed offer (${symbol})`,
    margin: "Margin (% of net revenue)",
    marginUnset: "set a margin to see the return",
    sent: (date: string, days: number) => `Sent ${date} · response window ${days} days`,
    trueUplift: (points: string) => `built with an uplift of ${points} points`,
    small: "A group has fewer than 30 customers: the intervals are wide and revenue is not compared.",
    treated: "Contacted",
    holdout: "Holdout",
    difference: "Difference [95 % interval]",
    customers: "Customers",
    response: "Response",
    pointsUnit: "points",
    relative: "relative",
    revenuePerCustomer: "Revenue per customer in the window",
    marginPerCustomer: "Margin per customer in the window",
    incrementalCustomers: "Incremental customers",
    incrementalRevenue: "Incremental revenue",
    redemption: "Redemption rate",
    cost: "Cost",
    incrementalMargin: "Incremental margin",
    roi: "ROI ((margin − cost) ÷ cost)",
    bySegment: "Uplift by segment",
    bySegmentIntro:
      "Each contact's segment the day before the send (what they were when chosen). Small groups give wide intervals: a segment's uplift is worth acting on only where its interval is narrow.",
    campaign: "Campaign",
    tooSmall: "too small to say",
    segmentColumns: {
      segment: "segment",
      treated: "contacted",
      holdout: "holdout",
      treatedRate: "response (contacted)",
      holdoutRate: "response (holdout)",
      uplift: "uplift, points [95 %]",
      note: "note"
    } as Record<string, string>,
    plannerTitle: "Planner: how large a holdout?",
    plannerIntro:
      "For a proposed audience and the uplift you expect, the smallest holdout that would detect it (5 % significance, 80 % power).",
    plannerAudience: "Audience size",
    plannerBaseline: "Baseline response (%)",
    plannerUplift: "Expected uplift (points)",
    plannerResult: (holdout: string, share: string, treated: string) =>
      `Hold out ${holdout} customers (${share} of the audience) and contact ${treated}.`,
    plannerImpossible: (audience: string, uplift: string, smallest: string) =>
      `An audience of ${audience} cannot detect an uplift of ${uplift} points: even an even split detects ${smallest} at best. Choose a larger audience or expect more.`
  },
  audiences: {
    title: "Audience builder",
    intro: (asOf: string) =>
      `Choose who a campaign goes to, as of ${asOf}. **Consent by construction**: customers without marketing consent, opted out, or whose consent is unknown are never in an audience; the table shows how many each removed. A random **holdout**, held out of every segment alike (seeded: the same seed gives the same split), lets the campaign be evaluated afterwards.`,
    noConsentData:
      "**This data records no marketing consent**, so no customer can be in an audience: map `marketing_consent` (and `opt_out_date`) to the master list's columns in workbench.config.ts (README, Audiences).",
    segmentBy: "Segment by",
    ownRules: "my own rules",
    rulesText: "Rules (as in the rules lab)",
    type: "Four type",
    stage: "Lifecycle stage",
    birthMonth: (now: number) => `Birthday month (this month: ${now})`,
    month: (n: number) => `month ${n}`,
    risk: "Churn risk",
    risks: {"at risk": "at risk", "not at risk": "not at risk", "no prediction": "no prediction"} as Record<
      string,
      string
    >,
    clvBand: "CLV band",
    clvBands: {
      "top 10 %": "top 10 %",
      "70–90 %": "70th–90th percentile",
      "40–70 %": "40th–70th percentile",
      "bottom 40 %": "bottom 40 %",
      "no prediction": "no prediction"
    } as Record<string, string>,
    holdoutShare: "Holdout (% of each segment)",
    seed: "Random seed",
    baseline: "Baseline response (%)",
    pAliveMax: "P(alive) at most",
    anyValue: "any",
    ruleError: (line: number, message: string) => `Line ${line}: ${message}`,
    audience: "Audience",
    revenue: (v: string) => `revenue to date ${v}`,
    treatment: "To contact",
    holdout: "Holdout",
    detectable: "Smallest detectable uplift (points)",
    detectableNote: (baseline: string) => `at 80 % power and 5 % significance, for a baseline response of ${baseline}`,
    funnelTitle: "What each choice removed",
    funnelIntro: "Each step keeps the customers the steps before it kept; consent comes last.",
    known: "Customers known",
    steps: {
      segment: "segment",
      type: "four type",
      stage: "lifecycle stage",
      attributes: "region, store, tier, age, gender, channel",
      birthday: "birthday month",
      prediction: "churn risk and CLV"
    } as Record<string, string>,
    noConsent: "no marketing consent",
    optedOut: "opted out",
    unknownConsent: "consent unknown",
    left: "customers left",
    removed: "removed",
    segmentsTitle: "The audience by segment",
    columns: {
      segment: "segment",
      treatment: "to contact",
      holdout: "holdout",
      revenue_cents: "revenue to date",
      customer_key: "customer (pseudonym)",
      group: "group",
      type: "four type",
      stage: "stage",
      region: "region",
      orders: "orders"
    } as Record<string, string>,
    exportTitle: "Export",
    exportIntro:
      "The CSV holds pseudonymous keys and each customer's group (treatment or holdout); the JSON spec holds the choices, the date, the counts and the key's fingerprint, so the audience can be rebuilt and audited. To send, turn the keys back into your own ids on your machine: `npm run audience:resolve -- audience.csv` (README, Audiences).",
    exportName: "audience",
    exportSpec: "Export the spec (JSON)",
    previewTitle: "Preview: the 20 with the highest revenue"
  },
  loyalty: {
    title: "Member tiers and points",
    intro: (asOf: string, months: number, perUnit: number, value: string, expiry: number) =>
      `Tiers by net spend over the last ${months} months; ${perUnit} point per currency unit spent, each worth ${value}, expiring after ${expiry} months (workbench.config.ts, loyalty). The data does not record redemptions, so outstanding points by the rules are what was earned in the last ${expiry} months. As of ${asOf}.`,
    todayTitle: "Tiers today",
    todayIntro:
      "As the data records them, and as the rules give them. Retention: of those who bought in the 12 months before the last 12, the share who bought again in the last 12.",
    recordedTiers: "Tiers as recorded",
    ruleTiers: "Tiers by the rules",
    columns: {
      tier: "tier",
      customers: "customers",
      buyers_12m: "buyers, last 12 months",
      revenue_12m_cents: "revenue, last 12 months",
      revenue_cents: "revenue to date",
      retention: "retention",
      recorded_points: "points recorded",
      liability_cents: "liability (recorded)",
      points_current: "points by the rules",
      rule_liability_cents: "liability (rules)"
    } as Record<string, string>,
    movesTitle: "How customers moved between tiers",
    movesIntro: "Each customer's tier a year ago and now, both by the rules; the diagonal stayed.",
    yearAgo: "A year ago",
    now: "Now",
    whatIfTitle: "What if the rules changed?",
    whatIfIntro:
      "Edit the thresholds and the points rules: who moves up and down, and the points liability before and after.",
    threshold: (tier: string, symbol: string) => `${tier} from (${symbol})`,
    spendMonths: "Months of spend that set the tier",
    pointsPerUnit: (symbol: string) => `Points per ${symbol}1`,
    pointValue: (symbol: string) => `Value of a point (${symbol})`,
    expiryMonths: "Points expire after (months)",
    up: "Move up",
    down: "Move down",
    theirRevenue: (v: string) => `their revenue in the last 12 months: ${v}`,
    liabilityBefore: "Points liability now",
    liabilityAfter: "Points liability after",
    whatIfColumns: {tier: "tier", current: "customers now", edited: "customers after"} as Record<string, string>,
    configTitle: "As config (workbench.config.ts)",
    copy: "Copy as config",
    copied: "Copied"
  },
  report: {
    title: "Leadership report",
    nav: "Leadership report",
    periodTitle: (period: string) => `Customer report · ${period}`,
    meta: (start: string, end: string, built: string) =>
      `Period ${start} to ${end} · every figure from data dated up to ${end} · built ${built} UTC`,
    suppressed: (k: number) =>
      `— : not shown because it comes from fewer than ${k} customers, or because such a figure could be worked out from it.`,
    latest: "Latest report",
    archive: "All reports",
    open: (period: string) => `Report for ${period}`,
    none: "There is no complete period in the data yet: no report.",
    json: "Figures as JSON",
    fullSite: "Analyst workbench",
    kpisTitle: "Headline figures",
    vsPrevious: (period: string) => `vs ${period}`,
    vsYearAgo: (period: string) => `vs ${period}`,
    noComparison: "no data",
    points: (delta: string) => `${delta} pts`,
    kpis: {
      customers: "Customers",
      active: "Active buyers",
      new: "New buyers",
      revenue: "Net revenue",
      aov: "Average order value",
      frequency: "Purchases per buyer",
      revenuePerBuyer: "Revenue per buyer",
      retention: "Retention rate",
      repeatRate: "Repeat rate",
      prospectConversion: "Registered → first purchase",
      secondPurchase: "First → second purchase",
      topShare: "Revenue from the top 20 % of buyers",
      loyalShare: "Revenue from loyal customers"
    } as Record<string, string>,
    kpiHelp:
      "Customers: known at the period's end. Active buyers: bought in the period; new: their first purchase. Retention: share of the previous period's active buyers who bought again. Repeat rate: share of active buyers who had bought before. Conversion: of everyone registered by the period's end, the share who have bought; of buyers, the share with a second purchase. Net revenue: customers' purchases less returns in the period.",
    trendTitle: "The last year",
    trendActive: "Active buyers",
    trendRevenue: "Net revenue",
    findingsTitle: "Findings",
    findingsHelp:
      "Each sentence comes from the figure it links to. A change is stated only when it exceeds its noise: 1.96 standard errors (95 %), with a binomial error for rates, a Poisson error for counts and Welch's error for revenue per buyer; otherwise the sentence says the figure held.",
    findings: {
      loyal: (customers: string, revenue: string) =>
        `Loyal customers are ${customers} of customers and bring ${revenue} of buyers' revenue.`,
      loyalChange: (customers: string, revenue: string, direction: string, before: string, period: string) =>
        `Loyal customers are ${customers} of customers (${direction} from ${before} in ${period}) and bring ${revenue} of buyers' revenue.`,
      active: (n: string, direction: string, delta: string, period: string) =>
        `${n} customers bought, ${delta} ${direction} than in ${period}.`,
      activeSame: (n: string, period: string) => `${n} customers bought, about as many as in ${period}.`,
      newBuyers: (n: string, direction: string, delta: string, period: string) =>
        `${n} new buyers made a first purchase, ${delta} ${direction} than in ${period}.`,
      newSame: (n: string, period: string) => `${n} new buyers made a first purchase, about as many as in ${period}.`,
      retention: (rate: string, direction: string, before: string, period: string) =>
        `Retention was ${rate}, ${direction} from ${before} in ${period}.`,
      retentionSame: (rate: string, period: string) => `Retention was ${rate}, no real change from ${period}.`,
      perBuyer: (amount: string, direction: string, before: string, period: string) =>
        `Revenue per buyer was ${amount}, ${direction} from ${before} in ${period}.`,
      perBuyerSame: (amount: string, period: string) =>
        `Revenue per buyer was ${amount}, no real change from ${period}.`,
      top: (share: string) => `The top 20 % of buyers brought ${share} of the period's revenue.`,
      best: (what: string, group: string, amount: string) => `Best ${what} by revenue per buyer: ${group} (${amount}).`,
      flow: (n: string, from: string, to: string) => `${n} customers moved from ${from} to ${to}.`,
      up: "up",
      down: "down",
      more: "more",
      fewer: "fewer"
    },
    typesTitle: "The four customer types",
    typesHelp: (highValue: string) =>
      `Each customer's type at the period's end (rule set: clothing-store four types; loyal: 4 or more orders, ${highValue} or more revenue to date and a purchase within 180 days), their share of customers, of the period's revenue from buyers, the change in size since the previous period, and what to do.`,
    type: "Type",
    size: "Customers",
    change: "Change",
    customerShare: "Share of customers",
    revenueShare: "Share of revenue",
    playbook: "Playbook",
    migrationTitle: (before: string, after: string) => `Where customers moved: type at ${before} → at ${after}`,
    newlyKnown: "(new customers)",
    lifecycleTitle: "Lifecycle in the period",
    lifecycleHelp:
      "Active buyers are new (first purchase), returning (also bought in the previous period) or resurrecting (came back after a gap); dormant bought in the previous period but not in this one.",
    cohortsTitle: "Cohort retention",
    cohortsHelp:
      "Share of a month's new buyers who bought again n months after their first purchase: all cohorts pooled, and the latest cohorts after one month.",
    afterMonths: (n: string) => `After ${n} month${n === "1" ? "" : "s"}`,
    cohort: (c: string) => `Cohort ${c}, after 1 month`,
    groupsTitle: "Regions and stores",
    groupsHelp: (k: number) =>
      `Best and worst by revenue per active buyer, with retention; only groups with at least ${k} buyers in each figure are ranked.`,
    region: "region",
    home_store: "store",
    regionHeading: "Region",
    storeHeading: "Home store",
    top: "Best",
    bottom: "Worst",
    ranked: (shown: string, all: string) => `${shown} of ${all} ranked`,
    noAttribute: (what: string) => `The data has no ${what.toLowerCase()} for its customers.`,
    noGroups: "Too few customers in any group to rank.",
    outlookTitle: (asOf: string) => `Outlook as of ${asOf}`,
    outlookHelp: (threshold: string) =>
      `From the models fitted at build time (see Customer lifetime value): expected 12-month value of the scored buyers, and of those whose probability of still being a customer is under ${threshold}. The outlook changes with every build, so it appears here and not in the period reports.`,
    scored: "Expected value of buyers (12 months)",
    atRisk: "Value at risk",
    buyersCount: (n: string) => `${n} buyers`,
    noOutlook: "No predictions in this build.",
    campaignsTitle: "Campaigns",
    noCampaigns: "No campaign's response window closed in this period.",
    campaignColumns: [
      "Campaign",
      "Sent",
      "Contacted",
      "Held out",
      "Response, contacted / held out",
      "Uplift, points [95 %]"
    ],
    campaignRaised: "raised response",
    campaignLowered: "lowered response",
    campaignUnclear: "no clear effect",
    campaignOpen: (name: string, sent: string, closes: string) =>
      `${name}, sent ${sent}: its response window closes ${closes}; it is evaluated in the report for that period.`,
    campaignMethod:
      "Each campaign against its random holdout; a response is a purchase within the campaign's window. The interval is Newcombe's; a campaign is reported in the period its window closes, when every purchase it counts is in.",
    page: "Page",
    printedFrom: (period: string, built: string) => `Customer report ${period} · built ${built} UTC`
  }
};

/** The shape every language's messages must have: en's, with any string where en has one. */
export type Messages = Widen<typeof en>;
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : {[K in keyof T]: Widen<T[K]>};
