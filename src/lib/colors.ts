/** Colour scales shared by every chart, defined once. Domains are data values; labels are translated where drawn. */
import {STAGES} from "./stages.js";

/** Customers vs revenue, used wherever the two shares stand side by side. */
export const SHARE_COLORS = {domain: ["Customers", "Revenue"], range: ["#8da0cb", "#e78ac3"]};

/** Monthly lifecycle states. */
export const LIFECYCLE_COLORS = {
  domain: ["new", "returning", "resurrecting", "dormant"],
  range: ["#1b9e77", "#7570b3", "#66a61e", "#d95f02"]
};

/** Lifecycle stages, in lifecycle order. */
export const STAGE_COLORS = {
  domain: [...STAGES],
  range: ["#bdbdbd", "#9ecae1", "#4292c6", "#08519c", "#fd8d3c", "#a50f15"]
};

/** Data-quality outcomes. */
export const OUTCOME_COLORS = {
  domain: ["accepted", "classified", "rejected"],
  range: ["#59a14f", "#f28e2b", "#e15759"]
};

/** Predicted vs actual (the calibration chart) and the two churn signals. */
export const PREDICTION_COLORS = {domain: ["predicted", "actual"], range: ["#4e79a7", "#e15759"]};
export const SIGNAL_COLORS = {domain: ["model", "rule"], range: ["#b07aa1", "#f28e2b"]};
