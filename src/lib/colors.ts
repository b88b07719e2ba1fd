/** Colour scales shared by every chart, defined once. */

/** Customers vs revenue, used wherever the two shares stand side by side. */
export const SHARE_COLORS = {domain: ["Customers", "Revenue"], range: ["#8da0cb", "#e78ac3"]};
