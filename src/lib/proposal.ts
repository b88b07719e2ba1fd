/**
 * The rules the rules lab opens with: the proposal under test. Teams change this block in a pull
 * request (the lab's "Copy rules" gives an edited version in the same format); the build evaluates
 * it too, so the lab's first figures show before DuckDB-WASM has started.
 */
export const PAGE_RULES = `# Proposal: split Champions by spend, retire Hibernating
Champions: r_score >= 4 AND f_score >= 4 AND m_score = 5
Loyal: r_score >= 3 AND f_score >= 4
Potential Loyalist: r_score >= 4 AND f_score IN (2, 3)
New: r_score = 5 AND f_score = 1
Promising: r_score = 4 AND f_score = 1
Need Attention: r_score = 3 AND f_score IN (2, 3)
About to Sleep: r_score = 3 AND f_score = 1
Can't Lose: r_score <= 2 AND f_score >= 4 AND m_score >= 4
At Risk: r_score <= 2 AND f_score >= 3
Lost: r_score <= 2`;
