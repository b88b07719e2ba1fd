/** What each ingestion outcome means, in the words the data-quality page shows. */

export const OUTCOME_COLORS = {domain: ["accepted", "classified", "rejected"], range: ["#59a14f", "#f28e2b", "#e15759"]};

/** Why a row did not become a customer purchase, and where it went instead. */
export const REASON_TEXT: Record<string, string> = {
  duplicate: "An exact copy of an earlier row: counted once.",
  cancellation: "A cancelled invoice (order id with the cancel prefix): kept out of revenue and customer tables.",
  return: "Goods returned (negative quantity or amount): reduces the customer's revenue.",
  adjustment: "Zero or negative price (a correction, a fee, bad debt): kept out of customer metrics.",
  "no customer id": "A sale without a customer id (walk-in): counted in sales totals, left out of customer tables.",
  "missing order id": "Rejected: the row has no order id.",
  "missing date": "Rejected: the row has no date.",
  "unreadable date": "Rejected: the date is in no known format.",
  "ambiguous date (day and month order unknown: set dateFormat)": "Rejected: 03/04/2024 could be March or April; set dateFormat in workbench.config.ts.",
  "quantity is not a whole number": "Rejected: the quantity is not a whole number.",
  "amount is not a number": "Rejected: the price or amount is not a number.",
  "missing customer id": "Rejected: a master-list row without a customer id."
};

/** The explanation of a reason (accepted rows have none). */
export function reasonText(outcome: string, reason: string | null): string {
  if (outcome === "accepted") return "A customer's purchase (or a customer on the master list).";
  return (reason && REASON_TEXT[reason]) ?? reason ?? "";
}
