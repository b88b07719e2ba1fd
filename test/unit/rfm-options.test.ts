/** The RFM explorer's inputs read into scoring options (src/lib/rfm-options.ts). */
import {expect, test} from "vitest";
import {defaultRfmPageInputs, defaultThresholdTexts, rfmPageOptions} from "../../src/lib/rfm-options.js";

const AS_OF = "2026-06-30";

test("the page's defaults: quantile scores on 1–5, read from the customer table at the build date", () => {
  const {rfm, thresholdErrors} = rfmPageOptions(defaultRfmPageInputs(AS_OF));
  expect(thresholdErrors).toEqual([]);
  expect(rfm).toMatchObject({asOf: AS_OF, scale: 5, method: "quantile", activity: "customers", filters: {}});
});

test("another date reads the customer × day table", () => {
  const {rfm} = rfmPageOptions({...defaultRfmPageInputs(AS_OF), asOf: "2026-01-31"});
  expect(rfm.activity).toBe("customer_day");
});

test("threshold scoring with readable cuts uses them; a bad cut falls back to quantiles and says why", () => {
  const inputs = {
    ...defaultRfmPageInputs(AS_OF),
    method: "thresholds" as const,
    ...defaultThresholdTexts(3),
    scale: 3 as const
  };
  const good = rfmPageOptions(inputs);
  expect(good.rfm.method).toBe("thresholds");
  expect(good.rfm.thresholds).toEqual({recency: [90, 365], frequency: [2, 5], monetary: [500, 2000]});
  const bad = rfmPageOptions({...inputs, recency: "365, 90"});
  expect(bad.rfm.method).toBe("quantile");
  expect(bad.thresholdErrors).toEqual(["recency: values must increase"]);
  // Under quantile scoring the texts do not matter: no error is shown.
  expect(rfmPageOptions({...inputs, method: "quantile", recency: "x"}).thresholdErrors).toEqual([]);
});
