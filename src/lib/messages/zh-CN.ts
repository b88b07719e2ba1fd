/**
 * 网站显示的每一段文字（简体中文）。与 en.ts 结构相同：缺少任何键，类型检查和测试都会失败。
 * RFM 细分名称采用对英文名称的忠实翻译（见 README）；四类客户采用服装零售通用的名称。
 */
import type {Messages} from "./en.js";

/** Rewrites an English message by the first pattern that matches it (others, such as DuckDB's own, stay as they are). */
const translate = (patterns: [RegExp, string][]) => (message: string) => {
  for (const [pattern, chinese] of patterns) if (pattern.test(message)) return message.replace(pattern, chinese);
  return message;
};
const DIMENSIONS: Record<string, string> = {recency: "最近购买", frequency: "频次", monetary: "金额"};

export const zhCN: Messages = {
  common: {
    customers: "客户",
    buyers: "购买客户",
    revenue: "收入",
    netRevenue: "净收入",
    customerShare: "客户占比",
    revenueShare: "收入占比",
    segment: "细分",
    group: "分组",
    filters: "筛选",
    breakDownBy: "分组依据",
    ruleSet: "规则集",
    asOf: "截至",
    from: "从",
    to: "到",
    before: "之前",
    after: "之后",
    noCustomers: "没有符合条件的客户。",
    noRows: "没有读取到任何行。",
    notInPopulation: "（不在人群中）",
    noRule: "（无匹配规则）",
    download: "下载 CSV",
    exportOf: (name: string, n: string) => `导出 ${name}（${n} 位客户）`
  },
  attributes: {
    region: "地区",
    city_tier: "城市等级",
    home_store: "所属门店",
    first_store: "首购门店",
    channel: "渠道",
    tier: "会员等级",
    age_band: "年龄段",
    gender: "性别",
    city: "城市",
    segment: "细分",
    store: "门店"
  },
  values: {
    gender: {F: "女", M: "男", U: "未知"},
    channel: {store: "门店", online: "线上", unknown: "未知"},
    unknown: "未知"
  },
  missing: {
    title: "数据缺少的属性",
    text: (names: string) => `数据源中没有${names}：只会显示“未知”的筛选、分组和交叉表已隐藏。`
  },
  ruleSets: {
    "Standard RFM segments": "标准 RFM 细分",
    "Clothing-store four types": "服装店四类客户"
  },
  segments: {
    Champions: "冠军客户",
    Loyal: "忠实客户",
    "Potential Loyalist": "潜力忠实客户",
    New: "新客户",
    Promising: "有潜力客户",
    "Need Attention": "需关注客户",
    "About to Sleep": "即将沉睡客户",
    "Can't Lose": "不能失去的客户",
    "At Risk": "流失风险客户",
    Hibernating: "休眠客户",
    Lost: "已流失客户",
    loyal: "忠诚型",
    potential: "潜在型",
    drifting: "游离型",
    churned: "流失型"
  },
  playbooks: {
    Champions: "回馈他们：新品抢先购、VIP 活动；邀请评价和推荐。",
    Loyal: "推荐更高价值的品类；会员等级权益。",
    "Potential Loyalist": "会员权益和个性化推荐，提高购买频次。",
    New: "新客引导：欢迎系列、第二单激励。",
    Promising: "培养习惯：新品到店提醒、小额限时优惠。",
    "Need Attention": "基于历史购买的限时优惠；在流失前重新激活。",
    "About to Sleep": "推送热销商品和适度折扣；重新建立联系。",
    "Can't Lose": "一对一挽回：最佳客户专享优惠，了解不满意的原因。",
    "At Risk": "个性化挽回：力度较大的优惠和新品。",
    Hibernating: "只做低成本唤醒；不再使用高成本渠道。",
    Lost: "最后一次挽回活动，之后停止投入。",
    loyal: "高频、高消费、近期购买：重点维护（等级权益、抢先购、专属服务）。",
    potential: "已注册或仅购买一次且在近期：用欢迎礼和第二单激励促成转化。",
    drifting: "偶尔购买、消费低、受促销驱动：在其购买时段推送优惠，用组合提高客单价。",
    churned: "一年以上未购买：做一次带对照组的挽回尝试，之后停止触达。"
  },
  stages: {
    Prospect: "潜在客户",
    "First purchase": "首次购买",
    Repeat: "复购",
    "High value": "高价值",
    "At risk": "有流失风险",
    Churned: "已流失",
    "(not yet a customer)": "（尚未成为客户）"
  },
  states: {new: "新增", returning: "连续活跃", resurrecting: "回流", dormant: "沉睡"},
  charts: {
    customersAxis: "客户数 →",
    shareAxis: "占比 →",
    rowsAxis: "行数 →",
    lifecycleY: "↑ 客户数（沉睡客户在零线以下）",
    lorenzX: "客户占比（消费最高的在前）→",
    lorenzY: "↑ 收入占比",
    ltvY: "↑ 每位客户累计收入",
    frequencyScore: "频次得分 →",
    recencyScore: "↑ 最近购买得分",
    meanMonetary: "平均消费金额",
    revenuePerCustomer: "每位客户收入",
    customerRetention: "客户留存率",
    revenueRetention: "收入留存率",
    allCohorts: "全部同期群",
    lorenzMarker: (x: string, y: string) => `前 ${x} → ${y}`,
    gini: (g: string) => `基尼系数 ${g}`,
    lorenzTip: (x: string, y: string) => `前 ${x} 的客户带来 ${y} 的收入`,
    dataStart: "* 数据的第一个月：数据开始前已活跃的客户都从这里开始",
    partial: "虚线：不完整月份",
    cohortTip: (cohort: string, period: number) => `${cohort}，第 ${period} 期`,
    customersTip: (active: string, members: string, share: string) => `${members} 位客户中 ${active} 位（${share}）`,
    revenueTip: (revenue: string, share: string) => `收入 ${revenue}${share ? `（第 0 期的 ${share}）` : ""}`,
    ltvTip: (ltv: string) => `生命周期价值 ${ltv}`,
    kpis: {
      active: "活跃客户",
      new: "新客户",
      repeat_rate: "复购率",
      retention_rate: "留存率",
      aov: "客单价",
      frequency: "购买频次（每位活跃客户的订单数）"
    }
  },
  outcomes: {accepted: "接受", classified: "归类", rejected: "拒绝"},
  kinds: {sale: "销售", return: "退货/贷项", cancellation: "取消", adjustment: "调整"},
  overview: {
    title: "客户概览",
    meta: (asOf: string, source: string, built: string) => `截至 ${asOf} · 数据源：${source} · 构建于 ${built} UTC`,
    customers: "客户",
    buyers: "购买客户",
    repeatBuyers: "复购客户",
    customerSales: "客户销售额",
    returnsOnly: (n: string, amount: string) =>
      `含没有购买、只有退货的客户（${n} 位）的 ${amount}；下方的细分不含这些客户。`,
    noBreakdown: "数据中没有可用于拆分购买客户和收入的客户属性（地区、渠道、会员等级、年龄、性别、门店）。",
    shareBy: (dimension: string) => `按${dimension}的购买客户占比与收入占比`
  },
  rfm: {
    title: "RFM 分析",
    intro: (asOf: string) =>
      `每位购买客户在所选日期的最近购买（R）、购买频次（F）和消费金额（M），按分位数打 1–5 或 1–3 分（数值相同的客户得分一定相同，边界上的并列取较低分），或按您自己设定的阈值打分，再由规则集命名细分。数据截至 ${asOf}。`,
    scoring: "打分方式",
    quantile: "分位数得分",
    thresholds: "自定义阈值",
    scale: "分制",
    recencyCuts: "最近购买阈值（天）",
    frequencyCuts: "频次阈值（单）",
    monetaryCuts: (symbol: string) => `金额阈值（${symbol}）`,
    thresholdError: (errors: string) => `${errors} —— 修正之前显示分位数得分。`,
    thresholdMessage: (message: string) =>
      translate([
        [/^(\w+): (\d+) numbers expected, got (\d+)$/, "$1：需要 $2 个数字，实际 $3 个"],
        [/^(\w+): "(.*)" is not a number ≥ 0$/, "$1：“$2”不是 ≥ 0 的数字"],
        [/^(\w+): "(.*)" is larger than (.*)$/, "$1：“$2”大于 $3"],
        [/^(\w+): values must increase$/, "$1：数值必须递增"]
      ])(message).replace(/^(recency|frequency|monetary)/, (d) => DIMENSIONS[d]),
    colourBy: "着色依据",
    meanMonetary: "平均消费金额",
    grid: (n: string) => `R × F 网格（${n} 位购买客户）`,
    clickHint: "点击格子，在“下钻”中列出其中的客户。",
    shares: (set: string) => `${set}：客户与收入占比`,
    drillDown: "下钻",
    largest: (shown: string, total: string) => `下面列出 ${total} 位中消费最高的 ${shown} 位。`,
    pseudonyms: "客户键是假名：使用同一密钥的每次构建中都相同，本网站上没有任何姓名或联系方式与之对应。",
    columns: {
      group: "细分",
      customers: "客户",
      orders: "订单",
      revenue_cents: "收入",
      aov_cents: "客单价",
      mean_recency_days: "平均最近购买（天）",
      mean_frequency: "平均订单数",
      customer_share: "客户占比",
      revenue_share: "收入占比",
      playbook: "行动建议"
    }
  },
  rulesLab: {
    title: "规则实验室",
    intro: (columns: string, asOf: string, highValue: string) =>
      `编辑规则，立即看到效果：各细分的规模、没有匹配任何人或永远不会被用到的规则、没有被任何规则覆盖的客户，以及客户和收入相对基准规则集的迁移。每行一条规则，\`细分名称: 条件\`；第一条匹配的规则决定客户的细分（名称可以用任何语言）。可用字段：${columns}；\`high_value\` 为本站的高价值收入门槛，${highValue}。得分为截至 ${asOf} 的 1–5 分位数得分。`,
    baseline: "基准",
    population: "客户范围",
    buyers: "购买客户",
    everyone: "全部客户",
    rules: "规则",
    errors: (n: number) => `${n} 个错误 —— 显示最近一次有效的规则结果`,
    ok: (n: number) => `✓ ${n} 条规则，没有错误。`,
    at: (line: number, column: number) => `第 ${line} 行${column ? `第 ${column} 列` : ""}`,
    segments: (n: string) => `细分（${n} 位客户`,
    unmatched: (n: string) => `${n} 位未被任何规则匹配`,
    migration: (baseline: string) => `从 ${baseline}（行）到编辑后的规则（列）`,
    edited: "编辑后",
    error: translate([
      [/^expected `Segment name: condition`$/, "应为 `细分名称: 条件`"],
      [/^the condition is empty$/, "条件为空"],
      [/^too many rules: (\d+), at most (\d+)$/, "规则过多：$1 条，最多 $2 条"],
      [/^the condition is (\d+) characters long, at most (\d+)$/, "条件长 $1 个字符，最多 $2 个"],
      [/^comments are not allowed in a condition$/, "条件中不能有注释"],
      [/^`;` is not allowed.*$/, "不允许 `;`：一条规则只是一个条件，不是多条语句"],
      [/^`(.+)` is not allowed in a condition$/, "条件中不允许 `$1`"],
      [/^a text longer than (\d+) characters$/, "文本超过 $1 个字符"],
      [/^a pattern with more than (\d+) wildcards.*$/, "模式中的通配符（% 或 _）超过 $1 个：匹配太慢"],
      [/^unknown function (\S+) \(allowed: (.*)\)$/, "未知函数 $1（可用：$2）"],
      [/^unknown column (\S+)$/, "未知字段 $1"],
      [/^unbalanced `\)`$/, "多余的 `)`"],
      [/^missing `\)`$/, "缺少 `)`"],
      [/^the condition is (\S+), not a true\/false test$/, "条件的类型是 $1，不是真/假判断"],
      [/^no rules: .*$/, "没有规则：每行写一条，`细分名称: 条件`"]
    ]),
    problem: (problem: string) =>
      problem === "matches nobody"
        ? "没有匹配任何客户"
        : problem.startsWith("unreachable")
          ? "永远不会被用到：它匹配的客户都已被前面的规则占用"
          : problem,
    copy: "复制规则",
    copied: "已复制 ✓",
    columns: {
      rule: "规则",
      line: "行",
      matches: "条件成立",
      named: "首个匹配",
      revenue: "收入",
      share: "占比",
      problem: "问题"
    }
  },
  migration: {
    title: "细分迁移",
    intro:
      "每位客户在两个日期的细分（同一规则集，各日期分别按 1–5 分位数打分）：谁从忠实客户变成了流失风险客户，他们带来多少收入（截至较晚日期的收入）。",
    compared: "参与比较的客户",
    moved: "细分发生变化",
    movedRevenue: "他们的收入",
    dates: "日期",
    matrix: (before: string, after: string) => `从（行，${before}）到（列，${after}）`,
    flows: "细分之间的流动（灰色：未变化）"
  },
  cohorts: {
    title: "同期群",
    intro: (asOf: string) =>
      `按**首次购买**的月份（或季度）对客户分组；每一列是之后的一个期间。**客户留存率**是该同期群在该期间购买的客户占比（*当期*），或在该期间及之后任一期间购买的占比（*当期及以后*）。**收入留存率**是同期群在该期间的净收入除以其第一个期间的净收入——按金额而不是人数；贷项和退货计入发生的期间，因此可能低于零。**全部同期群**一行汇总已到达该期间的所有同期群。第一个同期群也包含数据开始前已活跃的客户；每个同期群的最后一列是截止月份（${asOf}），可能不完整。`,
    cohortBy: "同期群划分",
    month: "月",
    quarter: "季度",
    retention: "留存口径",
    recurring: "当期",
    onOrAfter: "当期及以后",
    members: "这些同期群中的客户",
    retention1: "第 1 期留存率",
    revenueRetention1: "第 1 期收入留存率",
    ltv0: "第 0 期每位客户收入",
    customerRetentionTitle: "客户留存率（%）",
    revenueRetentionTitle: "收入留存率（占第一个期间收入的 %）",
    ltvTitle: "每位客户累计收入（LTV 曲线）",
    periodLabel: (grain: string) => (grain === "month" ? "首次购买后的月数" : "首次购买后的季度数"),
    columns: {
      period: "期间",
      members: "同期群客户",
      active: "购买",
      retention: "留存率",
      revenue_cents: "收入",
      revenue_retention: "收入留存率",
      ltv_cents: "生命周期价值"
    }
  },
  lifecycle: {
    title: "生命周期与趋势",
    intro:
      "客户在有购买的月份为**活跃**。每个月的活跃客户分为**新增**（首次购买的月份）、**连续活跃**（上个月也活跃）或**回流**（上个月不活跃，但更早曾活跃）；**沉睡**客户上个月活跃、本月不活跃，画在零线以下。因此上个月的活跃客户 = 本月的连续活跃 + 沉睡。",
    activeIn: (month: string) => `${month} 活跃`,
    newCustomers: "新增",
    returning: "连续活跃 + 回流",
    dormant: "沉睡",
    byState: "每月各生命周期状态的客户数",
    kpiTitle: "KPI 趋势",
    kpiIntro:
      "**活跃客户**：当月有购买。**新客户**：当月首次购买。**复购率**：当月活跃客户中以前购买过的占比。**留存率**：上月活跃客户中本月再次活跃的占比（连续活跃 ÷（连续活跃 + 沉睡））。**客单价**：净收入（扣除退货和贷项）÷ 订单数。**购买频次**：订单数 ÷ 活跃客户数。",
    stagesTitle: "生命周期阶段",
    stagesIntro:
      "截至该日期已知的每位客户（已注册或已购买）属于一个阶段，按以下顺序判断：**潜在客户**（尚未购买）、**已流失**（未购买时间超过流失阈值）、**有流失风险**（超过风险阈值）、**高价值**（截至当日净收入达到阈值）、**复购**（两单及以上）、**首次购买**（一单）。",
    atRiskAfter: "有流失风险（天后）",
    churnedAfter: "已流失（天后）",
    highValueFrom: (symbol: string) => `高价值起点（${symbol}）`,
    churnWarning: (days: number) => `流失阈值必须大于风险阈值：使用 ${days} 天。`,
    perStage: (date: string) => `${date} 各阶段客户数`,
    conversionTo: (date: string) => `截至 ${date} 的转化`,
    prospectToFirst: "潜在客户 → 首次购买",
    ofRegistered: (a: string, b: string) => `${b} 位注册客户中 ${a} 位`,
    medianFromSignup: (days: string) => `从注册起中位数 ${days} 天`,
    firstToSecond: "首次 → 第二次购买",
    ofBuyers: (a: string, b: string) => `${b} 位购买客户中 ${a} 位`,
    medianAfterFirst: (days: string) => `首购后中位数 ${days} 天`,
    conversionNote: "近期注册或首购的客户转化时间较短。没有注册日期的客户不计入第一个转化率。",
    flowsTitle: "阶段流动",
    flowsFromTo: (a: string, b: string) => `从 ${a} 到 ${b}`,
    moving: "在阶段之间移动的客户",
    stageOn: (date: string) => `${date} 的阶段`
  },
  value: {
    title: "价值贡献",
    intro: (asOf: string) =>
      `收入从哪里来。购买客户按净收入从高到低排序（扣除退货和贷项；贷项超过购买额的客户按零计）；曲线显示排名靠前的客户带来的收入占比。**基尼系数**在每位客户消费相同时为 0，接近 1 表示一位客户带来几乎全部收入。数据截至 ${asOf}。`,
    topPercent: "前 % 的购买客户",
    topBring: (p: number) => `前 ${p}% 的购买客户带来`,
    nBuyers: (n: string) => `${n} 位购买客户`,
    gini: "基尼系数",
    clipped: (n: string, zero: string) => `${n} 位净贷项客户按 ${zero} 计`,
    lorenz: "收入的帕累托（洛伦兹）曲线",
    byGroup: "按分组的贡献",
    byGroupIntro: (set: string, asOf: string) =>
      `每个分组的购买客户占比与收入占比（全部购买客户，不筛选）。细分使用规则集“${set}”，截至 ${asOf}。`,
    shareBy: (dimension: string) => `按${dimension}的购买客户占比与收入占比`
  },
  demographics: {
    title: "人口属性与门店",
    intro: (small: number, asOf: string) =>
      `客户是谁、住在哪里、在哪里购物，以及他们的细分有何不同。每个格子显示客户数、每位客户净收入（深浅）和细分构成（条形）；客户少于 ${small} 位的格子只显示人数。细分截至 ${asOf}，1–5 分位数得分。`,
    segments: "细分",
    ageGender: (n: string) => `年龄段 × 性别（${n} 位客户）`,
    regionTier: "地区 × 城市等级",
    nothing:
      "此数据没有记录客户的年龄、性别、地区与城市等级或所属门店：没有可交叉分析的内容。概览页列出了数据缺少的属性。",
    storesTitle: "门店比较",
    storesIntro: "按所属门店：客户数、购买客户数、净收入、每位购买客户收入、两单及以上客户占比和客单价。",
    columns: {
      store: "门店",
      customers: "客户",
      buyers: "购买客户",
      revenue_cents: "收入",
      revenue_per_buyer_cents: "每位购买客户收入",
      repeat_rate: "复购率",
      aov_cents: "客单价"
    },
    perCustomer: "/人",
    cellCustomers: (n: string) => `${n} 位客户`,
    fewCustomers: (k: number) => `少于 ${k} 位客户`
  },
  models: {
    diagnostics: {
      too_few_repeaters: (v: Record<string, number>) =>
        `只有 ${v.repeaters} 位复购客户（至少需要 ${v.minimum} 位）：不拟合模型。预期购买次数沿用每位客户过去的购买频率，消费额用其自身平均值，不提供存活概率。`,
      bgnbd_not_converged: () => "购买模型（BG/NBD）未收敛：预期购买次数改用每位客户过去的购买频率，不提供存活概率。",
      bgnbd_extreme: (v: Record<string, number>) =>
        `购买模型的参数走到了极端（r ${v.r.toPrecision(3)}，α ${v.alpha.toPrecision(3)}，b ${v.b.toPrecision(3)}）：数据无法确定它。预期购买次数改用每位客户过去的购买频率，不提供存活概率。`,
      no_dropout: (v: Record<string, number>) =>
        `购买模型几乎看不到客户流失（每次购买后的平均流失概率 ${(100 * v.dropout).toPrecision(2)} %）：所有人的存活概率都接近 1，因此不显示；流失页只用逾期规则。`,
      gg_not_converged: () => "消费模型（Gamma-Gamma）未收敛：预期消费额用每位客户自身的平均值。",
      gg_unbounded_mean: (v: Record<string, number>) =>
        `消费模型的 q 为 ${v.q.toPrecision(3)}（≤ 1）：其每单平均消费没有上限。预期消费额用每位客户自身的平均值。`,
      gg_extreme: (v: Record<string, number>) =>
        `消费模型的参数走到了极端（p ${v.p.toPrecision(3)}，q ${v.q.toPrecision(3)}，v ${v.v.toPrecision(3)}）。预期消费额用每位客户自身的平均值。`,
      gg_correlation: (v: Record<string, number>) =>
        `每单消费额随购买频率升降（相关系数 ${v.correlation.toFixed(2)}，超出 ±${v.limit}）：消费模型假定两者无关。预期消费额用每位客户自身的平均值。`,
      validation_skipped: (v: Record<string, number>) => `数据短于 ${v.holdoutWeeks} 周留出期的两倍：模型未做验证。`
    } as Record<string, (values: Record<string, number>) => string>,
    allGood: "所有检查均通过：购买模型已收敛且参数在合理范围内，每单消费额与购买频率无关，符合消费模型的假设。",
    methods: {
      purchases: {bgnbd: "BG/NBD 模型", "own-rate": "自身过去频率（后备）"},
      pAlive: {bgnbd: "BG/NBD 模型", none: "不提供"},
      spend: {gammagamma: "Gamma-Gamma 模型", "own-mean": "自身平均值（后备）"}
    } as Record<string, Record<string, string>>,
    methodLine: (purchases: string, spend: string) => `购买次数：${purchases}。消费额：${spend}。`
  },
  clv: {
    title: "客户终身价值",
    intro: (months: number, discount: string, margin: string, asOf: string) =>
      `每位购买客户在未来 **${months} 个月**预计带来的价值：BG/NBD 模型预期的购买次数，乘以 Gamma-Gamma 模型预期的每次消费额，乘以 ${margin} 的毛利率，并按每月 ${discount} 折现。模型基于截至 ${asOf} 每位客户的购买日拟合。各项数字的含义见 README（Predictions）。`,
    buyers: "购买客户",
    totalClv: (months: number) => `未来 ${months} 个月 CLV`,
    expected90: "未来 90 天预期购买次数",
    meanClv: "每位客户平均 CLV",
    distribution: "按 CLV 分布的客户",
    band: "CLV 区间",
    checks: "模型检查",
    validationTitle: "模型准不准？校准期与留出期",
    validationIntro: (end: string, weeks: number, n: string) =>
      `用截至 ${end} 的数据重新拟合，模型预测了 ${n} 位客户在之后 ${weeks} 周的购买次数；下图按其此前的复购次数，对比预测与实际。`,
    validationTotals: (actual: string, predicted: string, naive: string, mae: string, naiveMae: string) =>
      `共预测 ${predicted} 次购买，实际 ${actual} 次（“保持以往频率”的朴素规则：${naive}）。每位客户的平均误差 ${mae} 次（朴素规则 ${naiveMae}）。`,
    repeatsBefore: "校准期复购次数",
    perBuyer: "留出期每位客户购买次数",
    actual: "实际",
    predicted: "预测",
    noValidation: "未验证：数据太短或模型无法拟合。",
    parameters: "拟合参数",
    parametersIntro: (symbol: string, sample: boolean) =>
      `时间以天计，金额以 ${symbol} 计。` +
      (sample
        ? "内置样本的真实参数列在旁边：样本混合了两类客户、零售日历和营销活动，且按毛额生成订单金额（消费模型看到的是折扣后每个购买日的净额），因此拟合结果在量级上相符，而非逐位相同。"
        : ""),
    parameter: "参数",
    fitted: "拟合值",
    truthRegular: "真实值（常规客户）",
    truthPromo: "真实值（促销型客户）",
    byGroup: "按分组的 CLV",
    top: "CLV 最高的客户",
    columns: {
      group: "分组",
      buyers: "购买客户",
      clv_cents: "CLV",
      mean_clv_cents: "平均 CLV",
      expected_90d: "90 天购买次数",
      mean_p_alive: "平均存活概率",
      revenue_cents: "累计收入",
      customer_key: "客户（假名）",
      segment: "细分",
      clv_percentile: "CLV 百分位",
      p_alive: "存活概率",
      expected_purchases_90d: "90 天购买次数",
      expected_order_cents: "每次消费",
      orders: "订单数",
      recency_days: "距上次购买天数"
    } as Record<string, string>
  },
  churn: {
    title: "流失预警与挽回",
    intro: (threshold: number, asOf: string) =>
      `两个信号并列。**模型**：存活概率，即 BG/NBD 模型估计客户仍会购买的概率（低于 ${threshold} 为有风险）。**规则**：距上次购买的天数超过客户惯常的间隔（平均间隔加两个标准差；只买过一次的客户用典型间隔的两倍）。截至 ${asOf}。`,
    atRiskModel: "模型判定有风险",
    atRiskRule: "规则判定逾期",
    both: "两个信号都触发",
    buyersOf: (n: string) => `共 ${n} 位购买客户`,
    noModel: "没有存活概率时（见 CLV 页的模型检查）只有规则可用。",
    noComparison: "没有存活概率，就没有第二个信号可与规则对比。",
    disagree: "两个信号不一致之处",
    disagreeIntro:
      "模型看重客户过去买得多频繁：高频客户沉默一段时间概率就会快速下降，只买过一次的客户则一直“存活”（在第二次购买前存活概率为 1）。规则对比的是客户自己的节奏。只被一个信号标记的客户，在做活动前值得先看一看。",
    modelSays: "模型：有风险",
    modelFine: "模型：存活",
    ruleSays: "规则：逾期",
    ruleFine: "规则：正常",
    trend: "各月末有风险的购买客户",
    trendModel: "存活概率低于阈值",
    trendRule: "按规则逾期",
    valueAtRisk: "按分组的风险价值",
    warningTitle: "早期预警：新近出现风险的高价值客户",
    warningIntro: (p: number) =>
      `CLV 排名前 ${100 - p} % 且风险在过去 30 天内越过界线的客户，按价值从高到低，附原因及其细分的运营建议。`,
    why: {
      overdue: (days: string) => `逾期 ${days} 天`,
      pAlive: (now: string, before: string) => `存活概率 ${before} → ${now}`,
      falling: (now: number, before: number) => `近 12 个月购买 ${now} 次，之前 12 个月 ${before} 次`
    },
    winBackTitle: "挽回",
    winBackIntro:
      "已流失的购买客户（任一信号），按挽回价值排序：以其过去的节奏一年的购买（预期每次消费 × 365 ÷ 其惯常间隔）。",
    consentNote: (exported: string, refused: string, unknown: string) =>
      `导出包含 ${exported} 位同意营销的客户；${refused} 位未同意或已退订、${unknown} 位同意状态未知的客户不在其中。`,
    exportName: "挽回名单",
    columns: {
      group: "分组",
      buyers: "购买客户",
      at_risk: "有风险",
      clv_at_risk_cents: "风险中的 CLV",
      revenue_at_risk_cents: "有风险客户的累计收入",
      customer_key: "客户（假名）",
      segment: "细分",
      clv_cents: "CLV",
      why: "原因",
      playbook: "运营建议",
      win_back_cents: "挽回价值",
      recency_days: "距上次购买天数",
      orders: "订单数",
      revenue_cents: "累计收入",
      p_alive: "存活概率"
    } as Record<string, string>
  },
  clusters: {
    title: "聚类",
    intro: (sample: string) =>
      `k-means 按客户最近一次购买、购买频率和消费金额（取对数并标准化）把购买客户分组，不需要任何规则：为细分提供第二种视角。最多用 ${sample} 位客户以固定种子拟合（每次结果相同），再把每位客户分到最近的中心。`,
    k: "聚类数（k）",
    extra: "另外加入",
    extraNames: {tenure: "客龄", discount: "折扣订单占比", aov: "客单价"} as Record<string, string>,
    choose: "如何选择 k",
    chooseIntro: "惯性（簇内离散度）总是随 k 增大而下降：找拐点。轮廓系数（−1 到 1）越高，簇之间分得越开。",
    inertia: "每位客户的惯性",
    silhouette: "轮廓系数",
    centres: "用大白话描述各簇",
    describe: (cluster: number, days: string, orders: string, revenue: string) =>
      `第 ${cluster} 簇：通常 ${days} 天前最后购买，${orders} 笔订单，累计 ${revenue}。`,
    versus: (set: string) => `聚类与“${set}”细分的对照`,
    columns: {
      cluster: "簇",
      customers: "购买客户",
      recencyDays: "距上次购买天数中位数",
      orders: "订单数中位数",
      revenue: "收入中位数",
      revenueShare: "收入占比"
    } as Record<string, string>,
    buildTime: (k: number) => `构建时的默认聚类（k = ${k}）；修改输入后在浏览器中重新计算。`
  },
  quality: {
    title: "数据质量",
    meta: (asOf: string, source: string, built: string, seconds: string) =>
      `截至 ${asOf} · 数据源：${source} · 导入于 ${built} UTC，用时 ${seconds} 秒`,
    intro:
      "每一行输入要么被**接受**（客户的一次购买，或会员名单中的一位客户），要么被**归类**（重复、取消、贷项、退货、调整或无客户编号的销售：在此计数，金额去向见下表），要么被**拒绝**（无法读取：行号、列和原因写在私有文件夹 `.workbench/files/rejects/` 中，从不发布）。每个文件的三者之和等于读取的行数。",
    reconciles: (read: string, accepted: string, classified: string, rejected: string) =>
      `读取 ${read} 行 = ${accepted} 接受 + ${classified} 归类 + ${rejected} 拒绝`,
    readAs: {
      parquet: "按 Parquet 读取。",
      json: "按 JSON 读取。",
      csv: (encoding: string, how: string, delimiter: string, header: number, undecodable: string, footer: string) =>
        `按 CSV 读取：${encoding}（${how}），${delimiter}，${header ? `表头在第 ${header} 行` : "无表头行（列按位置命名）"}${undecodable ? `；${undecodable} 行不符合该编码` : ""}${footer ? `；末尾 ${footer} 行不是数据行（footerLines）` : ""}。`,
      how: {
        "byte-order mark": "按字节顺序标记",
        configured: "映射中指定",
        "valid UTF-8": "全部有效",
        "mostly UTF-8": "多数行",
        "mostly GB18030": "多数行",
        "not GB18030": "其余行像单字节编码而非 GB18030：请设置 encoding"
      } as Record<string, string>,
      delimiters: {
        ",": "逗号分隔",
        ";": "分号分隔",
        "\t": "制表符分隔",
        "|": "竖线分隔",
        whitespace: "空格对齐的列"
      } as Record<string, string>
    },
    ok: "✓",
    notOk: "✗ 无法对账",
    ordersTitle: "订单合计，以及每笔金额的去向",
    ordersIntro:
      "按类型、有无客户编号的订单及其金额去向：有客户的销售计入客户收入；有客户的退货和贷项从中扣除（计入开具当日）；没有客户编号的销售和退货只计入销售总额；取消和调整不计入。前两项相加即可与其他页面显示的客户收入对账。",
    accepted: "客户的一次购买（或会员名单中的一位客户）。",
    columns: {
      outcome: "结果",
      reason: "原因",
      column: "列",
      rows: "行数",
      amount_cents: "金额",
      meaning: "含义",
      kind: "类型",
      with_customer: "客户编号",
      orders: "订单",
      net_cents: "净额",
      effect: "去向"
    },
    yes: "有",
    no: "无",
    effects: {
      customerRevenue: "客户收入",
      deducted: "从客户收入中扣除",
      totalsOnly: "只计入销售总额",
      deductedTotals: "只从销售总额中扣除",
      leftOut: "不计入收入"
    },
    reasonNames: {
      duplicate: "重复",
      cancellation: "取消",
      "credit note": "贷项",
      return: "退货",
      adjustment: "调整",
      "no customer id": "无客户编号",
      "missing order id": "缺少订单号",
      "blank row (every field empty)": "空行",
      "missing date": "缺少日期",
      "unreadable date": "日期无法读取",
      "ambiguous date (day and month order unknown: set dateFormat)": "日期有歧义（请设置 dateFormat）",
      "date outside the plausible window": "日期超出合理范围",
      "two-digit year (century unknown: set dateFormat)": "两位数年份（世纪不明：请设置 dateFormat）",
      "currency code missing or not the file's currency": "币种代码缺失或不是文件的币种",
      "a spreadsheet day number, not a date (export the column formatted as dates)":
        "电子表格的日期序号，而不是日期（请将该列按日期格式导出）",
      "quantity is not a whole number": "数量不是整数",
      "unreadable quantity (more decimals than qtyDecimals, or not a number)":
        "无法读取的数量（小数位数超过 qtyDecimals，或不是数字）",
      "discount larger than what it discounts": "折扣大于其所折扣的金额",
      "quantity and line total of opposite signs": "数量与行金额符号相反",
      "quantity out of range": "数量超出范围",
      "missing amount": "缺少金额",
      "amount out of range": "金额超出范围",
      "amount in another currency": "其他货币的金额",
      "more decimals than the mapping allows (amountDecimals, 2 unless set)":
        "小数位数超过映射允许的位数（amountDecimals）",
      "amount in exponent notation": "金额为科学计数法",
      'decimal comma (set decimal: "," in the mapping)': '小数逗号（请在映射中设置 decimal: ","）',
      "digit grouping not in threes": "数字分组不是千位",
      "amount is not a number": "金额不是数字",
      "undecodable text (not valid in the file's encoding; set encoding in the mapping if the file has another)":
        "无法解码的文本（不符合文件编码；如文件使用其他编码，请在映射中设置 encoding）",
      "invoice lines name different customers": "发票各行客户不同",
      "invoice lines fall on different days": "发票各行日期不同",
      "order id repeated with different values": "订单号重复且内容不同",
      "identical to an earlier row (kept: the file has no order ids)": "与前面某行完全相同（保留：文件没有订单号）",
      "missing customer id": "缺少客户编号",
      "customer id in exponent notation (digits lost in a spreadsheet)":
        "客户编号为科学计数法（数字已在电子表格中丢失）",
      "unreadable opt-out date (counted as no consent)": "退订日期无法读取（视为不同意）",
      "unreadable consent (counted as no consent)": "营销同意值无法读取（视为不同意）",
      "unreadable birth date (age unknown)": "出生日期无法读取（年龄未知）",
      "unreadable points (left blank)": "积分无法读取（留空）",
      "missing campaign id": "缺少活动编号",
      "campaign id repeated with different values": "活动编号重复且内容不同",
      "unreadable response window (a whole number of days, 1 to 365)": "响应窗口无法读取（应为 1 到 365 的整数天）",
      "contact of a campaign not in the campaign list": "触达记录的活动不在活动清单中",
      "group is neither treatment nor holdout (set groups in the mapping)":
        "分组既不是触达组也不是对照组（请在映射中设置 groups）",
      "unreadable yes/no flag": "是/否标记无法读取"
    },
    reasons: {
      duplicate: "与前面某一行完全相同（会员名单中为已出现过的编号）：只计一次。",
      cancellation: "已取消的订单，其销售不在文件中（订单号带取消前缀）：不计入收入。",
      "credit note": "针对仍在文件中的销售开具的贷项（订单号带贷项前缀）：在开具当日从客户收入中扣除。",
      return: "退货（数量或金额为负）：从收入中扣除。",
      adjustment: "对收入没有价值的行或订单（价格为零或负、数量或金额为零：更正、费用、核销）：不计入收入。",
      "no customer id": "没有客户编号的销售（散客或游客购买）：计入销售总额，不进入客户表。",
      "missing order id": "拒绝：该行没有订单号。",
      "blank row (every field empty)":
        "拒绝：该行每个字段都为空（只有分隔符的一行，电子表格清空某行单元格后会这样写出）。其中没有任何数据。",
      "missing date": "拒绝：该行没有日期。",
      "unreadable date": "拒绝：日期格式无法识别。",
      "ambiguous date (day and month order unknown: set dateFormat)":
        "拒绝：03/04/2024 可能是三月或四月；请在 workbench.config.ts 中设置 dateFormat。",
      "two-digit year (century unknown: set dateFormat)":
        '拒绝：5-Mar-24 没有写出世纪；请在 workbench.config.ts 中设置 dateFormat（例如 "%d-%b-%y"）。',
      "date outside the plausible window":
        "拒绝：日期早于 1990 年或晚于构建日期（年份笔误会影响所有页面）；可在映射中设置 dates 放宽范围。",
      "currency code missing or not the file's currency":
        "拒绝：该行的币种代码（映射的 currency_code 列）为空，或不是文件的币种：其金额会被按错误的货币计算。",
      "a spreadsheet day number, not a date (export the column formatted as dates)":
        "拒绝：类似 40513.35 的数字，这是电子表格存储日期的方式（从 1900 年起的天数，旧版 Mac 文件从 1904 年起）。无法确定使用哪种纪年，因此不做转换：请将该列按日期格式导出。",
      "quantity is not a whole number": "拒绝：数量不是整数。",
      "unreadable quantity (more decimals than qtyDecimals, or not a number)":
        "拒绝：数量不是数字，或小数位数超过映射允许的位数（qtyDecimals）。",
      "discount larger than what it discounts":
        '拒绝：该行的折扣大于整行金额（discountPer: "line"）或大于单价（discountPer: "unit"）：该行的价值将小于零。',
      "quantity and line total of opposite signs":
        "拒绝：数量与行金额符号相反（−2 件，金额 20.00）：无法判断是销售还是退货。",
      "quantity out of range": "拒绝：单行数量超过一百万。",
      "missing amount": "拒绝：价格或金额为空。",
      "amount out of range": "拒绝：金额超过一百亿：属于笔误，且合计必须保持精确。",
      "amount in another currency": "拒绝：金额带有与配置货币不同的货币符号。",
      "more decimals than the mapping allows (amountDecimals, 2 unless set)":
        "拒绝：小数位数超过映射允许的位数（默认 amountDecimals 为 2 时的 0.001）：读取它就意味着四舍五入。如果导出文件的价格精确到厘，请在映射中设置 amountDecimals（最多 4）：每行或每笔订单只在最后四舍五入一次到分。",
      "amount in exponent notation": "拒绝：金额写成了 1e15 这样的形式。",
      'decimal comma (set decimal: "," in the mapping)':
        '拒绝：12,50 使用逗号作小数点；如果文件确实如此，请在映射中设置 decimal: ","。',
      "digit grouping not in threes": "拒绝：分隔符不是千位分组（12 50）：无法确定数值。",
      "amount is not a number": "拒绝：价格或金额不是数字。",
      "undecodable text (not valid in the file's encoding; set encoding in the mapping if the file has another)":
        '拒绝：该行的字节不符合文件的编码（来自其他程序的行）：读取会变成乱码。如果很多行都是这样，说明整个文件的编码既不是 UTF-8 也不是 GB18030（欧洲版 Windows 上的 Excel 写出 Windows-1252）：请在映射中注明，例如 encoding: "windows-1252"。',
      "invoice lines name different customers":
        "拒绝：同一发票的各行属于不同客户（或部分没有客户）：无法判断是谁的购买。",
      "invoice lines fall on different days": "拒绝：同一发票的各行日期不同：无法判断日期。",
      "order id repeated with different values": "拒绝：同一订单号出现在内容不同的行上：无法判断哪一行正确。",
      "identical to an earlier row (kept: the file has no order ids)":
        "接受：与前面某行写法完全相同的购买。没有订单号时，无法区分同一天同一金额的第二次购买与重复复制的行，因此每一行都算作一笔订单。",
      "missing customer id": "拒绝：会员名单中没有客户编号的行。",
      "customer id in exponent notation (digits lost in a spreadsheet)":
        "拒绝：客户编号写成 1.23457E+11 这样的形式，这是电子表格显示被四舍五入的长数字的方式：多位客户可能因此共用同一编号。请将编号列按文本导出。",
      "unreadable opt-out date (counted as no consent)": "已接受，但退订日期无法读取：该客户视为不同意营销。",
      "unreadable consent (counted as no consent)":
        "已接受，但营销同意值不是可识别的是/否写法（1/0、y/n、yes/no、true/false、t/f、是/否）：该客户视为不同意营销。若该列表示同意，请在映射的 consentValues 中写明该名单自己的写法。",
      "unreadable birth date (age unknown)": "已接受，但出生日期无法读取：年龄段未知。",
      "unreadable points (left blank)": "已接受，但积分无法读取：留空。",
      "missing campaign id": "活动或触达记录缺少活动编号：拒绝。",
      "campaign id repeated with different values":
        "活动清单中同一活动出现两次且内容不同（无法判断哪个发送日期正确）：这些行全部拒绝。",
      "unreadable response window (a whole number of days, 1 to 365)":
        "响应窗口不是 1 到 365 的整数天：拒绝该活动，而不是按猜测的窗口评估。",
      "contact of a campaign not in the campaign list":
        "触达记录所属活动不在活动清单中（或已被拒绝）：因发送日期未知而拒绝。",
      "group is neither treatment nor holdout (set groups in the mapping)":
        "分组值既不表示触达组也不表示对照组：拒绝。请在映射中（groups）写明您的取值。",
      "unreadable yes/no flag": "发送或核销的值既不是“是”也不是“否”：拒绝（核销为空视为未核销）。"
    }
  },
  campaigns: {
    title: "营销活动评估",
    intro: (asOf: string) =>
      `每个活动与其随机对照组比较：对照组从同一受众中随机抽出、未被触达，其响应就是被触达者若未被触达时的表现。**响应**：发送日之后、活动窗口内有购买。**提升**：触达组响应率减对照组响应率，附 95% 置信区间（Newcombe 混合得分区间；相对提升用 Katz 对数法；人均收入用 Welch 方法）。数据截至 ${asOf}。`,
    none: "此数据没有营销活动。文件数据源可读取活动与触达名单导出（见 README「活动评估」）；内置样例有两个活动。",
    window: "响应窗口",
    ownWindow: "各活动自己的窗口",
    days: (n: number) => `${n} 天`,
    upliftTitle: "响应提升及 95% 置信区间",
    upliftAxis: "提升（百分点）→",
    truth: "真实值",
    truthNote: "圆圈：内置样例生成时设定的真实提升。区间应有 95% 的机会包含它。",
    costsTitle: "成本与回报",
    costsIntro:
      "活动成本 = 触达成本 + 已核销优惠的成本；回报 = 增量收入的毛利。默认值来自 workbench.config.ts（campaigns），可在此修改并立即看到回报。",
    costPerContact: (symbol: string) => `每次触达成本（${symbol}）`,
    offerCost: (symbol: string) => `每次核销优惠成本（${symbol}）`,
    margin: "毛利率（占净收入 %）",
    marginUnset: "设置毛利率后显示回报",
    sent: (date: string, days: number) => `发送于 ${date} · 响应窗口 ${days} 天`,
    trueUplift: (points: string) => `样例设定的提升为 ${points} 个百分点`,
    small: "有一组不足 30 位客户：区间很宽，且不比较收入。",
    treated: "触达组",
    holdout: "对照组",
    difference: "差异 [95% 区间]",
    customers: "客户数",
    response: "响应率",
    pointsUnit: "个百分点",
    relative: "相对",
    revenuePerCustomer: "窗口内人均收入",
    marginPerCustomer: "窗口内人均毛利",
    incrementalCustomers: "增量客户",
    incrementalRevenue: "增量收入",
    redemption: "核销率",
    cost: "成本",
    incrementalMargin: "增量毛利",
    roi: "投资回报率（(毛利 − 成本) ÷ 成本）",
    bySegment: "按细分的提升",
    bySegmentIntro:
      "每位被选客户在发送前一天所属的细分（即被选中时的细分）。小组的区间很宽：只有区间较窄的细分，其提升才值得据以行动。",
    campaign: "活动",
    tooSmall: "样本太小，无法判断",
    segmentColumns: {
      segment: "细分",
      treated: "触达",
      holdout: "对照",
      treatedRate: "响应率（触达）",
      holdoutRate: "响应率（对照）",
      uplift: "提升，百分点 [95%]",
      note: "备注"
    } as Record<string, string>,
    plannerTitle: "规划：对照组需要多大？",
    plannerIntro: "给定拟定受众和预期提升，能检测出该提升的最小对照组（5% 显著性，80% 检验效能）。",
    plannerAudience: "受众人数",
    plannerBaseline: "基线响应率（%）",
    plannerUplift: "预期提升（百分点）",
    plannerResult: (holdout: string, share: string, treated: string) =>
      `留出 ${holdout} 位客户作对照（占受众 ${share}），触达 ${treated} 位。`,
    plannerImpossible: (audience: string, uplift: string, smallest: string) =>
      `${audience} 人的受众无法检测 ${uplift} 个百分点的提升：即使平分，最多也只能检测 ${smallest}。请扩大受众或预期更大的提升。`
  },
  audiences: {
    title: "受众构建",
    intro: (asOf: string) =>
      `选择活动的目标客户（截至 ${asOf}）。**同意优先**：没有营销同意、已退订或同意状态未知的客户永远不会进入受众；下表显示每一步各去掉了多少人。随机**对照组**在每个细分中按相同比例留出（有种子：相同种子得到相同划分），以便事后评估活动。`,
    noConsentData:
      "**这份数据没有记录任何营销授权**，因此没有客户能进入受众：请在 workbench.config.ts 中把 `marketing_consent`（以及 `opt_out_date`）映射到会员名单的相应列（见 README 的 Audiences 一节）。",
    segmentBy: "细分依据",
    ownRules: "自定义规则",
    rulesText: "规则（同规则实验室）",
    type: "四类客户",
    stage: "生命周期阶段",
    birthMonth: (now: number) => `生日月份（本月：${now}）`,
    month: (n: number) => `${n} 月`,
    risk: "流失风险",
    risks: {"at risk": "有风险", "not at risk": "无风险", "no prediction": "无预测"} as Record<string, string>,
    clvBand: "CLV 区间",
    clvBands: {
      "top 10 %": "前 10%",
      "70–90 %": "第 70–90 百分位",
      "40–70 %": "第 40–70 百分位",
      "bottom 40 %": "后 40%",
      "no prediction": "无预测"
    } as Record<string, string>,
    holdoutShare: "对照组（每个细分的 %）",
    seed: "随机种子",
    baseline: "基线响应率（%）",
    pAliveMax: "P(alive) 不超过",
    anyValue: "不限",
    ruleError: (line: number, message: string) => `第 ${line} 行：${message}`,
    audience: "受众",
    revenue: (v: string) => `累计收入 ${v}`,
    treatment: "触达",
    holdout: "对照组",
    detectable: "可检测的最小提升（百分点）",
    detectableNote: (baseline: string) => `80% 检验效能、5% 显著性，基线响应率 ${baseline}`,
    funnelTitle: "每一步去掉了多少人",
    funnelIntro: "每一步只保留前面各步保留的客户；同意检查放在最后。",
    known: "已知客户",
    steps: {
      segment: "细分",
      type: "四类客户",
      stage: "生命周期阶段",
      attributes: "地区、门店、等级、年龄、性别、渠道",
      birthday: "生日月份",
      prediction: "流失风险与 CLV"
    } as Record<string, string>,
    noConsent: "无营销同意",
    optedOut: "已退订",
    unknownConsent: "同意状态未知",
    left: "剩余客户",
    removed: "去掉",
    segmentsTitle: "受众按细分",
    columns: {
      segment: "细分",
      treatment: "触达",
      holdout: "对照",
      revenue_cents: "累计收入",
      customer_key: "客户（假名）",
      group: "组",
      type: "四类客户",
      stage: "阶段",
      region: "地区",
      orders: "订单数"
    } as Record<string, string>,
    exportTitle: "导出",
    exportIntro:
      "CSV 包含假名键和每位客户的分组（触达或对照）；JSON 说明包含选择条件、日期、人数和密钥指纹，便于重建和审计受众。发送前，在您自己的电脑上把假名换回自有 ID：`npm run audience:resolve -- audience.csv`（见 README「受众」）。",
    exportName: "受众",
    exportSpec: "导出说明（JSON）",
    previewTitle: "预览：收入最高的 20 位"
  },
  loyalty: {
    title: "会员等级与积分",
    intro: (asOf: string, months: number, perUnit: number, value: string, expiry: number) =>
      `等级按最近 ${months} 个月的净消费确定；每消费 1 个货币单位得 ${perUnit} 积分，每积分价值 ${value}，${expiry} 个月后过期（workbench.config.ts 的 loyalty）。数据不记录积分兑换，因此按规则计算的未兑积分即最近 ${expiry} 个月所得。截至 ${asOf}。`,
    todayTitle: "当前等级",
    todayIntro:
      "按数据记录的等级，以及按规则计算的等级。留存率：前一个 12 个月内有购买的客户中，最近 12 个月再次购买的比例。",
    recordedTiers: "数据记录的等级",
    ruleTiers: "按规则计算的等级",
    columns: {
      tier: "等级",
      customers: "客户数",
      buyers_12m: "最近 12 个月购买客户",
      revenue_12m_cents: "最近 12 个月收入",
      revenue_cents: "累计收入",
      retention: "留存率",
      recorded_points: "记录积分",
      liability_cents: "积分负债（记录）",
      points_current: "按规则积分",
      rule_liability_cents: "积分负债（规则）"
    } as Record<string, string>,
    movesTitle: "客户在等级间的流动",
    movesIntro: "每位客户一年前和现在的等级（均按规则）；对角线为保持不变。",
    yearAgo: "一年前",
    now: "现在",
    whatIfTitle: "如果规则改变？",
    whatIfIntro: "修改门槛和积分规则：谁会升级、谁会降级，以及修改前后的积分负债。",
    threshold: (tier: string, symbol: string) => `${tier} 门槛（${symbol}）`,
    spendMonths: "决定等级的消费月数",
    pointsPerUnit: (symbol: string) => `每 ${symbol}1 积分`,
    pointValue: (symbol: string) => `每积分价值（${symbol}）`,
    expiryMonths: "积分有效期（月）",
    up: "升级",
    down: "降级",
    theirRevenue: (v: string) => `其最近 12 个月收入：${v}`,
    liabilityBefore: "当前积分负债",
    liabilityAfter: "修改后积分负债",
    whatIfColumns: {tier: "等级", current: "当前客户数", edited: "修改后客户数"} as Record<string, string>,
    configTitle: "配置（workbench.config.ts）",
    copy: "复制为配置",
    copied: "已复制"
  },
  report: {
    title: "管理层报告",
    nav: "管理层报告",
    periodTitle: (period: string) => `客户报告 · ${period}`,
    meta: (start: string, end: string, built: string) =>
      `统计期 ${start} 至 ${end} · 所有数字仅取 ${end} 及以前的数据 · 构建于 ${built} UTC`,
    suppressed: (k: number) => `— ：来自少于 ${k} 位客户的数字不予显示，可据以推算出此类数字的数字也不显示。`,
    latest: "最新报告",
    archive: "全部报告",
    open: (period: string) => `${period} 报告`,
    none: "数据中还没有完整的统计期，因此没有报告。",
    json: "数字（JSON）",
    fullSite: "分析工作台",
    kpisTitle: "核心指标",
    vsPrevious: (period: string) => `对比 ${period}`,
    vsYearAgo: (period: string) => `对比 ${period}`,
    noComparison: "无数据",
    points: (delta: string) => `${delta} 个百分点`,
    kpis: {
      customers: "客户数",
      active: "活跃购买客户",
      new: "新购买客户",
      revenue: "净销售额",
      aov: "客单价",
      frequency: "人均购买次数",
      revenuePerBuyer: "人均销售额",
      retention: "留存率",
      repeatRate: "复购率",
      prospectConversion: "注册 → 首购",
      secondPurchase: "首购 → 二次购买",
      topShare: "前 20% 客户贡献的销售额",
      loyalShare: "忠诚型客户贡献的销售额"
    } as Record<string, string>,
    kpiHelp:
      "客户数：统计期末已知的客户。活跃购买客户：统计期内有购买；新购买客户：统计期内首次购买。留存率：上一统计期的活跃购买客户中本期再次购买的比例。复购率：活跃购买客户中此前买过的比例。转化：统计期末已注册客户中已购买的比例；购买客户中已二次购买的比例。净销售额：客户在统计期内的购买减去退货。",
    trendTitle: "近一年",
    trendActive: "活跃购买客户",
    trendRevenue: "净销售额",
    findingsTitle: "主要发现",
    findingsHelp:
      "每句话都来自其链接的图表或数字。只有变化超过噪声时才会说明变化：1.96 个标准误（95%），比率用二项误差，人数用泊松误差，人均销售额用 Welch 误差；否则只说该数字基本持平。",
    findings: {
      loyal: (customers: string, revenue: string) =>
        `忠诚型客户占客户的 ${customers}，贡献购买客户销售额的 ${revenue}。`,
      loyalChange: (customers: string, revenue: string, direction: string, before: string, period: string) =>
        `忠诚型客户占客户的 ${customers}（较 ${period} 的 ${before} ${direction}），贡献购买客户销售额的 ${revenue}。`,
      active: (n: string, direction: string, delta: string, period: string) =>
        `${n} 位客户有购买，比 ${period} ${direction} ${delta} 位。`,
      activeSame: (n: string, period: string) => `${n} 位客户有购买，与 ${period} 基本持平。`,
      newBuyers: (n: string, direction: string, delta: string, period: string) =>
        `${n} 位新客户首次购买，比 ${period} ${direction} ${delta} 位。`,
      newSame: (n: string, period: string) => `${n} 位新客户首次购买，与 ${period} 基本持平。`,
      retention: (rate: string, direction: string, before: string, period: string) =>
        `留存率为 ${rate}，较 ${period} 的 ${before} ${direction}。`,
      retentionSame: (rate: string, period: string) => `留存率为 ${rate}，与 ${period} 相比没有实际变化。`,
      perBuyer: (amount: string, direction: string, before: string, period: string) =>
        `人均销售额为 ${amount}，较 ${period} 的 ${before} ${direction}。`,
      perBuyerSame: (amount: string, period: string) => `人均销售额为 ${amount}，与 ${period} 相比没有实际变化。`,
      top: (share: string) => `前 20% 的购买客户贡献了本期 ${share} 的销售额。`,
      best: (what: string, group: string, amount: string) => `人均销售额最高的${what}：${group}（${amount}）。`,
      flow: (n: string, from: string, to: string) => `${n} 位客户从${from}转为${to}。`,
      up: "上升",
      down: "下降",
      more: "多",
      fewer: "少"
    },
    typesTitle: "四类客户",
    typesHelp: (highValue: string) =>
      `每位客户在统计期末的类型（规则集：服装店四类客户；忠诚型：4 单及以上、累计收入 ${highValue} 及以上、180 天内有购买）、占客户的比例、占本期购买客户销售额的比例、较上一统计期的人数变化，以及应对策略。`,
    type: "类型",
    size: "客户数",
    change: "变化",
    customerShare: "客户占比",
    revenueShare: "销售额占比",
    playbook: "策略",
    migrationTitle: (before: string, after: string) => `客户流向：${before} 的类型 → ${after} 的类型`,
    newlyKnown: "（新客户）",
    lifecycleTitle: "本期生命周期",
    lifecycleHelp:
      "活跃购买客户分为新客户（首次购买）、回头客（上一统计期也有购买）和回流客户（间隔后重新购买）；沉睡客户指上一统计期有购买而本期没有。",
    cohortsTitle: "同期群留存",
    cohortsHelp:
      "某月新购买客户在首购后第 n 个月再次购买的比例：全部同期群合并，以及最近几个同期群首购后一个月的留存。",
    afterMonths: (n: string) => `${n} 个月后`,
    cohort: (c: string) => `${c} 同期群，1 个月后`,
    groupsTitle: "地区与门店",
    groupsHelp: (k: number) =>
      `按活跃购买客户人均销售额排列的最好和最差者，并附留存率；每个数字都至少来自 ${k} 位客户的组别才参与排名。`,
    region: "地区",
    home_store: "门店",
    regionHeading: "地区",
    storeHeading: "所属门店",
    top: "最好",
    bottom: "最差",
    ranked: (shown: string, all: string) => `${all} 个中排名 ${shown} 个`,
    noAttribute: (what: string) => `数据中没有客户的${what}信息。`,
    noGroups: "各组客户太少，无法排名。",
    outlookTitle: (asOf: string) => `展望（截至 ${asOf}）`,
    outlookHelp: (threshold: string) =>
      `来自构建时拟合的模型（见客户终身价值页）：已评分购买客户未来 12 个月的预期价值，以及其中仍为客户的概率低于 ${threshold} 者的价值。展望随每次构建而变，因此只在此处显示，不进入各统计期报告。`,
    scored: "购买客户预期价值（12 个月）",
    atRisk: "风险价值",
    buyersCount: (n: string) => `${n} 位购买客户`,
    noOutlook: "本次构建没有预测结果。",
    campaignsTitle: "营销活动",
    noCampaigns: "本期没有响应窗口结束的营销活动。",
    campaignColumns: ["活动", "发送日期", "触达", "对照", "响应率：触达 / 对照", "提升，百分点 [95%]"],
    campaignRaised: "提高了响应",
    campaignLowered: "降低了响应",
    campaignUnclear: "无明显效果",
    campaignOpen: (name: string, sent: string, closes: string) =>
      `${name}，发送于 ${sent}：响应窗口于 ${closes} 结束，将在该期报告中评估。`,
    campaignMethod:
      "每个活动与其随机对照组比较；响应指活动窗口内有购买。区间采用 Newcombe 方法；活动在其窗口结束的那一期报告，此时它计入的所有购买都已在数据中。",
    page: "页",
    printedFrom: (period: string, built: string) => `客户报告 ${period} · 构建于 ${built} UTC`
  }
};
